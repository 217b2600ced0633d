/** Issue 2: the archive builds from markdown, dates hold in any zone, bad posts name file and field. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

const SEED = "converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/index.html";

describe("the sample archive", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();

  it("builds", () => {
    assert.equal(result.status, 0, result.output);
  });

  it("restores the seed article: title, replies, date, related article, copyright", () => {
    const html = project.read(SEED);
    assert.match(html, /<h1[^>]*>Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy<\/h1>/);
    // Each quotation cites Simon Crosby's comment, restored on the post it was left on.
    const replies = html.match(/<figure class="reply" id="citation-[1-4]">\s*<figcaption><cite>Simon Crosby<\/cite> wrote in <a href="\/converging-on-microsoft\/2008\/06\/red-hat-takes-hypervisor-control-back-from-citrix\/#comment-1">a comment on[^<]*<\/a>:<\/figcaption>\s*<blockquote>/g) ?? [];
    assert.equal(replies.length, 4);
    assert.match(html, /<time datetime="2008-06">June 2008<\/time>/);
    assert.match(html, /Related article.*VMware's CEO talks Microsoft, security, EMC and cloud computing/s);
    assert.match(html, /Copyright © 2008 IDG Communications, Inc\./);
    assert.match(html, /href="\/converging-on-microsoft\/2008\/06\/red-hat-takes-hypervisor-control-back-from-citrix\/"/,
      "the .md link to the earlier post becomes its URL");
  });

  it("shows the not-preserved notice on posts known only from sidebars, never invented text", () => {
    const html = project.read("the-converging-network/2008/06/get-ready-for-xaas-everywhere/index.html");
    assert.match(html, /The text of this post was not preserved/);
    assert.match(html, /Copyright © 2008 Mitchell/);
  });

  it("lists every post on the home page, newest first", () => {
    const html = project.read("index.html");
    const titles = [...html.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => m[2]);
    assert.equal(titles.length, 11);
    assert.equal(titles[0], "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy");
    assert.ok(
      titles.indexOf("Parallels - Two Divergent Paths for Macs &amp; Windows") < titles.indexOf("Live Mesh Dumps UAC"),
      "within June 2008, the seed's order (newest first) holds",
    );
  });

  it("links previous and next within the blog", () => {
    const html = project.read(SEED);
    assert.match(html, /rel="prev" href="\/converging-on-microsoft\/2008\/06\/parallels-two-divergent-paths-for-macs-and-windows\/"/);
    assert.doesNotMatch(html, /rel="next"/, "the seed article is the blog's newest");
  });
});

describe("dates never shift with the machine's time zone", () => {
  for (const TZ of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
    it(`TZ=${TZ}`, () => {
      const project = new Project({
        ...MINIMAL_DATA,
        "posts/main/2008/new-year.md": post('title: New Year\ndate: "2008-01-01"'),
        "posts/main/2008/late-night.md": post('title: Late Night\ndate: "2008-06-30T23:30"'),
        "posts/main/2008/offset.md": post('title: Offset\ndate: "2008-12-31T23:00:00-10:00"'),
      });
      const result = project.build({ TZ });
      assert.equal(result.status, 0, result.output);
      assert.match(project.read("main/2008/01/new-year/index.html"), /<time datetime="2008-01-01">January 1, 2008<\/time>/);
      assert.match(project.read("main/2008/06/late-night/index.html"), /<time datetime="2008-06-30T23:30-04:00">June 30, 2008/);
      assert.match(project.read("main/2008/12/offset/index.html"), /<time datetime="2008-12-31T23:00-10:00">December 31, 2008/);
    });
  }
});

describe("bad posts fail the build, naming the file and the field", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/good.md": post('title: Good\ndate: "2008-06-01"'),
    "posts/main/2008/no-title.md": post('date: "2008-06-02"'),
    "posts/main/2008/bad-date.md": post('title: Bad date\ndate: "2008-13-45"'),
    "posts/main/2008/stranger.md": post('title: Stranger\ndate: "2008-06-03"\nauthor: zed'),
  });
  const result = project.build();

  it("exits non-zero and writes nothing", () => {
    assert.notEqual(result.status, 0);
    assert.equal(project.exists("index.html"), false);
  });

  it("reports every problem at once as path:line: field: message", () => {
    assert.match(result.stderr, /3 errors in the content/);
    assert.match(result.stderr, /posts\/main\/2008\/no-title\.md:\d+: title: is required/);
    assert.match(result.stderr, /posts\/main\/2008\/bad-date\.md:3: date: "2008-13-45" is not a real calendar date/);
    assert.match(result.stderr, /posts\/main\/2008\/stranger\.md:4: author: unknown author "zed"; known authors: ann/);
  });
});

describe("a blog id the site needs for itself", () => {
  it("is refused, naming the data file and the id", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "_data/blogs.yaml": "main:\n  title: Main\n  author: ann\ntags:\n  title: Tags Blog\n  author: ann\n",
      "posts/main/2008/a.md": post('title: A\ndate: "2008-06-01"'),
    });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /_data\/blogs\.yaml:4: tags: "tags" cannot be a blog id/);
  });
});
