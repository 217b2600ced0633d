/**
 * The search page `/search/`: Pagefind's default UI over the index that
 * src/plugins/search.ts writes to `/pagefind/` after each build. No inline
 * script or style (a strict Content-Security-Policy allows neither):
 * assets/js/search.js mounts the UI. Without JavaScript the page says so
 * and points to the archive and the tags.
 */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { BUNDLE_DIR } from "../src/search/index.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { HOME } from "../src/views/breadcrumbs.ts";

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: ArchiveStore }) {
  const site = archive.current.site;
  // Root-relative like every URL in the templates: the HtmlBasePlugin adds
  // the path prefix, and search.js finds the bundle from its own address.
  const bundle = `/${BUNDLE_DIR}/`;
  return (
    <Base site={site} title="Search" path="/search/" description={`Search the posts of ${site.title}.`} kind="page-search">
      <Breadcrumbs crumbs={[HOME, { label: "Search", url: "/search/" }]} />
      <header class="page-header">
        <h1>Search</h1>
        <p class="lede">Search the text of every post in the archive.</p>
      </header>
      {/* The plain form keeps `/search/?q=…` links working: search.js runs the query in `q`. */}
      <form class="search-form" role="search" action="/search/" method="get" data-search-form>
        <label for="search-query">Search the archive</label>
        <input id="search-query" type="search" name="q" />
        <button type="submit">Search</button>
      </form>
      <noscript>
        <p class="search-noscript">
          Search runs in your browser and needs JavaScript. Without it, browse{" "}
          <a href="/archive/">the archive by year and month</a> or <a href="/tags/">the posts by tag</a>.
        </p>
      </noscript>
      <div id="search" class="search-ui" data-search-ui></div>
      <link rel="stylesheet" href={`${bundle}pagefind-ui.css`} />
      <script src={`${bundle}pagefind-ui.js`} defer></script>
      <script src="/assets/js/search.js" defer></script>
    </Base>
  );
}
