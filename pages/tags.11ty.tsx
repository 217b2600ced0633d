/** Every tag with its number of posts (`/tags/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { HOME } from "../src/views/breadcrumbs.ts";
import { TAGS_URL } from "../src/views/listings.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";

export const data = { permalink: TAGS_URL, eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: ArchiveStore }) {
  const tags = archive.tagIndex;
  return (
    <Base site={archive.current.site} path={TAGS_URL} title="Tags" kind="page-tags">
      <Breadcrumbs crumbs={[HOME, { label: "Tags", url: TAGS_URL }]} />
      <header class="page-header">
        <h1>Tags</h1>
      </header>
      <ul class="tag-index">
        {tags.map((tag) => (
          <li>
            <a href={tag.url}>{tag.name}</a> <span class="count">({tag.count})</span>
          </li>
        ))}
      </ul>
    </Base>
  );
}
