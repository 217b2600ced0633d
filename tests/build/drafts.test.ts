/**
 * Drafts: never built by `npm run build`; built with their own page, marked
 * as a draft, by `npm start` (here through BACKLIST_DRAFTS=1, which builds
 * them as the dev server does), and even then in no list, feed, sitemap,
 * redirect, search index or other post's sidebar.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { Project, post } from "./project.ts";

const DRAFT_PAGE = "main/2008/06/secret-plans/index.html";

function files(): Record<string, string> {
  return {
    "_data/site.yaml": "title: Test archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
    "_data/authors.yaml": "ann:\n  name: Ann Author\n",
    "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\nother:\n  title: Other Blog\n  author: ann\n  sister_blogs: [main]\n",
    "posts/main/2008/first-post.md": post('title: First Post\ndate: "2008-06-01"\ntags: [Xen, Hypervisors]', "Xen hypervisors and virtual machines, compared.\n"),
    "posts/main/2008/later-post.md": post('title: Later Post\ndate: "2008-06-20"\ntags: [Xen, Hypervisors]', "More on Xen hypervisors and virtual machines.\n"),
    "posts/main/2008/secret-plans.md": post(
      'title: Secret Plans\ndate: "2008-06-10"\ntags: [Xen, Hypervisors, Unreleased Tag]\naliases: [/old/secret-plans/]\ndraft: true\nrelated: [first-post.md]',
      "Secret Xen hypervisors and virtual machines. See [the first post](first-post.md).\n",
    ),
    "posts/other/2008/other-post.md": post('title: Other Post\ndate: "2008-07-01"\ntags: [Xen]', "Xen hypervisors and virtual machines elsewhere.\n"),
  };
}

/** Every text file of the built site but the search bundle (whose index is compressed), by path. */
function siteTexts(project: Project): Map<string, string> {
  const root = path.join(project.root, "_site");
  const texts = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (file.startsWith("pagefind/") || !/(\.(html|xml|json|txt|css|js)|_redirects|_headers)$/.test(file)) continue;
    texts.set(file, readFileSync(path.join(root, file), "utf8"));
  }
  return texts;
}

function mentions(texts: Map<string, string>): string[] {
  return [...texts].filter(([, text]) => /secret-plans|Secret Plans|unreleased-tag|Unreleased Tag/i.test(text)).map(([file]) => file);
}

describe("a production build", () => {
  const project = new Project(files());
  const result = project.build({ BACKLIST_DRAFTS: "" });

  it("builds, with no page for the draft and no mention of it anywhere", () => {
    assert.equal(result.status, 0, result.output);
    assert.equal(project.exists(DRAFT_PAGE), false);
    assert.equal(project.exists("tags/unreleased-tag/index.html"), false);
    assert.deepEqual(mentions(siteTexts(project)), []);
  });

  it("still builds the published posts", () => {
    assert.ok(project.exists("main/2008/06/first-post/index.html"));
    assert.ok(project.exists("main/2008/06/later-post/index.html"));
  });
});

describe("a build with drafts, as `npm start` makes", () => {
  const project = new Project(files());
  const result = project.build({ BACKLIST_DRAFTS: "1" });
  const texts = result.status === 0 ? siteTexts(project) : new Map<string, string>();
  const draft = texts.get(DRAFT_PAGE) ?? "";

  it("builds the draft's page, marked as a draft and left out of search", () => {
    assert.equal(result.status, 0, result.output);
    assert.match(draft, /<h1[^>]*>Secret Plans<\/h1>/);
    assert.match(draft, /<p class="draft-banner"><strong>Draft (—|&#8212;) not published\.<\/strong>/);
    assert.doesNotMatch(draft, /data-pagefind-body/);
    assert.match(draft, /href="\/main\/2008\/06\/first-post\/"/, "its links work");
  });

  it("mentions it nowhere else: lists, tags, archives, feeds, sitemap, redirects, other posts' sidebars", () => {
    assert.deepEqual(mentions(texts), [DRAFT_PAGE]);
    assert.equal(project.exists("old/secret-plans/index.html"), false);
    assert.equal(project.exists("tags/unreleased-tag/index.html"), false);
  });

  it("published posts' pages are as in production: no draft as neighbour, backlink or related post", () => {
    const first = texts.get("main/2008/06/first-post/index.html") ?? "";
    assert.match(first, /rel="next" href="\/main\/2008\/06\/later-post\/"/);
    assert.doesNotMatch(first, /Linked from/);
    const later = texts.get("main/2008/06/later-post/index.html") ?? "";
    assert.match(later, /rel="prev" href="\/main\/2008\/06\/first-post\/"/);
  });

  it("the draft's own sidebars show the archive as of its date", () => {
    const recent = /<section class="widget recent-posts"[^>]*>(.*?)<\/section>/s.exec(draft)?.[1] ?? "";
    assert.match(recent, /First Post/);
    assert.doesNotMatch(recent, /Later Post/, "a post after the draft's date is not yet recent");
  });
});
