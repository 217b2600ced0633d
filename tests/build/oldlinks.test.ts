/** Issue 12: links by old address (aliases, `site.old_origins`) lead to the posts' current pages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

const SITE = MINIMAL_DATA["_data/site.yaml"] + "old_origins:\n  - https://old.example.com\n";

/** The sidebar box of class `kind`, or "" when absent. */
function box(html: string, kind: string): string {
  return new RegExp(`<section class="widget ${kind}"[^>]*>(.*?)</section>`, "s").exec(html)?.[1] ?? "";
}

const hrefs = (fragment: string) => [...fragment.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe("a link by old address", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "_data/site.yaml": SITE,
    "posts/main/2008/xen.md": post('title: Xen Notes\ndate: "2008-06-01"\naliases:\n  - /archives/2008/06/xen-notes.html', "## Setup\n\nText.\n"),
    "posts/main/2008/kvm.md": post('title: KVM Notes\ndate: "2008-06-02"\naliases: [/index.php/kvm/]'),
    "posts/main/2008/reader.md": post(
      'title: Reader\ndate: "2008-07-01"',
      "As I wrote in [my Xen notes](/archives/2008/06/xen-notes.html#setup), it works.\n\n" +
        "See also [the KVM notes](https://www.old.example.com/index.php/kvm) on the old site.\n\n" +
        "And [once more](http://old.example.com/archives/2008/06/xen-notes.html/).\n",
    ),
    "posts/main/pages/about.md": post("title: About", "Start with [the Xen notes](https://old.example.com/archives/2008/06/xen-notes.html).\n"),
  });
  const result = project.build();

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("is rewritten to the post's current URL, by alias and on an old origin", () => {
    const html = project.read("main/2008/07/reader/index.html");
    assert.match(html, /<a href="\/main\/2008\/06\/xen\/#setup">my Xen notes<\/a>/);
    assert.match(html, /<a href="\/main\/2008\/06\/kvm\/">the KVM notes<\/a>/);
    assert.match(html, /<a href="\/main\/2008\/06\/xen\/">once more<\/a>/);
    assert.doesNotMatch(html, /old\.example\.com|archives\/2008\/06\/xen-notes/);
  });

  it("is rewritten in a standalone page too", () => {
    assert.match(project.read("main/about/index.html"), /<a href="\/main\/2008\/06\/xen\/">the Xen notes<\/a>/);
  });

  it("makes the linking post appear under \"Linked from\"", () => {
    for (const page of ["main/2008/06/xen/index.html", "main/2008/06/kvm/index.html"]) {
      assert.deepEqual(hrefs(box(project.read(page), "backlinks")), ["/main/2008/07/reader/"], page);
    }
    assert.match(box(project.read("main/2008/06/kvm/index.html"), "backlinks"), /See also <mark>the KVM notes<\/mark> on the old site\./);
  });

  it("is in the feeds as an absolute link to the current page", () => {
    assert.match(project.read("feed.xml"), /href=&quot;https:\/\/example\.org\/main\/2008\/06\/kvm\/&quot;|href="https:\/\/example\.org\/main\/2008\/06\/kvm\/"/);
  });
});

describe("an old address no post claims", () => {
  it("fails the build as a broken link, with file and line, when it is a path of the site", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "_data/site.yaml": SITE,
      "posts/main/2008/xen.md": post('title: Xen Notes\ndate: "2008-06-01"\naliases: [/archives/2008/06/xen-notes.html]'),
      "posts/main/2008/reader.md": post('title: Reader\ndate: "2008-07-01"', "Fine: [xen](/archives/2008/06/xen-notes.html).\n\nGone: [old](/archives/2008/06/xen-notez.html).\n"),
    });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /posts\/main\/2008\/reader\.md:7: \(link\): → \/archives\/2008\/06\/xen-notez\.html: no page or file of the site has this path \(did you mean \/archives\/2008\/06\/xen-notes\.html\?\)/);
    assert.doesNotMatch(result.stderr, /xen-notes\.html: no page/);
    assert.equal(project.exists("index.html"), false);
  });

  it("is left as a link to the old site, with one warning naming file and line, when it is on an old origin", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "_data/site.yaml": SITE,
      "posts/main/2008/reader.md": post(
        'title: Reader\ndate: "2008-07-01"',
        "Gone: [old](https://old.example.com/2007/lost-post/).\n\nStill gone: [again](https://old.example.com/2007/lost-post/).\n",
      ),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const warnings = result.output.split("\n").filter((line) => line.includes("lost-post"));
    assert.deepEqual(warnings, [
      "[backlist] warning: posts/main/2008/reader.md:5: (link): → https://old.example.com/2007/lost-post/: an address on the old site (https://old.example.com) that no post claims in its aliases; left as a link to the old site",
    ]);
    const html = project.read("main/2008/07/reader/index.html");
    assert.match(html, /<a href="https:\/\/old\.example\.com\/2007\/lost-post\/" rel="noopener">old<\/a>/);
  });

  it("refuses an old origin that is not an http(s) origin, naming file and line", () => {
    const project = new Project({ ...MINIMAL_DATA, "_data/site.yaml": MINIMAL_DATA["_data/site.yaml"] + "old_origins:\n  - https://old.example.com\n  - https://old.example.com/blog/\n" });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /_data\/site\.yaml:7: old_origins\.1: "https:\/\/old\.example\.com\/blog\/" has a path, query or fragment/);
  });
});
