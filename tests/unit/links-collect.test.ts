/**
 * Which external links the checker finds (issue 15), in an archive loaded
 * as the build loads it: post bodies as rendered (markdown, bare URLs, raw
 * HTML), see-also and original URLs, comments beside a post, every kind of
 * data link, drafts; never the archive's own host; each with the date it
 * was cited. And `original_url` checked like any other field.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { crossLinks } from "../../src/content/links.ts";
import { loadArchive } from "../../src/content/load.ts";
import { ContentError } from "../../src/content/source.ts";
import { citationDate, collectLinks } from "../../src/links/collect.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { originalIsCanonical, provenance } from "../../src/views/article.ts";
import { blogPostingJsonLd } from "../../src/views/head.ts";

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "backlist-links-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const DATA = {
  "_data/site.yaml": "title: T\nurl: https://example.org\ntimezone: UTC\npublisher: P\n",
  "_data/authors.yaml": "ann:\n  name: Ann\n  links:\n    - title: Home page\n      url: https://ann.example.net/\n",
  "_data/blogs.yaml": "main:\n  title: Main\n  author: ann\n  home: https://blogs.example.com/main/\n  promos:\n    - text: Jobs\n      url: https://jobs.example.com/\n",
  "_data/podcasts.yaml":
    'show:\n  title: Show\n  host: ann\n  link: https://show.example.com/\n  episodes:\n    - title: One\n      date: "2008-05-01"\n      audio: https://media.example.com/one.mp3\n',
  "_data/books.yaml": "b:\n  title: Book\n  link: https://books.example.com/xen\n",
  "_data/reviews.yaml": '- title: Review\n  date: "2008-04-01"\n  link: https://reviews.example.com/hyper-v\n',
};

const load = (root: string) =>
  loadArchive({ root, postsDir: "posts", dataDir: "_data", includeDrafts: true, markdown: createMarkdown({ plugins: [crossLinks] }) });

describe("collectLinks", () => {
  it("finds the links of posts, comments, drafts and data, once each, but not the archive's own", async () => {
    const root = project({
      ...DATA,
      "posts/main/2008/xen.md": [
        "---",
        "title: Xen",
        'date: "2008-06-24"',
        "original_url: https://blogs.example.com/main/2008/06/24/xen.html",
        "see_also:",
        "  - title: Elsewhere",
        "    url: https://news.example.com/xen#top",
        "---",
        "[md](https://a.example.com/page) and https://bare.example.com/x and <a href='https://raw.example.com/'>raw</a>.",
        "[own](https://example.org/tags/xen/) [again](https://a.example.com/page#later) [local](/tags/xen/)",
        "",
      ].join("\n"),
      "posts/main/2008/xen.comments.yaml": [
        "- id: 1",
        "  author: Simon",
        "  url: https://simon.example.com/",
        '  date: "2008-06-25T09:00"',
        '  body: "Answer at <https://c.example.com/answer>"',
        "",
      ].join("\n"),
      "posts/main/2009/later.md": '---\ntitle: Later\ndate: "2009-01-02"\ndraft: true\n---\n[draft link](https://a.example.com/page)\n',
    });
    const archive = await load(root);
    const links = collectLinks(archive);
    assert.deepEqual([...links.keys()], [
      "https://a.example.com/page",
      "https://ann.example.net/",
      "https://bare.example.com/x",
      "https://blogs.example.com/main/",
      "https://blogs.example.com/main/2008/06/24/xen.html",
      "https://books.example.com/xen",
      "https://c.example.com/answer",
      "https://jobs.example.com/",
      "https://media.example.com/one.mp3",
      "https://news.example.com/xen",
      "https://raw.example.com/",
      "https://reviews.example.com/hyper-v",
      "https://show.example.com/",
      "https://simon.example.com/",
    ]);
    const cited = links.get("https://a.example.com/page") ?? [];
    assert.deepEqual(cited.map((c) => c.post), ["posts/main/2008/xen.md", "posts/main/2009/later.md"]);
    assert.equal(citationDate(cited, undefined), Date.parse("2008-06-24T00:00:00Z"));
    assert.deepEqual(links.get("https://simon.example.com/")?.[0], {
      file: "posts/main/2008/xen.comments.yaml",
      post: "posts/main/2008/xen.md",
      date: Date.parse("2008-06-25T09:00:00Z"),
    });
    // Undated data is asked for as of the archive's first post.
    assert.equal(citationDate(links.get("https://books.example.com/xen") ?? [], 42), 42);
    assert.equal(citationDate(links.get("https://media.example.com/one.mp3") ?? [], 42), Date.parse("2008-05-01T00:00:00Z"));
  });

  it("refuses an original_url that is not a web address, naming its line", async () => {
    const root = project({ ...DATA, "posts/main/2008/x.md": '---\ntitle: X\ndate: "2008-06-24"\noriginal_url: blogs/x.html\n---\nText.\n' });
    await assert.rejects(load(root), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.match(error.message, /posts\/main\/2008\/x\.md:4: original_url: must be an absolute http\(s\) URL/);
      return true;
    });
  });
});

describe("provenance (original_url)", () => {
  const post = (original: string, site = "https://example.org") =>
    project({
      ...DATA,
      "_data/site.yaml": `title: T\nurl: ${site}\ntimezone: UTC\npublisher: P\ncanonical: original\n`,
      "posts/main/2008/xen.md": `---\ntitle: Xen\ndate: "2008-06-24"\noriginal_url: ${original}\noriginal_date: "2008-06-20"\n---\nText.\n`,
    });

  it("names the original as canonical with canonical: original, and says when it was published there", async () => {
    const archive = await load(post("https://blogs.example.com/main/2008/06/xen.html?p=12"));
    const xen = archive.posts[0]!;
    assert.deepEqual(provenance(xen, archive.site), {
      url: "https://blogs.example.com/main/2008/06/xen.html?p=12",
      label: "blogs.example.com/main/2008/06/xen.html?p=12",
      datetime: "2008-06-20",
      date: "June 20, 2008",
      canonical: "https://blogs.example.com/main/2008/06/xen.html?p=12",
    });
    const jsonLd = blogPostingJsonLd(archive, xen) as Record<string, unknown>;
    assert.equal(jsonLd.url, "https://blogs.example.com/main/2008/06/xen.html?p=12");
    assert.equal(jsonLd.archivedAt, "https://example.org/main/2008/06/xen/");
    assert.equal(jsonLd.sameAs, undefined);
  });

  it("never names an original on the archive's own host as canonical: that address now redirects to the post", async () => {
    const archive = await load(post("https://example.org/2008/06/24/xen/"));
    const xen = archive.posts[0]!;
    assert.equal(originalIsCanonical(xen, archive.site), false);
    assert.equal(provenance(xen, archive.site)?.canonical, undefined);
    assert.equal((blogPostingJsonLd(archive, xen) as Record<string, unknown>).url, "https://example.org/main/2008/06/xen/");
  });
});
