/**
 * Issue 16: the sample archive's built feeds, read from `_site/` as a feed
 * reader would: titles byte for byte by two parsers, and a walk from
 * `/feed.xml` through the archived pages (RFC 5005) reaching every
 * published post exactly once, with and without a path prefix.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { walkArchive } from "../feed-walk.ts";
import { MINIMAL_DATA, Project, post } from "./project.ts";

/** Paths of the sample's posts, from its sitemap. */
function samplePostPaths(project: Project): string[] {
  const sitemap = project.read("sitemap.xml");
  return [...sitemap.matchAll(/<loc>https:\/\/example\.org(\/[^<]+\/\d{4}\/\d{2}\/[^<]+\/)<\/loc>/g)].map((m) => m[1] ?? "");
}

describe("the sample archive's feeds", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();
  const fetch = (url: string) => project.read(new URL(url).pathname.replace(/^\//, ""));

  it("lead a reader from /feed.xml to every published post exactly once, titles exact", () => {
    assert.equal(result.status, 0, result.output);
    const walk = walkArchive("https://example.org/feed.xml", fetch);
    const posts = samplePostPaths(project).map((path) => `https://example.org${path}`);
    assert.equal(posts.length, 11);
    assert.equal(new Set(walk.ids).size, walk.ids.length);
    assert.deepEqual([...walk.ids].sort(), [...posts].sort());
    // Both parsers read each title as the page's own <h1>.
    const atom = project.read("feed.xml");
    const other = parseFeed(atom).items;
    for (const [i, id] of walk.ids.entries()) {
      const h1 = /<h1 class="p-name">([^<]*)<\/h1>/.exec(project.read(`${new URL(id).pathname.slice(1)}index.html`))?.[1];
      const decoded = (h1 ?? "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
      assert.equal(walk.titles[i], decoded, id);
      assert.equal(other[i]?.title, decoded, id);
    }
    assert.deepEqual(parseJsonFeed(project.read("feed.json")).items?.map((item) => item.title), walk.titles);
  });
});

describe("a larger archive's built feeds", () => {
  // 45 posts: one full archive page of the oldest 20; the subscription feed keeps the newest 25.
  const files: Record<string, string> = { ...MINIMAL_DATA };
  for (let i = 1; i <= 45; i++) {
    const day = String(((i - 1) % 28) + 1).padStart(2, "0");
    const month = String(Math.floor((i - 1) / 28) + 1).padStart(2, "0");
    files[`posts/main/2009/post-${i}.md`] = post(`title: 'Post ${i}: Tom & Jerry''s "<best>" bits'\ndate: "2009-${month}-${day}"`);
  }
  const project = new Project(files);
  const result = project.build({ PATH_PREFIX: "/archive/" });

  it("writes full archive pages from the oldest and a short subscription feed, under the prefix", () => {
    assert.equal(result.status, 0, result.output);
    const fetch = (url: string) => project.read(new URL(url).pathname.replace(/^\/archive\//, ""));
    const walk = walkArchive("https://example.org/archive/feed.xml", fetch);
    assert.deepEqual(walk.documents, ["https://example.org/archive/feed.xml", "https://example.org/archive/feed/archive/1.xml"]);
    assert.equal(walk.ids.length, 45);
    assert.equal(new Set(walk.ids).size, 45);
    const page = parseAtomFeed(project.read("feed/archive/1.xml"));
    assert.deepEqual(page.entries?.map((entry) => entry.title?.value).at(-1), `Post 1: Tom & Jerry's "<best>" bits`);
    assert.equal(page.entries?.length, 20);
    assert.equal(parseAtomFeed(project.read("feed.xml")).entries?.length, 25);
    assert.equal(project.exists("main/feed/archive/1.xml"), true, "each blog's feed has its archive too");
    assert.doesNotMatch(project.read("sitemap.xml"), /archive\/1\.xml/, "archive documents are feeds, not pages");
  });
});
