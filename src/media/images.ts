/**
 * A post's images served well: each local image processed once by
 * @11ty/eleventy-img into a few widths in modern formats, with the original
 * format as the fallback, and written as a `<picture>` with `width` and
 * `height` (no layout shift), `srcset` and `sizes`; every image but the
 * first of a post is `loading="lazy" decoding="async"`.
 *
 * Processing is cached across builds in `.cache/images/`: a manifest per
 * source image, keyed by a hash of its bytes and of the settings, holds the
 * dimensions and files made; an image whose manifest and files are there is
 * not processed again. A second build of an unchanged archive processes
 * nothing (`ImageStats.processed` stays 0).
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { escapeAttribute } from "entities";
import Image from "@11ty/eleventy-img";

export interface ImageSettings {
  /** Widths made of each image (never wider than the original, which is always kept as the largest). */
  widths: number[];
  /** `sizes` of every `srcset`: how wide the image is shown (the article column is 42rem at most). */
  sizes: string;
  /** Modern formats tried for each original format; a format is kept only when it is smaller than the fallback. */
  modern: Readonly<Record<string, readonly string[]>>;
}

export const IMAGE_DEFAULTS: ImageSettings = Object.freeze({
  widths: [480, 960, 1440],
  sizes: "(min-width: 46rem) 42rem, 100vw",
  // AVIF pays for photographs; for screenshots and diagrams WebP does as well at a fraction of the encoding time.
  modern: Object.freeze({ jpeg: ["avif", "webp"], png: ["webp"], webp: [] }),
});

/** Original formats made into a responsive `<picture>`; others (GIF, SVG…) are kept as they are, with their dimensions. */
const PROCESSED = new Set(["jpeg", "png", "webp"]);

/** Bumped when the way images are made changes, so old cache entries are not used. */
const CACHE_VERSION = 2;

export interface MadeFile {
  /** Name of the file in the cache folder. */
  file: string;
  width: number;
  height: number;
  size: number;
}

/** What the cache keeps about one source image. */
export interface ImageManifest {
  width: number;
  height: number;
  /** The original's format (`png`, `jpeg`…), as the image decoder saw it. */
  format: string;
  /**
   * Made files by modern format, narrowest first. The fallback is the
   * original file itself, at its own width (every browser that lacks the
   * modern formats shows it). Empty when no modern format pays.
   */
  sources: { format: string; type: string; files: MadeFile[] }[];
  /** Narrower copies in the original format, made only when no modern format pays. */
  narrower?: MadeFile[];
}

export interface ImageStats {
  /** Images processed in this run. */
  processed: number;
  /** Images whose files came from the cache. */
  cached: number;
}

/** The cache of processed images, in one folder, shared by every build of the project. */
export class ImageCache {
  readonly stats: ImageStats = { processed: 0, cached: 0 };
  readonly #memo = new Map<string, Promise<ImageManifest>>();

  constructor(
    readonly folder: string,
    readonly settings: ImageSettings = IMAGE_DEFAULTS,
  ) {
    Image.concurrency = Math.max(1, availableParallelism());
  }

  resetStats(): void {
    this.stats.processed = 0;
    this.stats.cached = 0;
  }

  /** The manifest of the image at `file` (absolute), processing it when the cache does not have it. */
  async get(file: string): Promise<ImageManifest> {
    const bytes = await readFile(file);
    const key = createHash("sha256")
      .update(JSON.stringify({ v: CACHE_VERSION, widths: this.settings.widths, modern: this.settings.modern }))
      .update(bytes)
      .digest("hex")
      .slice(0, 20);
    let made = this.#memo.get(key);
    if (!made) {
      made = this.#load(key, bytes);
      this.#memo.set(key, made);
      // A failure is not remembered: the next build tries again.
      made.catch(() => this.#memo.delete(key));
    } else {
      this.stats.cached++;
    }
    return made;
  }

  /** Absolute path of a made file. */
  path(made: MadeFile): string {
    return path.join(this.folder, made.file);
  }

  async #load(key: string, bytes: Buffer): Promise<ImageManifest> {
    const manifestFile = path.join(this.folder, `${key}.json`);
    if (existsSync(manifestFile)) {
      try {
        const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as ImageManifest;
        if (manifest.sources.every((source) => source.files.every((f) => existsSync(path.join(this.folder, f.file))))) {
          this.stats.cached++;
          return manifest;
        }
      } catch {
        // A damaged entry is made again.
      }
    }
    const manifest = await this.#process(key, bytes);
    await mkdir(this.folder, { recursive: true });
    await writeFile(manifestFile, `${JSON.stringify(manifest)}\n`);
    this.stats.processed++;
    return manifest;
  }

  async #process(key: string, bytes: Buffer): Promise<ImageManifest> {
    let size: ReturnType<typeof Image.ImageSize>;
    try {
      size = Image.ImageSize(bytes);
    } catch {
      throw new Error("its format is not one the build knows, or the file is damaged");
    }
    const format = size.type === "jpg" ? "jpeg" : (size.type ?? "unknown");
    if (!size.width || !size.height) throw new Error("its dimensions cannot be read: it is not an image the build knows");
    if (!PROCESSED.has(format)) return { width: size.width, height: size.height, format, sources: [] };
    const narrower = this.settings.widths.filter((w) => w < size.width!);
    const make = (formats: string[], widths: (number | "auto")[]) =>
      Image(bytes, {
        widths,
        formats,
        outputDir: this.folder,
        urlPath: "/",
        useCache: false,
        filenameFormat: (_id, _src, width, fmt) => `${key}-${width}.${fmt}`,
      });
    const formats = [...(this.settings.modern[format] ?? [])];
    const metadata = formats.length ? await make(formats, [...narrower, "auto"]) : {};
    const sources = formats
      .map((fmt) => {
        const stats = metadata[fmt] ?? [];
        return {
          format: fmt,
          type: stats[0]?.sourceType ?? `image/${fmt}`,
          files: stats.map((s) => ({ file: s.filename, width: s.width, height: s.height, size: s.size })),
        };
      })
      .filter((source) => source.files.length > 0);
    // A modern format is worth its bytes only when, at full width, it is smaller than the original.
    const kept = sources.filter((source) => (source.files.at(-1)?.size ?? Infinity) < bytes.length);
    // When none does, narrower copies in the original format still spare phones the full width.
    const narrow = kept.length === 0 && narrower.length ? (await make([format], narrower))[format] ?? [] : [];
    return {
      width: size.width,
      height: size.height,
      format,
      sources: kept,
      ...(narrow.length ? { narrower: narrow.map((s) => ({ file: s.filename, width: s.width, height: s.height, size: s.size })) } : {}),
    };
  }
}

/** One image as a post shows it. */
export interface ImageView {
  /** Root-relative URL of the post's folder on the site: the post's URL. */
  base: string;
  /** The image's name in the post's folder (`diagram.png`). */
  name: string;
  alt: string;
  title?: string;
  /** The first image of the post: loaded at once, not lazily. */
  first: boolean;
}

/** Where a made file is published: beside the original, `diagram.png.960w.webp`. */
export function publishedName(name: string, made: MadeFile, format: string): string {
  return `${name}.${made.width}w.${format}`;
}

const url = (base: string, name: string) => base + name.split("/").map(encodeURIComponent).join("/");
const attr = (name: string, value: string) => ` ${name}="${escapeAttribute(value)}"`;

/**
 * The HTML of an image: a `<picture>` with a `<source>` per modern format
 * (a `srcset` of its widths) around the `<img>` of the original, or the
 * `<img>` alone when no modern format paid; `width` and `height` always.
 */
export function imageHtml(view: ImageView, manifest: ImageManifest, sizes = IMAGE_DEFAULTS.sizes): string {
  const lazy = view.first ? "" : ' loading="lazy" decoding="async"';
  const common = `${attr("alt", view.alt)}${view.title ? attr("title", view.title) : ""}${attr("width", String(manifest.width))}${attr("height", String(manifest.height))}${lazy}`;
  const srcset = (source: { format: string; files: readonly MadeFile[] }) =>
    source.files.map((f) => `${url(view.base, publishedName(view.name, f, source.format))} ${f.width}w`).join(", ");
  const original = `${url(view.base, view.name)} ${manifest.width}w`;
  // The original is always the img's largest candidate; GIFs, SVGs and other kept-as-is files get none.
  const narrow = PROCESSED.has(manifest.format)
    ? `${attr("srcset", [...(manifest.narrower?.length ? [srcset({ format: manifest.format, files: manifest.narrower })] : []), original].join(", "))}${attr("sizes", sizes)}`
    : "";
  const img = `<img${attr("src", url(view.base, view.name))}${narrow}${common}>`;
  if (manifest.sources.length === 0) return img;
  const modern = manifest.sources
    .map((source) => `<source${attr("type", source.type)}${attr("srcset", srcset(source))}${attr("sizes", sizes)}>`)
    .join("");
  return `<picture>${modern}${img}</picture>`;
}

/** Copy `from` to `to`, making its folder. */
export async function publish(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}
