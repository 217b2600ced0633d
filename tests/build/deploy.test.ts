/** `_redirects` and redirect pages from aliases, alias errors, sitemap.xml and robots.txt, with and without a path prefix. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { MINIMAL_DATA, Project, post } from "./project.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "url" });

/** The rules of a `_redirects` file: its lines that are not comments. */
function rules(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
}

/** `loc → lastmod` of every URL of a sitemap, parsed as XML. */
function sitemap(xml: string): { namespace: string; urls: Map<string, string | undefined> } {
  const doc = parser.parse(xml) as { urlset: { "@_xmlns": string; url?: { loc: string; lastmod?: string }[] } };
  return { namespace: doc.urlset["@_xmlns"], urls: new Map((doc.urlset.url ?? []).map((u) => [u.loc, u.lastmod])) };
}

function attribute(html: string, pattern: RegExp): string {
  return pattern.exec(html)?.[1] ?? "";
}

const FILES: Record<string, string> = {
  ...MINIMAL_DATA,
  "posts/main/2008/citrix.md": post(`
title: Citrix <CTO> Disputes
date: "2008-06-24"
updated: "2008-07-01T09:30"
tags: [Xen]
aliases:
  - /archives/2008/06/citrix.html
  - https://old.example.com/community/blog/citrix?page=1#comments
  - old/First Post
  - /blog/café/
  - /index.php?p=12
`),
  "posts/main/2008/other.md": post('title: Other Post\ndate: "2008-06"'),
  "posts/main/2008/unfinished.md": post('title: Unfinished\ndate: "2008-06-30"\ndraft: true'),
};

describe("redirects, sitemap and robots.txt", () => {
  const project = new Project(FILES);
  // Drafts built too (BACKLIST_DRAFTS=1), to show the sitemap leaves them out.
  const result = project.build({ PATH_PREFIX: "", BACKLIST_DRAFTS: "1" });
  const ok = result.status === 0;

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("_redirects: one `old new 301` line per alias, the old path percent-encoded, query and fragment dropped", () => {
    assert.deepEqual(rules(ok ? project.read("_redirects") : ""), [
      "/archives/2008/06/citrix.html /main/2008/06/citrix/ 301",
      "/blog/caf%C3%A9/ /main/2008/06/citrix/ 301",
      "/community/blog/citrix /main/2008/06/citrix/ 301",
      "/old/First%20Post /main/2008/06/citrix/ 301",
    ]);
  });

  it("a page at each old path: .html as the file itself, other paths as a folder", () => {
    for (const file of [
      "archives/2008/06/citrix.html",
      "blog/café/index.html",
      "community/blog/citrix/index.html",
      "old/First Post/index.html",
    ]) {
      assert.ok(ok && project.exists(file), `${file} is written`);
    }
  });

  it("an old WordPress address by query (/index.php?p=12) goes into the one map the home and 404 pages' script reads, not a page", () => {
    assert.ok(ok && !project.exists("index.php/index.html"), "no page at /index.php");
    assert.deepEqual(JSON.parse(ok ? project.read("assets/old-addresses.json") : "{}"), { p: { "12": "/main/2008/06/citrix/" }, page_id: {} });
    for (const page of ["index.html", "404.html"]) assert.match(ok ? project.read(page) : "", /<script src="\/assets\/js\/old-address\.js" defer><\/script>/, page);
    assert.ok(ok && project.exists("assets/js/old-address.js"));
    assert.doesNotMatch(ok ? project.read("_redirects") : "", /p=12/, "no query rule unless the rules are forced (Netlify)");
  });

  it("the redirect page: meta refresh, canonical absolute URL, noindex, a visible link, the title as text", () => {
    const html = ok ? project.read("archives/2008/06/citrix.html") : "";
    assert.match(html, /^<!doctype html>/i);
    assert.equal(attribute(html, /<meta http-equiv="refresh" content="([^"]*)"/), "0; url=/main/2008/06/citrix/");
    assert.equal(attribute(html, /<link rel="canonical" href="([^"]*)"/), "https://example.org/main/2008/06/citrix/");
    assert.match(html, /<meta name="robots" content="noindex"/);
    assert.match(html, /<a href="\/main\/2008\/06\/citrix\/">Citrix &lt;CTO> Disputes<\/a>/);
    assert.doesNotMatch(html, /<CTO>/);
  });

  it("sitemap.xml: every HTML page with its absolute URL, posts with lastmod; no redirect pages, 404, feeds or drafts", () => {
    const { namespace, urls } = sitemap(ok ? project.read("sitemap.xml") : "<urlset/>");
    assert.equal(namespace, "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (const url of ["https://example.org/", "https://example.org/tags/xen/", "https://example.org/main/", "https://example.org/archive/2008/06/"]) {
      assert.ok(urls.has(url), `${url} is listed`);
    }
    assert.equal(urls.get("https://example.org/main/2008/06/citrix/"), "2008-07-01T09:30-04:00", "updated wins over date");
    assert.equal(urls.get("https://example.org/main/2008/06/other/"), "2008-06", "a month-only date stays a month");
    for (const loc of urls.keys()) {
      assert.ok(loc.startsWith("https://example.org/"), loc);
      assert.ok(/\/$|\.html$/.test(loc), `${loc} is an HTML page`);
      assert.doesNotMatch(loc, /404|citrix\.html|community|First|index\.php|caf|unfinished|feed/, `${loc} is not listed`);
    }
    assert.ok(!urls.has("https://example.org/main/2008/06/unfinished/"), "the draft is not listed");
  });

  it("robots.txt allows all and names the sitemap", () => {
    const robots = ok ? project.read("robots.txt") : "";
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Allow: \/$/m);
    assert.match(robots, /^Sitemap: https:\/\/example\.org\/sitemap\.xml$/m);
  });
});

describe("with PATH_PREFIX=/archive/", () => {
  const project = new Project(FILES);
  const result = project.build({ PATH_PREFIX: "/archive/" });
  const ok = result.status === 0;

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("_redirects lists old and new paths under the prefix, as the host sees them", () => {
    const lines = rules(ok ? project.read("_redirects") : "");
    assert.ok(lines.includes("/archive/archives/2008/06/citrix.html /archive/main/2008/06/citrix/ 301"), lines.join("\n"));
    assert.ok(lines.every((line) => /^\/archive\/\S+ \/archive\/main\/2008\/06\/citrix\/ 301$/.test(line)), lines.join("\n"));
  });

  it("the redirect page sends the reader to the prefixed URL", () => {
    const html = ok ? project.read("archives/2008/06/citrix.html") : "";
    assert.equal(attribute(html, /<meta http-equiv="refresh" content="([^"]*)"/), "0; url=/archive/main/2008/06/citrix/");
    assert.equal(attribute(html, /<link rel="canonical" href="([^"]*)"/), "https://example.org/archive/main/2008/06/citrix/");
    assert.match(html, /<a href="\/archive\/main\/2008\/06\/citrix\/">/);
  });

  it("sitemap and robots.txt URLs carry the prefix", () => {
    const { urls } = sitemap(ok ? project.read("sitemap.xml") : "<urlset/>");
    assert.ok(urls.has("https://example.org/archive/"));
    assert.ok(urls.has("https://example.org/archive/main/2008/06/citrix/"));
    assert.ok([...urls.keys()].every((loc) => loc.startsWith("https://example.org/archive/")));
    assert.match(ok ? project.read("robots.txt") : "", /^Sitemap: https:\/\/example\.org\/archive\/sitemap\.xml$/m);
  });
});

describe("alias errors", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/first.md": post(`
title: First
date: "2008-06-01"
aliases:
  - /old/shared
  - /tags/xen
`),
    "posts/main/2008/second.md": post(`
title: Second
date: "2008-06-02"
tags: Xen
aliases: ["/old/unique.html", "https://old.example.com/old/shared/?p=2", "mailto:ann@example.com"]
`),
    "posts/main/2008/third.md": post(`
title: Third
date: "2008-06-03"
aliases:
  - /old/third
  - /main/2008/06/third
`),
  });
  const result = project.build();

  it("fail the build, writing nothing", () => {
    assert.equal(result.status, 1, result.output);
    assert.ok(!project.exists("index.html"), "nothing was written");
  });

  it("a duplicate alias names the file, the alias's line, its field and the first claim", () => {
    assert.match(
      result.output,
      /^ {2}posts\/main\/2008\/second\.md:5: aliases\.1: old path \/old\/shared\/ is already claimed by posts\/main\/2008\/first\.md \(aliases\.0\) as "\/old\/shared"; an old path can lead to one post only$/m,
    );
  });

  it("an alias that is a page of the site, or the post's own URL, is an error at its line", () => {
    assert.match(result.output, /^ {2}posts\/main\/2008\/first\.md:6: aliases\.1: old path \/tags\/xen is a page of the site \(\/tags\/xen\/\)/m);
    assert.match(result.output, /^ {2}posts\/main\/2008\/third\.md:6: aliases\.1: old path \/main\/2008\/06\/third is this post's own URL$/m);
  });

  it("an alias that is no path is an error", () => {
    assert.match(result.output, /^ {2}posts\/main\/2008\/second\.md:5: aliases\.2: "mailto:ann@example\.com" is neither a path nor an http\(s\) URL$/m);
  });
});
