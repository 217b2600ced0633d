/**
 * The pages Backlist writes itself (src/build/pages.ts), the ones whose
 * number grows with the archive: every post's page, the blog, tag and
 * author lists, the year and month archives, and the feeds with their
 * archive pages. They are written once the content plugin has checked the
 * links, before Eleventy renders its own pages (the home page, the
 * overviews, search, books, redirects…), and each leaves memory as soon as
 * it is written, whatever the archive's size.
 *
 * Two events tell the other plugins about them (Eleventy awaits every
 * listener of an event): `backlist.pages` with how many are coming (for the
 * progress line), then `backlist.page` with each HTML page written (for the
 * search index, which reads them as they come).
 */
import { h } from "preact";
import { type Transform, writePages } from "../build/pages.ts";
import { isPeriodPage } from "../views/archives.ts";
import { timed } from "../timings.ts";
import type { UserConfig } from "../types.ts";
import { ListingPage } from "../../_includes/layouts/ListingPage.tsx";
import { PeriodPage } from "../../_includes/layouts/PeriodPage.tsx";
import { PostPage } from "../../_includes/layouts/PostPage.tsx";
import type { ArchiveStore } from "./content.ts";
import type { Post } from "../content/model.ts";
import { toHtml } from "./jsx.ts";

export const PAGES_EVENT = "backlist.pages";
/** The `inputPath` of a feed's file. */
export const FEED_INPUT = "(feed)";
export const PAGE_EVENT = "backlist.page";

export interface PagesEvent {
  count: number;
  /** Only some pages are written again (a quick rebuild of \`npm start\`); the others on disk stand. */
  partial?: boolean;
}

export interface PageEvent {
  url: string;
  html: string;
}

/** One page to write: its URL, what it is made from, and how to render it (called when it is written). */
export interface DirectPage {
  url: string;
  inputPath: string;
  render(): string;
  /** A feed's posts (the pages of a quick rebuild are chosen by them). */
  posts?: readonly Post[];
}

/** Every page Backlist writes itself, rendered only as each is written. */
export function* directPages(store: ArchiveStore): Generator<DirectPage> {
  const current = store.current;
  for (const post of [...current.posts, ...current.drafts]) {
    yield { url: post.url, inputPath: post.source, render: () => toHtml(h(PostPage, { archive: store, post })) };
  }
  for (const listing of store.listings) {
    yield { url: listing.url, inputPath: `(${listing.kind} list)`, render: () => toHtml(h(ListingPage, { archive: store, listing })) };
  }
  for (const period of store.archivePages.filter(isPeriodPage)) {
    yield { url: period.url, inputPath: `(${period.kind} archive)`, render: () => toHtml(h(PeriodPage, { archive: store, period })) };
  }
  for (const feed of store.feeds) yield { url: feed.url, inputPath: FEED_INPUT, render: () => feed.body, ...(feed.posts && { posts: feed.posts }) };
}

/** The URLs of those pages, for the link check and the sitemap (nothing is rendered). */
export function directUrls(store: ArchiveStore): string[] {
  return Array.from(directPages(store), (page) => page.url);
}

/** The parts of Eleventy's configuration object used here (not in its JSDoc types). */
interface EventsAndTransforms {
  events: { emit(type: string, ...args: unknown[]): Promise<unknown> };
  transforms: Record<string, Transform>;
}

function* filtered<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

const isHtml = (url: string) => url.endsWith("/") || url.endsWith(".html");

/**
 * Writes the `count` pages of `directPages` (those `only` takes, when
 * given) into `output`, handing each HTML page to `record` when given; the
 * number of HTML pages written.
 */
export async function writeDirectPages(
  config: UserConfig,
  store: ArchiveStore,
  output: string,
  count: number,
  only?: (page: DirectPage) => boolean,
  record?: (url: string, html: string) => void,
): Promise<number> {
  const eleventy = config as unknown as EventsAndTransforms;
  await eleventy.events.emit(PAGES_EVENT, { count, ...(only && { partial: true }) } satisfies PagesEvent);
  let html = 0;
  const pages = only ? filtered(directPages(store), only) : directPages(store);
  await timed("pages written by Backlist", () =>
    writePages(pages, {
      output,
      transforms: eleventy.transforms,
      url: (page) => page.url,
      inputPath: (page) => page.inputPath,
      render: (page) => page.render(),
      onPage: (url, text) => {
        if (!isHtml(url)) return;
        html++;
        record?.(url, text);
        return eleventy.events.emit(PAGE_EVENT, { url, html: text } satisfies PageEvent);
      },
    }),
  );
  return html;
}
