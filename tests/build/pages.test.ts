/**
 * Standalone pages (posts/<blog>/pages/<path>.md → /<blog>/<path>/): built
 * with their breadcrumbs, linked from the blog's index, in the sitemap and
 * the search index, their old addresses redirecting; drafts left out; a
 * path the blog uses itself, a broken link or a bad key is an error naming
 * the file.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Project } from "./project.ts";

const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Pages archive\nurl: https://example.org\ntimezone: UTC\npublisher: P\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\n",
  "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\n",
  "posts/main/2008/first.md": "---\ntitle: First\ndate: 2008-06-24\n---\n\nSee [the about page](/main/about/).\n",
};

describe("standalone pages", () => {
  const project = new Project({
    ...DATA,
    "posts/main/pages/about.md": "---\ntitle: About <this> blog\nsummary: Who we are\naliases: [/about/, /about-us.html]\n---\n\nWe wrote [a first post](../2008/first.md) and [a team page](about/team.md).\n",
    "posts/main/pages/about/team.md": "---\ntitle: The Team\ndate: 2008-01-02\norder: 2\n---\n\nAnn.\n",
    "posts/main/pages/colophon.md": "---\ntitle: Colophon\norder: 1\n---\n\nMade by hand.\n",
    "posts/main/pages/secret.md": "---\ntitle: Secret Page\ndraft: true\n---\n\nNot yet.\n",
  });
  let built: ReturnType<Project["build"]> | undefined;
  const build = () => (built ??= project.build());

  it("builds each page at /<blog>/<path>/, its parents in the breadcrumbs, links resolved", () => {
    assert.equal(build().status, 0, build().output);
    const about = project.read("main/about/index.html");
    assert.match(about, /<h1 class="p-name">About &lt;this(?:&gt;|>) blog<\/h1>/);
    assert.match(about, /<a href="\/main\/2008\/06\/first\/">a first post<\/a> and <a href="\/main\/about\/team\/">a team page<\/a>/);
    assert.match(project.read("main/about/team/index.html"), /<li><a href="\/main\/about\/">About &lt;this(?:&gt;|>) blog<\/a><\/li><li><a href="\/main\/about\/team\/" aria-current="page">The Team<\/a><\/li>/);
  });

  it("lists the blog's pages on its index (top level first, by order: About has 0, Colophon 1), in the sitemap, and searchable", () => {
    assert.equal(build().status, 0, build().output);
    assert.match(project.read("main/index.html"), /<nav class="blog-pages" aria-label="Pages"><ul class="archive-months"><li><a href="\/main\/about\/">About &lt;this(?:&gt;|>) blog<\/a><\/li><li><a href="\/main\/colophon\/">Colophon<\/a><\/li><li><a href="\/main\/about\/team\/">The Team<\/a><\/li><\/ul><\/nav>/);
    const sitemap = project.read("sitemap.xml");
    for (const url of ["main/about/", "main/about/team/", "main/colophon/"]) assert.match(sitemap, new RegExp(`<loc>https://example\\.org/${url}</loc>`));
    assert.match(project.read("main/colophon/index.html"), /<article class="post standalone-page" data-pagefind-body/);
  });

  it("redirects the pages' old addresses, and leaves drafts out everywhere", () => {
    assert.equal(build().status, 0, build().output);
    assert.match(project.read("_redirects"), /^\/about\/ \/main\/about\/ 301$/m);
    assert.match(project.read("about-us.html"), /<meta http-equiv="refresh" content="0; url=\/main\/about\/"/);
    assert.equal(project.exists("main/secret/index.html"), false);
    assert.doesNotMatch(project.read("main/index.html") + project.read("sitemap.xml"), /secret|Secret Page/i);
  });

  it("refuses a page at an address the blog uses itself, a broken link and a bad field, naming each file", () => {
    const bad = new Project({
      ...DATA,
      "posts/main/pages/2008.md": "---\ntitle: Year\n---\n",
      "posts/main/pages/broken.md": "---\ntitle: Broken\n---\n\n[gone](../2008/nope.md)\n",
      "posts/main/pages/untitled.md": "---\norder: x\n---\n",
    });
    const result = bad.build();
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /posts\/main\/pages\/2008\.md: \(path\): a page cannot be at \/main\/2008\/: that address is the blog's own/);
    assert.match(result.output, /posts\/main\/pages\/broken\.md:5: \(link\): → \.\.\/2008\/nope\.md: no such post or page/);
    assert.match(result.output, /posts\/main\/pages\/untitled\.md:2: title: is required/);
    assert.match(result.output, /posts\/main\/pages\/untitled\.md:2: order: must be a number/);
    assert.equal(bad.exists("index.html"), false, "nothing written");
  });
});
