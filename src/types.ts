/**
 * Shapes shared with Eleventy, typed once. Eleventy 3 ships JSDoc types;
 * `UserConfig` type-checks with `allowJs` + `maxNodeModuleJsDepth: 1`.
 */
export type { default as UserConfig } from "@11ty/eleventy/UserConfig";

/** One problem found in the input: `path:line: field: message`. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in that file, where known. */
  line?: number;
  /** The front-matter key or data path, e.g. `date` or `blogs.main.timezone`. */
  field: string;
  message: string;
  severity: "error" | "warning";
}
