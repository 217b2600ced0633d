/**
 * Eleventy plugin: render `.md` templates with the project's markdown-it
 * configuration.
 *
 * Eleventy calls `disable("code")` on the library it is given, so indented
 * code blocks are not recognised in templates; fenced code is.
 */
import { createMarkdown, type MarkdownOptions } from "../markdown/index.ts";
import type { UserConfig } from "../types.ts";

export function markdownPlugin(config: UserConfig, options: Partial<MarkdownOptions> = {}): void {
  config.setLibrary("md", createMarkdown(options));
}
