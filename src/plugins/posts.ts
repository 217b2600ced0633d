/**
 * Writes every post's page (src/build/pages.ts) once the content plugin has
 * checked the links, before Eleventy renders its own pages: post pages
 * leave memory as soon as they are written, whatever the archive's size.
 *
 * Two events tell the other plugins about them (Eleventy awaits every
 * listener of an event): `backlist.postPages` with how many are coming (for
 * the progress line), then `backlist.postPage` with each page written (for
 * the search index, which reads them as they come).
 */
import { h } from "preact";
import type { Post } from "../content/model.ts";
import { type Transform, writePages } from "../build/pages.ts";
import { timed } from "../timings.ts";
import type { UserConfig } from "../types.ts";
import { PostPage } from "../../_includes/layouts/PostPage.tsx";
import type { ArchiveStore } from "./content.ts";
import { toHtml } from "./jsx.ts";

export const POST_PAGES_EVENT = "backlist.postPages";
export const POST_PAGE_EVENT = "backlist.postPage";

export interface PostPagesEvent {
  count: number;
}

export interface PostPageEvent {
  url: string;
  html: string;
}

/** The parts of Eleventy's configuration object used here (not in its JSDoc types). */
interface EventsAndTransforms {
  events: { emit(type: string, ...args: unknown[]): Promise<unknown> };
  transforms: Record<string, Transform>;
}

/** The pages of every post (and draft, when drafts are built), into `output`; the number written. */
export async function writePostPages(config: UserConfig, store: ArchiveStore, output: string): Promise<number> {
  const eleventy = config as unknown as EventsAndTransforms;
  const posts: Post[] = [...store.current.posts, ...store.current.drafts];
  await eleventy.events.emit(POST_PAGES_EVENT, { count: posts.length } satisfies PostPagesEvent);
  return timed("post pages", () =>
    writePages(posts, {
      output,
      transforms: eleventy.transforms,
      url: (post) => post.url,
      inputPath: (post) => post.source,
      render: (post) => toHtml(h(PostPage, { archive: store, post })),
      onPage: (url, html) => eleventy.events.emit(POST_PAGE_EVENT, { url, html } satisfies PostPageEvent),
    }),
  );
}
