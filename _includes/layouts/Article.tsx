/** An article page: the post, and beside it (below on narrow screens) its sidebar. */
import type { Site } from "../../src/schema/index.ts";
import type { ArticleView } from "../../src/views/article.ts";
import { AuthorCard } from "../components/AuthorCard.tsx";
import { NotPreserved } from "../components/NotPreserved.tsx";
import { PostMeta } from "../components/PostMeta.tsx";
import { Provenance } from "../components/Provenance.tsx";
import { PrevNext } from "../components/PrevNext.tsx";
import { RelatedArticle } from "../components/RelatedArticle.tsx";
import { Backlinks, Sidebar } from "../components/Sidebar.tsx";
import type { SidebarView } from "../../src/sidebars/index.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { postCrumbs } from "../../src/views/breadcrumbs.ts";
import { Comments } from "../components/Comments.tsx";
import type { CommentsView } from "../../src/comments/view.ts";
import { Base } from "./Base.tsx";
import { SeriesPlace, SeriesPrevNext } from "../components/SeriesNav.tsx";
import type { SeriesNav } from "../../src/series/index.ts";
import { phrase } from "../../src/words/index.ts";

export interface ArticleProps {
  site: Site;
  view: ArticleView;
  sidebar: SidebarView;
  /** schema.org BlogPosting of the post. */
  jsonLd: object;
  /** The post's comments (none: nothing is shown). */
  comments?: CommentsView;
  /** The post's place in its series, if it is in one. */
  series?: SeriesNav;
}

export function Article({ site, view, sidebar, jsonLd, comments, series }: ArticleProps) {
  const { post } = view;
  return (
    <Base site={site} title={post.title} description={post.summary} path={post.url} type="article" jsonLd={jsonLd} feed={{ blog: view.blog.id, title: view.blog.title }} kind="page-article" canonicalUrl={view.original?.canonical}>
      <Breadcrumbs crumbs={postCrumbs(post, view.blog.title, site.language)} />
      <div class="article-layout">
        {/* Search indexes the post alone (src/search/index.ts), never a draft; blog and tags are its filters. */}
        <article class="post h-entry" data-pagefind-body={post.draft ? undefined : ""} data-pagefind-filter={`blog:${view.blog.title}`}>
          {post.draft && (
            <p class="draft-banner">
              <strong>Draft — not published.</strong> Only <code>npm start</code> shows this page; <code>npm run build</code> leaves it out.
            </p>
          )}
          <header class="post-header">
            <h1 class="p-name">{post.title}</h1>
            <PostMeta {...view} />
            <Provenance original={view.original} />
            <SeriesPlace nav={series} words={sidebar.words} />
            {view.tags.map((tag) => (
              <span hidden data-pagefind-filter={`tag:${tag.name}`} />
            ))}
          </header>
          {post.preserved ? (
            <div class="post-body e-content" dangerouslySetInnerHTML={{ __html: post.html }} />
          ) : (
            <NotPreserved />
          )}
          <footer class="post-footer" data-pagefind-ignore="all">
            <SeriesPrevNext nav={series} />
            <RelatedArticle links={view.seeAlso} words={sidebar.words} />
            <Backlinks posts={sidebar.backlinks} words={sidebar.words} />
            <PrevNext previous={view.previous} next={view.next} blogTitle={view.blog.title} />
            <p class="copyright">{phrase(sidebar.words.copyright, { year: post.date.year, publisher: view.blog.publisher ?? site.publisher })}</p>
          </footer>
          <Comments view={comments} />
        </article>
        <aside class="sidebar" aria-label="Around this post">
          <Sidebar view={sidebar} />
          {view.authors.map((author, i) => (
            <AuthorCard author={author} index={i} words={sidebar.words} />
          ))}
        </aside>
      </div>
    </Base>
  );
}
