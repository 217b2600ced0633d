/** The page static hosts serve for a URL that is not in the archive. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { HOME } from "../src/views/breadcrumbs.ts";
import { QUERY_SCRIPT_URL } from "../src/redirects/query.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: ArchiveStore }) {
  return (
    <Base site={archive.current.site} title="Page not found" kind="page-404">
      <Breadcrumbs crumbs={[HOME, { label: "Page not found" }]} />
      <header class="page-header">
        <h1>Page not found</h1>
      </header>
      <p>This address is not part of the archive. It may have moved when the blog was archived.</p>
      <p>
        <a href="/">Browse all posts from the home page</a>.
      </p>
      {/* `/index.php?p=12` is a missing file on a static host: the script sends it on (src/redirects/query.ts). */}
      {archive.hasQueryAliases && <script src={QUERY_SCRIPT_URL} defer></script>}
    </Base>
  );
}
