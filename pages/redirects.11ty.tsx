/**
 * Old addresses of posts (src/redirects): the `_redirects` file of Netlify
 * and Cloudflare Pages, and at each old path a small page that sends the
 * reader on, for hosts that read no redirect rules. The page is marked
 * `noindex` and names the post's URL as canonical, so search engines move
 * the old address's standing to it.
 */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { RedirectOutput } from "../src/redirects/index.ts";
import { absoluteUrl } from "../src/urls.ts";

export const data = {
  pagination: { data: "archive.redirects", size: 1, alias: "output" },
  permalink: (data: { output: RedirectOutput }) => data.output.url,
  eleventyExcludeFromCollections: true,
};

export function render({ output, archive }: { output: RedirectOutput; archive: ArchiveStore }) {
  if (output.kind === "rules" || output.kind === "queries") return output.body;
  const { redirect } = output;
  const site = archive.current.site;
  // Root-relative: the path prefix is added with every other link of the site (HtmlBasePlugin).
  const target = redirect.to;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <title>{`Moved: ${redirect.title} · ${site.title}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={absoluteUrl(site.url, target)} />
        <meta http-equiv="refresh" content={`0; url=${target}`} />
      </head>
      <body>
        <p>
          This post has moved to <a href={target}>{redirect.title}</a>.
        </p>
      </body>
    </html>
  );
}
