/** Which saves npm start's quick rebuild takes, and which pages link to a post. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { LinkedPages } from "../../src/dev/linkedpages.ts";
import { quickSources } from "../../src/dev/quick.ts";

describe("quickSources", () => {
  const root = mkdtempSync(path.join(tmpdir(), "backlist-quick-"));
  mkdirSync(path.join(root, "posts/main/2008"), { recursive: true });
  mkdirSync(path.join(root, "posts/main/pages"), { recursive: true });
  writeFileSync(path.join(root, "posts/main/2008/xen.md"), "---\ntitle: Xen\n---\nText.\n");
  writeFileSync(path.join(root, "posts/main/pages/about.md"), "---\ntitle: About\n---\n");
  writeFileSync(path.join(root, "posts/main/2008/xen.comments.yaml"), "[]\n");

  it("reads the saved posts, as Eleventy's queue names them", () => {
    const saved = quickSources(["./posts/main/2008/xen.md", "posts/main/2008/xen.md"], root, "posts");
    assert.deepEqual(saved?.map((s) => [s.source, s.bytes.toString()]), [["posts/main/2008/xen.md", "---\ntitle: Xen\n---\nText.\n"]]);
  });

  it("takes nothing when anything but a post was saved, or a post is gone", () => {
    assert.equal(quickSources([], root, "posts"), undefined);
    assert.equal(quickSources(["./posts/main/2008/xen.md", "./_data/site.yaml"], root, "posts"), undefined);
    assert.equal(quickSources(["./posts/main/2008/xen.comments.yaml"], root, "posts"), undefined);
    assert.equal(quickSources(["./posts/main/pages/about.md"], root, "posts"), undefined, "a standalone page");
    assert.equal(quickSources(["./posts/main/2008/gone.md"], root, "posts"), undefined);
    assert.equal(quickSources(["./.cache/backlist/rebuild"], root, "posts"), undefined);
  });
});

describe("LinkedPages", () => {
  it("finds the pages linking to a post, under a path prefix or origin, with fragments, never the page itself", () => {
    const pages = new LinkedPages();
    pages.record("/main/2008/06/b/", '<a rel="prev" href="/main/2008/06/a/">A</a> <a href="/main/2008/06/b/">self</a>');
    pages.record("/tags/xen/", '<a href="/archive/main/2008/06/a/#comments">A</a>');
    pages.record("/feed.xml", '<link href="https://example.org/main/2008/06/a/"/>');
    pages.record("/main/", '<a href="/main/2008/">2008</a> <a href="/tags/xen/">xen</a>');
    assert.deepEqual(pages.of("/main/2008/06/a/"), ["/main/2008/06/b/", "/tags/xen/", "/feed.xml"]);
    assert.deepEqual(pages.of("/main/2008/06/b/"), []);
    pages.clear();
    assert.deepEqual(pages.of("/main/2008/06/a/"), []);
  });
});
