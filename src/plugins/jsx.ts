/**
 * Layouts and pages as typed TSX (`*.11ty.tsx`), rendered to static HTML by
 * preact-render-to-string: text is escaped by the JSX runtime, raw HTML only
 * passes through `dangerouslySetInnerHTML`. The files are loaded by Node
 * through `tsx` (see package.json scripts).
 * https://www.11ty.dev/docs/languages/typescript/
 */
import { render } from "preact-render-to-string";
import type { VNode } from "preact";
import type { UserConfig } from "../types.ts";

interface JavaScriptTemplate {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** Turn what a page's `render()` returned into the page's HTML. */
export function toHtml(content: unknown): string {
  if (typeof content === "string") return content;
  const html = render(content as VNode);
  return html.startsWith("<html") ? `<!DOCTYPE html>\n${html}` : html;
}


export function jsxPlugin(config: UserConfig): void {
  config.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: JavaScriptTemplate, data: unknown) {
        return toHtml(await this.defaultRenderer(data));
      };
    },
  });
  config.addTemplateFormats("11ty.tsx");
  // Eleventy's watcher parses JavaScript imports with acorn, which cannot read
  // TypeScript; posts and data are watched by the content plugin instead.
  config.setWatchJavaScriptDependencies(false);
}
