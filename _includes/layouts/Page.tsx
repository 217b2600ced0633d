/** A blog's standalone page (About, Contact…): its breadcrumbs, title, byline and text; searchable like a post. */
import type { Site } from "../../src/schema/index.ts";
import type { PageView } from "../../src/views/page.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Base } from "./Base.tsx";

export function Page({ site, view }: { site: Site; view: PageView }) {
  const { page } = view;
  const updated = page.updated ?? page.date;
  return (
    <Base site={site} title={page.title} description={page.summary} path={page.url} kind="page-standalone">
      <Breadcrumbs crumbs={view.crumbs} />
      <article class="post standalone-page" data-pagefind-body={page.draft ? undefined : ""} data-pagefind-filter={`blog:${view.blogTitle}`}>
        {page.draft && (
          <p class="draft-banner">
            <strong>Draft — not published.</strong> Only <code>npm start</code> shows this page; <code>npm run build</code> leaves it out.
          </p>
        )}
        <header class="post-header">
          <h1 class="p-name">{page.title}</h1>
          {(view.authorName || updated) && (
            <p class="post-meta" data-pagefind-ignore="">
              {view.authorName && <span class="p-author">{view.authorName}</span>}
              {view.authorName && updated && " · "}
              {updated && <time datetime={updated.datetime}>{updated.datetime.slice(0, 10)}</time>}
            </p>
          )}
        </header>
        <div class="post-body e-content" dangerouslySetInnerHTML={{ __html: page.html }} />
      </article>
    </Base>
  );
}
