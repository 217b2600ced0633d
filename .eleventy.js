/**
 * Backlist's Eleventy configuration: a thin composition of plugins. The real
 * code lives in src/ (one capability per plugin, see README "Code layout").
 * Run through `tsx` (npm scripts do), so the TypeScript imports below work.
 */
import { contentPlugin } from "./src/plugins/content.ts";
import { jsxPlugin } from "./src/plugins/jsx.ts";
import { markdownPlugin } from "./src/plugins/markdown.ts";
import { assetsPlugin } from "./src/plugins/assets.ts";

/** @param {import("@11ty/eleventy/UserConfig").default} config */
export default function (config) {
  config.addPlugin(markdownPlugin);
  config.addPlugin(jsxPlugin);
  config.addPlugin(contentPlugin);
  config.addPlugin(assetsPlugin);
}

export const config = {
  dir: { input: "pages", includes: "../_includes", data: "../_data", output: "_site" },
  templateFormats: ["11ty.tsx"],
};
