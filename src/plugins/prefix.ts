/**
 * `PATH_PREFIX`: every root-relative URL in the HTML output (links, assets,
 * `<meta http-equiv="refresh">`) gets the prefix, through Eleventy's HTML
 * transformer, so templates and posts keep writing `/tags/xen/`.
 *
 * Eleventy's own HtmlBasePlugin leaves a URL alone when it already equals
 * the prefix, a guess against prefixing twice; Backlist never writes
 * prefixed URLs, and with the documented `PATH_PREFIX=/archive/` that guess
 * would break the link to the archive overview `/archive/`.
 */
import type { UserConfig } from "../types.ts";
import { pathPrefix, withPrefix } from "../urls.ts";

/** The part of Eleventy's config this plugin uses (not in its JSDoc types). */
interface HtmlTransformerConfig {
  htmlTransformer: {
    addUrlTransform(extensions: string, callback: (url: string) => string, options?: { priority?: number }): void;
  };
}

export function pathPrefixPlugin(config: UserConfig, options: { prefix?: string } = {}): void {
  const prefix = options.prefix ?? pathPrefix();
  if (prefix === "/") return;
  (config as unknown as HtmlTransformerConfig).htmlTransformer.addUrlTransform(
    "html",
    (url) => withPrefix(url.trim(), prefix),
    // Run after other URL transforms, as HtmlBasePlugin does.
    { priority: -2 },
  );
}
