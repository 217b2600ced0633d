/**
 * Backlist's Eleventy configuration: a thin composition of plugins. The real
 * code lives in src/ (one capability per plugin, see README "Code layout").
 * Run through `tsx` (npm scripts do), so the TypeScript imports below work.
 */
import { assetsPlugin } from "./src/plugins/assets.ts";
import { contentPlugin } from "./src/plugins/content.ts";
import { devPlugin } from "./src/plugins/dev.ts";
import { jsxPlugin } from "./src/plugins/jsx.ts";
import { markdownPlugin } from "./src/plugins/markdown.ts";
import { pathPrefixPlugin } from "./src/plugins/prefix.ts";
import { progressPlugin } from "./src/plugins/progress.ts";
import { searchPlugin } from "./src/plugins/search.ts";
import { pathPrefix } from "./src/urls.ts";

/** @param {import("@11ty/eleventy/UserConfig").default} config */
export default function (config) {
  config.addPlugin(markdownPlugin);
  config.addPlugin(jsxPlugin);
  config.addPlugin(contentPlugin);
  config.addPlugin(assetsPlugin);
  // Pagefind index of the written site, after every build (src/search/).
  config.addPlugin(searchPlugin);
  // Adds PATH_PREFIX to every URL in the HTML output (off when there is none).
  config.addPlugin(pathPrefixPlugin);
  // A progress line while a long build writes its pages (on a terminal only).
  config.addPlugin(progressPlugin);
  // npm start: 127.0.0.1 only, malformed paths answered at once, _dev-site/ and never _site/.
  config.addPlugin(devPlugin);
}

export const config = {
  // `data` is a folder that does not exist: `_data/` is read only by the
  // content loader, as YAML or JSON, so a script there is never run
  // (Eleventy would run `_data/*.js` and `*.cjs` as global data).
  dir: { input: "pages", includes: "../_includes", data: "../.no-eleventy-data", output: "_site" },
  templateFormats: ["11ty.tsx"],
  pathPrefix: pathPrefix(),
};
