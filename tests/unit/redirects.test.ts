/** Aliases → old paths, redirect pages, `_redirects` lines and alias problems. */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parseArchiveDate } from "../../src/dates.ts";
import type { Post } from "../../src/content/model.ts";
import {
  aliasLinesFromSource,
  aliasPath,
  checkAliases,
  forceRedirects,
  pageUrlsExcept,
  planRedirects,
  redirectOutputs,
  redirectPageFile,
  redirectsFile,
  samePageKey,
} from "../../src/redirects/index.ts";
import { queryAlias, queryMapFile } from "../../src/redirects/query.ts";

function makePost(slug: string, aliases: string[], lines: Post["lines"] = { aliases: 4 }): Post {
  const parsed = parseArchiveDate("2008-06-24", "America/New_York");
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    source: `posts/main/2008/${slug}.md`,
    blog: "main",
    slug,
    url: `/main/2008/06/${slug}/`,
    title: `Post ${slug}`,
    date: parsed.date,
    order: 0,
    authors: ["ann"],
    tags: [],
    aliases,
    related: [],
    lines,
    seeAlso: [],
    draft: false,
    preserved: true,
    body: "Text.",
    bodyLine: 6,
    html: "<p>Text.</p>",
  };
}

const path_ = (alias: string, prefix = "/") => {
  const result = aliasPath(alias, prefix);
  return result.ok ? result.path : `error: ${result.message}`;
};

describe("aliasPath", () => {
  it("takes a full URL's path and drops its query and fragment", () => {
    assert.equal(path_("https://old.example.com/blog/2008/06/foo.html?p=12#comments"), "/blog/2008/06/foo.html");
    assert.equal(path_("http://old.example.com"), "/");
    assert.equal(path_("//old.example.com/blog/foo/"), "/blog/foo/");
  });

  it("adds a leading slash, keeps case and a trailing slash as written", () => {
    assert.equal(path_("archives/Foo-Bar"), "/archives/Foo-Bar");
    assert.equal(path_("/archives/Foo-Bar/"), "/archives/Foo-Bar/");
    assert.equal(path_("  /spaced  "), "/spaced");
    assert.equal(path_("/a/b?x=1"), "/a/b");
    assert.equal(path_("/a/b#top"), "/a/b");
  });

  it("percent-encodes what a _redirects line needs encoded, and keeps what already is", () => {
    assert.equal(path_("/old/First Post"), "/old/First%20Post");
    assert.equal(path_("/blog/café"), "/blog/caf%C3%A9");
    assert.equal(path_("/blog/caf%C3%A9"), "/blog/caf%C3%A9");
  });

  it("resolves dot segments", () => {
    assert.equal(path_("/a/../b/./c"), "/b/c");
  });

  it("rejects what names no path", () => {
    assert.equal(path_(""), "error: must not be empty");
    assert.equal(path_("   "), "error: must not be empty");
    assert.match(path_("mailto:ann@example.com"), /^error: "mailto:ann@example.com" is neither a path nor an http\(s\) URL$/);
    assert.match(path_("ftp://old.example.com/foo"), /neither a path nor an http\(s\) URL/);
    assert.match(path_("https://"), /neither a path nor an http\(s\) URL/);
  });

  it("under a prefix: paths are site paths, a full URL already under the prefix is not prefixed twice", () => {
    assert.equal(path_("/2008/06/foo.html", "/archive/"), "/2008/06/foo.html");
    assert.equal(path_("https://example.org/archive/2008/06/foo.html", "/archive/"), "/2008/06/foo.html");
    assert.equal(path_("https://example.org/archive", "/archive/"), "/");
    assert.equal(path_("https://example.org/archived/foo", "/archive/"), "/archived/foo");
    assert.equal(path_("https://old.example.com/blog/foo", "/archive/"), "/blog/foo");
  });
});

describe("redirect page files and page keys", () => {
  it("an .html or .htm path is the file itself; any other path is a folder with index.html", () => {
    assert.equal(redirectPageFile("/archives/2008/06/foo.html"), "/archives/2008/06/foo.html");
    assert.equal(redirectPageFile("/archives/FOO.HTM"), "/archives/FOO.HTM");
    assert.equal(redirectPageFile("/blog/foo"), "/blog/foo/index.html");
    assert.equal(redirectPageFile("/blog/foo/"), "/blog/foo/index.html");
    assert.equal(redirectPageFile("/index.php"), "/index.php/index.html");
    assert.equal(redirectPageFile("/"), "/index.html");
  });

  it("writes the file under its decoded name", () => {
    assert.equal(redirectPageFile("/old/First%20Post"), "/old/First Post/index.html");
    assert.equal(redirectPageFile("/blog/caf%C3%A9.html"), "/blog/café.html");
  });

  it("/a/b, /a/b/ and /a/b/index.html are one page", () => {
    const keys = ["/a/b", "/a/b/", "/a/b/index.html"].map(samePageKey);
    assert.deepEqual(new Set(keys), new Set(["/a/b"]));
    assert.equal(samePageKey("/"), "/");
    assert.equal(samePageKey("/index.html"), "/");
    assert.equal(samePageKey("/caf%C3%A9/"), samePageKey("/café"));
    assert.notEqual(samePageKey("/a/b.html"), samePageKey("/a/b"));
    assert.notEqual(samePageKey("/A/b"), samePageKey("/a/b"));
  });
});

describe("planRedirects", () => {
  it("one redirect per alias, sorted by old path, to the post's URL", () => {
    const { redirects, problems } = planRedirects([
      makePost("foo", ["/z/foo.html", "https://old.example.com/blog/foo"]),
      makePost("bar", ["/a/bar"]),
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      redirects.map((r) => [r.from, r.file, r.to, r.index]),
      [
        ["/a/bar", "/a/bar/index.html", "/main/2008/06/bar/", 0],
        ["/blog/foo", "/blog/foo/index.html", "/main/2008/06/foo/", 1],
        ["/z/foo.html", "/z/foo.html", "/main/2008/06/foo/", 0],
      ],
    );
  });

  it("an old path claimed twice is a problem at the second claim, naming the first, in source order", () => {
    const { redirects, problems } = planRedirects([
      makePost("b-second", ["/old/x/"]),
      makePost("a-first", ["/old/x"]),
    ]);
    assert.equal(redirects.length, 1);
    assert.equal(redirects[0]?.source, "posts/main/2008/a-first.md");
    assert.deepEqual(problems, [
      {
        source: "posts/main/2008/b-second.md",
        index: 0,
        message: 'old path /old/x/ is already claimed by posts/main/2008/a-first.md (aliases.0) as "/old/x"; an old path can lead to one post only',
      },
    ]);
  });

  it("twice in one post is a problem too", () => {
    const { problems } = planRedirects([makePost("foo", ["/old/foo", "https://old.example.com/old/foo?p=1"])]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.index, 1);
    assert.match(problems[0]?.message ?? "", /is already claimed by aliases\.0 of this post;/);
  });
});

describe("checkAliases", () => {
  const pages = ["/", "/main/2008/06/foo/", "/main/2008/06/bar/", "/tags/xen/", "/feed.xml", "/404.html"];

  it("no problems for aliases the site does not use", () => {
    assert.deepEqual(checkAliases([makePost("foo", ["/archives/foo.html", "/blog/foo"])], pages), []);
  });

  it("an alias that is a page of the site, the post's own URL or a copied file is an error with its field and line", () => {
    const foo = makePost("foo", ["/tags/xen", "/main/2008/06/foo/index.html", "/main/2008/06/bar", "/assets/site.css", "/feed.xml", "/"], { aliases: 7 });
    const problems = checkAliases([foo], pages, { fileExists: (file) => file === "assets/site.css" });
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`),
      [
        "posts/main/2008/foo.md:7: aliases.0: old path /tags/xen is a page of the site (/tags/xen/); an alias must be an address the archive does not use",
        "posts/main/2008/foo.md:7: aliases.1: old path /main/2008/06/foo/index.html is this post's own URL",
        "posts/main/2008/foo.md:7: aliases.2: old path /main/2008/06/bar is a page of the site (/main/2008/06/bar/); an alias must be an address the archive does not use",
        "posts/main/2008/foo.md:7: aliases.3: old path /assets/site.css is under /assets, where the site keeps stylesheets, scripts and images",
        "posts/main/2008/foo.md:7: aliases.4: old path /feed.xml is a page of the site (/feed.xml); an alias must be an address the archive does not use",
        "posts/main/2008/foo.md:7: aliases.5: old path / is a page of the site (/); an alias must be an address the archive does not use",
      ],
    );
    assert.ok(problems.every((p) => p.severity === "error"));
  });

  it("reports invalid, duplicate and colliding aliases together, by file and index, with the line lineOf gives", () => {
    const problems = checkAliases(
      [makePost("b", ["/old/shared", "mailto:x@example.com"]), makePost("a", ["/old/shared/", "/tags/xen/"])],
      pages,
      { lineOf: (post, index) => (post.slug === "a" ? 10 : 20) + index },
    );
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}: ${p.field}`),
      ["posts/main/2008/a.md:11: aliases.1", "posts/main/2008/b.md:20: aliases.0", "posts/main/2008/b.md:21: aliases.1"],
    );
  });

  it("without a known line, the problem has none", () => {
    const [problem] = checkAliases([makePost("foo", [""], {})], pages);
    assert.equal(problem?.line, undefined);
    assert.equal(problem?.field, "aliases.0");
  });
});

describe("aliasLinesFromSource", () => {
  it("finds each alias's own line in the front matter, block or flow style", () => {
    const root = mkdtempSync(path.join(tmpdir(), "backlist-aliases-"));
    mkdirSync(path.join(root, "posts/main/2008"), { recursive: true });
    writeFileSync(
      path.join(root, "posts/main/2008/block.md"),
      '---\ntitle: Block\ndate: "2008-06-24"\naliases:\n  - /one\n  - /two\n---\nText.\n',
    );
    writeFileSync(path.join(root, "posts/main/2008/flow.md"), '---\ntitle: Flow\naliases: [/one, /two]\n---\nText.\n');
    const lineOf = aliasLinesFromSource(root);
    const block = { ...makePost("block", ["/one", "/two"]), lines: { aliases: 4 } };
    assert.equal(lineOf(block, 0), 5);
    assert.equal(lineOf(block, 1), 6);
    const flow = { ...makePost("flow", ["/one", "/two"]), lines: { aliases: 3 } };
    assert.equal(lineOf(flow, 1), 3);
    const missing = { ...makePost("missing", ["/one"]), lines: { aliases: 9 } };
    assert.equal(lineOf(missing, 0), 9, "the key's line when the file cannot be read");
  });
});

describe("_redirects", () => {
  const { redirects } = planRedirects([makePost("foo", ["/archives/foo.html", "/old/First Post"])]);

  it("one `old new 301` line per alias, after comment lines", () => {
    const text = redirectsFile(redirects, { prefix: "/", force: false });
    const rules = text.split("\n").filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(rules, ["/archives/foo.html /main/2008/06/foo/ 301", "/old/First%20Post /main/2008/06/foo/ 301"]);
    assert.ok(text.endsWith("\n"));
  });

  it("both paths carry the prefix: the file lists paths as the host sees them", () => {
    const rules = redirectsFile(redirects, { prefix: "/archive/", force: false }).split("\n").filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(rules, [
      "/archive/archives/foo.html /archive/main/2008/06/foo/ 301",
      "/archive/old/First%20Post /archive/main/2008/06/foo/ 301",
    ]);
  });

  it("forced rules (Netlify) end in 301!", () => {
    assert.match(redirectsFile(redirects, { prefix: "/", force: true }), /^\/archives\/foo\.html \/main\/2008\/06\/foo\/ 301!$/m);
    assert.equal(forceRedirects({ BACKLIST_FORCE_REDIRECTS: "1" }), true);
    assert.equal(forceRedirects({ BACKLIST_FORCE_REDIRECTS: "true" }), true);
    assert.equal(forceRedirects({ BACKLIST_FORCE_REDIRECTS: "0" }), false);
    assert.equal(forceRedirects({}), false);
  });

  it("with no aliases the file has only its comments", () => {
    const text = redirectsFile([], { prefix: "/", force: false });
    assert.ok(text.split("\n").every((line) => line === "" || line.startsWith("#")));
  });
});

describe("redirectOutputs", () => {
  it("the rules file first, then a page per alias; an alias that is a post's URL gets no page", () => {
    const outputs = redirectOutputs([makePost("foo", ["/old/foo", "/main/2008/06/bar"]), makePost("bar", [])], "/");
    assert.deepEqual(
      outputs.map((o) => [o.kind, o.url]),
      [
        ["rules", "/_redirects"],
        ["page", "/old/foo/index.html"],
      ],
    );
  });
});

describe("pageUrlsExcept", () => {
  it("every page's URL but the redirect template's", () => {
    const urls = pageUrlsExcept({
      "./pages/index.11ty.tsx": ["/"],
      "./pages/post.11ty.tsx": ["/main/2008/06/foo/", "/main/2008/06/bar/"],
      "./pages/redirects.11ty.tsx": ["/_redirects", "/old/foo/"],
    });
    assert.deepEqual(urls, ["/", "/main/2008/06/foo/", "/main/2008/06/bar/"]);
  });
});

describe("aliases that would break the site or its files", () => {
  it("refuses old paths under Backlist's own folders: the search index, the assets, the host's rule files", () => {
    assert.equal(path_("/pagefind/pagefind.js"), "error: old path /pagefind/pagefind.js is under /pagefind, where the site keeps the search index");
    assert.equal(path_("https://old.example.com/assets/old-logo.png"), "error: old path /assets/old-logo.png is under /assets, where the site keeps stylesheets, scripts and images");
    assert.equal(path_("/_redirects"), "error: old path /_redirects is under /_redirects, where the site keeps the redirect rules");
    assert.equal(path_("%70agefind/x"), "error: old path /%70agefind/x is under /pagefind, where the site keeps the search index");
    // Only the folder itself: a neighbour of the same prefix is fine.
    assert.equal(path_("/pagefinder/"), "/pagefinder/");
    assert.equal(path_("/blog/assets/x.html"), "/blog/assets/x.html");
  });

  it("refuses a NUL or another control character, written or percent-encoded", () => {
    assert.match(path_("/old/a\u0000b.html"), /^error: holds a control character \(such as NUL\)/);
    assert.match(path_("/old/a%00b.html"), /^error: holds a control character/);
    assert.match(path_("/old/%E0%A4%A"), /^error: .* has a broken percent-encoding/);
  });

  it("warns when two old paths differ only in Unicode form or case", () => {
    const nfc = "/old/caf\u00e9/";
    const nfd = "/old/cafe\u0301/";
    const problems = checkAliases([makePost("a", [nfc]), makePost("b", [nfd, "/Old/Cafe\u0301.html", "/OLD/CAF\u00c9/"])], ["/"]);
    assert.deepEqual(
      problems.map((p) => `${p.severity} ${p.field} ${p.message}`),
      [
        "warning aliases.0 old path /old/cafe%CC%81/ and /old/caf%C3%A9/ of posts/main/2008/a.md (aliases.0) differ only in their Unicode form (NFC/NFD): some hosts treat them as one address and others as two",
        "warning aliases.2 old path /OLD/CAF%C3%89/ and /old/caf%C3%A9/ of posts/main/2008/a.md (aliases.0) differ only in case or Unicode form: some hosts treat them as one address and others as two",
      ],
    );
    // Both are still redirected: a warning, not an error.
    assert.equal(planRedirects([makePost("a", [nfc]), makePost("b", [nfd])]).redirects.length, 2);
  });
});

describe("old WordPress addresses by query (/?p=12)", () => {
  it("reads /?p=N and /?page_id=N on the home page or index.php, as a path or a full URL", () => {
    assert.deepEqual(queryAlias("/?p=12"), { ok: true, path: "/", param: "p", id: "12" });
    assert.deepEqual(queryAlias("/index.php?page_id=7"), { ok: true, path: "/index.php", param: "page_id", id: "7" });
    assert.deepEqual(queryAlias("https://old.example.com/?p=106#comments"), { ok: true, path: "/", param: "p", id: "106" });
    assert.deepEqual(queryAlias("https://ann.github.io/blog/?p=3", "/blog/"), { ok: true, path: "/", param: "p", id: "3" });
    assert.equal(queryAlias("/2008/06/foo.html"), undefined);
    assert.equal(queryAlias("/a/b?x=1"), undefined, "a query on another path: only its path counts, as before");
  });

  it("refuses any other query on the home page's address, saying why", () => {
    for (const alias of ["/?cat=3", "/?p=12&lang=de", "/?p=abc", "/index.php?s=xen", "/?p=0"]) {
      const result = queryAlias(alias);
      assert.ok(result && !result.ok, alias);
      assert.match(result.message, /a static host serves \/(index\.php)? by its path only, so the query \?[^ ]+ cannot lead to a post; only WordPress's \?p=N and \?page_id=N/);
    }
  });

  it("plans one map entry per address, the same number claimed twice an error, and no redirect page for them", () => {
    // Posts are taken in source order: "apple" claims first.
    const { redirects, queries, problems } = planRedirects([makePost("zebra", ["/?p=12", "/?page_id=7", "/?cat=1"]), makePost("apple", ["/?p=12", "/index.php?p=12", "/old/foo"])]);
    assert.deepEqual(redirects.map((r) => r.from), ["/old/foo"]);
    assert.deepEqual(queries.map((q) => [q.source, q.path, q.param, q.id, q.to]), [
      ["posts/main/2008/apple.md", "/", "p", "12", "/main/2008/06/apple/"],
      ["posts/main/2008/apple.md", "/index.php", "p", "12", "/main/2008/06/apple/"],
      ["posts/main/2008/zebra.md", "/", "page_id", "7", "/main/2008/06/zebra/"],
    ]);
    assert.deepEqual(problems.map((p) => [p.source, p.index, p.message.slice(0, 60)]), [
      ["posts/main/2008/zebra.md", 0, "old address ?p=12 is already claimed by posts/main/2008/appl"],
      ["posts/main/2008/zebra.md", 2, `"/?cat=1": a static host serves / by its path only, so the q`],
    ]);
    assert.equal(queryMapFile(queries), '{"p":{"12":"/main/2008/06/apple/"},"page_id":{"7":"/main/2008/06/zebra/"}}\n');
  });

  it("names the file, line and field of a query alias that cannot work", () => {
    const problems = checkAliases([makePost("foo", ["/?p=12", "/?replytocom=5"], { aliases: 4 })], []);
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.field, p.severity]), [["posts/main/2008/foo.md", 4, "aliases.1", "error"]]);
    assert.match(problems[0]!.message, /\?replytocom=5 cannot lead to a post/);
  });

  it("writes the map once and Netlify's query rules only with forced rules", () => {
    const posts = [makePost("foo", ["/?p=12"]), makePost("bar", ["/index.php?page_id=7"])];
    const outputs = redirectOutputs(posts, "/archive/");
    assert.deepEqual(outputs.map((o) => o.kind), ["rules", "queries"]);
    const { queries } = planRedirects(posts, "/archive/");
    assert.doesNotMatch(redirectsFile([], { prefix: "/archive/", force: false, queries }), /p=12/, "Cloudflare matches no query: no such line");
    const forced = redirectsFile([], { prefix: "/archive/", force: true, queries }).split("\n");
    assert.ok(forced.includes("/archive/ p=12 /archive/main/2008/06/foo/ 301!"), forced.join("\n"));
    assert.ok(forced.includes("/archive/index.php page_id=7 /archive/main/2008/06/bar/ 301!"), forced.join("\n"));
    assert.equal(redirectOutputs([makePost("foo", ["/old"])], "/").some((o) => o.kind === "queries"), false, "no map without query aliases");
  });
});
