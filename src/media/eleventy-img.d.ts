/**
 * The part of @11ty/eleventy-img 6 that Backlist uses (the package ships
 * no types): https://www.11ty.dev/docs/plugins/image/
 */
declare module "@11ty/eleventy-img" {
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    filename: string;
    outputPath: string;
    size: number;
    sourceType: string;
  }
  export type ImageMetadata = Record<string, ImageStat[]>;
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: (string | null)[];
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    useCache?: boolean;
    sharpOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    svgShortCircuit?: boolean | "size";
  }
  interface ImageFunction {
    (src: string | Buffer, options?: ImageOptions): Promise<ImageMetadata>;
    concurrency: number;
    /** image-size's function: the dimensions and type of an image file's bytes. */
    ImageSize(input: Buffer): { width?: number; height?: number; type?: string };
  }
  const Image: ImageFunction;
  export default Image;
}
