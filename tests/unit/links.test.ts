import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isExternal, lineOfLink, markdownTarget, splitHref } from "../../src/content/links.ts";
import { candidates, checkSiteLinks } from "../../src/content/sitelinks.ts";

describe("markdownTarget: which post file a link names", () => {
  const from = "posts/blog/2008/source.md";
  it("resolves relative paths against the linking post", () => {
    assert.equal(markdownTarget("target.md", from), "posts/blog/2008/target.md");
    assert.equal(markdownTarget("../2007/old.md#intro", from), "posts/blog/2007/old.md");
    assert.equal(markdownTarget("../../other/2009/x.md?x=1", from), "posts/other/2009/x.md");
    assert.equal(markdownTarget("my%20post.md", from), "posts/blog/2008/my post.md");
  });
  it("resolves root paths from the project root", () => {
    assert.equal(markdownTarget("/posts/blog/2008/target.md", from), "posts/blog/2008/target.md");
  });
  it("ignores external links, anchors and non-markdown paths", () => {
    assert.equal(markdownTarget("https://example.org/a.md", from), undefined);
    assert.equal(markdownTarget("//cdn.example.org/a.md", from), undefined);
    assert.equal(markdownTarget("#top", from), undefined);
    assert.equal(markdownTarget("/tags/xen/", from), undefined);
    assert.equal(markdownTarget("mailto:a@b.c", from), undefined);
  });
  it("splits hrefs and tells external ones", () => {
    assert.deepEqual(splitHref("a.md#b"), { path: "a.md", suffix: "#b" });
    assert.deepEqual(splitHref("a.md"), { path: "a.md", suffix: "" });
    assert.ok(isExternal("HTTPS://x.y"));
    assert.ok(!isExternal("/x"));
  });
  it("finds the line of a link within its block", () => {
    const body = "para one\n\nline a\nsee [x](t.md)\n";
    assert.equal(lineOfLink(body, 5, [2, 4], "t.md"), 8);
    assert.equal(lineOfLink(body, 5, null, "t.md"), 5);
  });
});

describe("checkSiteLinks: root-relative links must lead somewhere", () => {
  const urls = new Set(["/", "/tags/xen/", "/404.html"]);
  const noFiles = () => false;
  const link = (href: string) => ({ source: "posts/a/2008/b.md", line: 3, href });

  it("accepts the forms a static host serves", () => {
    assert.deepEqual(candidates("/tags/xen"), ["/tags/xen", "/tags/xen/"]);
    assert.deepEqual(candidates("/tags/xen/index.html"), ["/tags/xen/index.html", "/tags/xen/"]);
    const ok = ["/", "/tags/xen/", "/tags/xen", "/tags/xen/index.html", "/tags/xen/#top", "/404.html"].map(link);
    assert.deepEqual(checkSiteLinks(ok, urls, noFiles), []);
  });

  it("accepts copied files and reports everything else with file and line", () => {
    const problems = checkSiteLinks([link("/assets/site.css"), link("/nope/"), link("/tags/kvm/")], urls, (f) => f === "assets/site.css");
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
      [
        "posts/a/2008/b.md:3: → /nope/: no page or file of the site has this path",
        "posts/a/2008/b.md:3: → /tags/kvm/: no page or file of the site has this path",
      ],
    );
  });
});
