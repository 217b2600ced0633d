/**
 * A feed reader's walk through an archived feed (RFC 5005, section 4):
 * read the subscription feed, then follow `prev-archive` from document to
 * document until there is none, checking on the way what the RFC asks of
 * each archive document (`fh:archive`, a `current` link to the
 * subscription feed, `next-archive` back to the newer page). Documents are
 * read with feedsmith's Atom parser, by absolute URL, through `fetch`.
 */
import assert from "node:assert/strict";
import { parseAtomFeed } from "feedsmith";

export const FH = "http://purl.org/syndication/history/1.0";

export interface Walk {
  /** URLs of the documents read, the subscription feed first. */
  documents: string[];
  /** Entry ids in the order they were read. */
  ids: string[];
  /** Entry titles, in the same order. */
  titles: string[];
}

type Link = { href?: string; rel?: string };
const linkOf = (links: Link[] | undefined, rel: string) => links?.find((link) => link.rel === rel)?.href;

/** Walk from `feedUrl` (absolute); `fetch(url)` returns a document's text. */
export function walkArchive(feedUrl: string, fetch: (url: string) => string): Walk {
  const walk: Walk = { documents: [], ids: [], titles: [] };
  let url: string | undefined = feedUrl;
  let newer: string | undefined;
  while (url) {
    assert.ok(!walk.documents.includes(url), `${url} is read twice: the archive loops`);
    walk.documents.push(url);
    const text = fetch(url);
    const feed = parseAtomFeed(text);
    const links = feed.links as Link[] | undefined;
    assert.equal(linkOf(links, "self"), url, `${url}: its self link`);
    if (url === feedUrl) {
      assert.ok(!text.includes("<fh:archive"), "the subscription feed is not an archive document");
    } else {
      assert.match(text, new RegExp(`xmlns:fh="${FH.replace(/[./]/g, "\\$&")}"`), `${url}: declares the fh namespace`);
      assert.match(text, /<fh:archive\/>/, `${url}: is marked fh:archive`);
      assert.equal(linkOf(links, "current"), feedUrl, `${url}: its current link is the subscription feed`);
      assert.equal(linkOf(links, "next-archive"), newer === feedUrl ? undefined : newer, `${url}: its next-archive is the page read before it`);
    }
    for (const entry of feed.entries ?? []) {
      walk.ids.push(String(entry.id));
      walk.titles.push(String(entry.title?.value));
    }
    newer = url;
    url = linkOf(links, "prev-archive");
  }
  return walk;
}
