import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { OldAddresses, originProblem, unclaimedMessage } from "../../src/redirects/oldlinks.ts";
import { SiteSchema } from "../../src/schema/index.ts";

const XEN = { source: "posts/main/2008/xen.md", url: "/main/2008/06/xen/", aliases: ["/archives/2008/06/xen.html", "https://old.example.com/blog/xen-notes/"] };
const KVM = { source: "posts/main/2008/kvm.md", url: "/main/2008/07/kvm/", aliases: ["/archives.php?id=12&view=full"] };
const CAFE = { source: "posts/main/2008/cafe.md", url: "/main/2008/08/cafe/", aliases: ["/café/"] };
const POSTS = [XEN, KVM, CAFE];

const target = (result: ReturnType<OldAddresses<typeof XEN>["resolve"]>) =>
  result?.kind === "post" ? `${result.target.url}${result.suffix}` : result;

describe("links by old address", () => {
  const index = new OldAddresses(POSTS, ["https://old.example.com", "http://blog.example.net:8080"]);

  it("leads an alias's path to its post, whatever its trailing slash, index.html or encoding", () => {
    for (const href of ["/archives/2008/06/xen.html", "/archives/2008/06/xen.html/", "/blog/xen-notes", "/blog/xen-notes/", "/blog/xen-notes/index.html", "/blog/xen%2Dnotes/"]) {
      assert.equal(target(index.resolve(href)), "/main/2008/06/xen/", href);
    }
    assert.equal(target(index.resolve("/caf%C3%A9")), "/main/2008/08/cafe/");
  });

  it("keeps the fragment and drops a query that no alias asks for", () => {
    assert.equal(target(index.resolve("/archives/2008/06/xen.html#comments")), "/main/2008/06/xen/#comments");
    assert.equal(target(index.resolve("/archives/2008/06/xen.html?replytocom=3#comment-3")), "/main/2008/06/xen/#comment-3");
  });

  it("matches a full URL on an old origin by http or https, with or without www.", () => {
    for (const href of [
      "https://old.example.com/archives/2008/06/xen.html",
      "http://old.example.com/archives/2008/06/xen.html",
      "https://www.old.example.com/blog/xen-notes/",
      "HTTPS://OLD.EXAMPLE.COM/blog/xen-notes",
      "//old.example.com/blog/xen-notes",
      "http://blog.example.net:8080/blog/xen-notes/",
    ]) {
      assert.equal(target(index.resolve(href)), "/main/2008/06/xen/", href);
    }
    // Another port is another origin.
    assert.equal(index.resolve("http://blog.example.net/blog/xen-notes/"), undefined);
  });

  it("matches a query only as an alias writes it, in any order of its parameters", () => {
    assert.equal(target(index.resolve("/archives.php?id=12&view=full")), "/main/2008/07/kvm/");
    assert.equal(target(index.resolve("https://old.example.com/archives.php?view=full&id=12#top")), "/main/2008/07/kvm/#top");
    assert.deepEqual(index.resolve("/archives.php?id=13"), { kind: "unclaimed" });
    assert.deepEqual(index.resolve("/archives.php"), { kind: "unclaimed" });
    assert.deepEqual(index.resolve("https://old.example.com/archives.php?id=13"), { kind: "unclaimed", origin: "https://old.example.com" });
  });

  it("says when an address on an old origin is claimed by no post", () => {
    assert.deepEqual(index.resolve("https://old.example.com/gone/"), { kind: "unclaimed", origin: "https://old.example.com" });
    // The old site's path may be one the archive kept.
    assert.equal(target(index.resolve("https://old.example.com/main/2008/07/kvm")), "/main/2008/07/kvm/");
  });

  it("leaves other links to the site's own checks", () => {
    for (const href of ["/tags/xen/", "/gone/", "https://elsewhere.example.org/archives/2008/06/xen.html", "../xen/", "#top", "mailto:a@example.com", "xen.md"]) {
      assert.equal(index.resolve(href), undefined, href);
    }
  });

  it("gives an old path to the first post claiming it, by source path", () => {
    const late = { source: "posts/main/2009/z.md", url: "/main/2009/01/z/", aliases: ["/archives/2008/06/xen.html"] };
    assert.equal(target(new OldAddresses([late, XEN]).resolve("/archives/2008/06/xen.html")), "/main/2008/06/xen/");
  });

  it("under a path prefix, takes a full URL's path that holds the prefix as the site's", () => {
    const prefixed = new OldAddresses([XEN], ["https://ann.github.io"], "/blog/");
    assert.equal(target(prefixed.resolve("https://ann.github.io/blog/archives/2008/06/xen.html")), "/main/2008/06/xen/");
  });

  it("reports an unclaimed old path as an error, an unclaimed old-origin URL as a warning", () => {
    assert.equal(unclaimedMessage("/archives.php?id=13", {}).severity, "error");
    assert.deepEqual(unclaimedMessage("https://old.example.com/gone/", { origin: "https://old.example.com" }), {
      message: "→ https://old.example.com/gone/: an address on the old site (https://old.example.com) that no post claims in its aliases; left as a link to the old site",
      severity: "warning",
    });
  });

  it("is empty without aliases or old origins", () => {
    assert.equal(new OldAddresses([{ ...XEN, aliases: [] }]).empty, true);
    assert.equal(new OldAddresses([], ["https://old.example.com"]).empty, false);
  });
});

describe("site.old_origins", () => {
  it("accepts http(s) origins, as their origin", () => {
    assert.equal(originProblem("https://old.example.com"), undefined);
    assert.equal(originProblem("http://old.example.com:8080/"), undefined);
    const site = SiteSchema.parse({ title: "T", url: "https://example.org", publisher: "P", old_origins: ["https://Old.Example.com/", "http://www.old.example.com"] });
    assert.deepEqual(site.old_origins, ["https://old.example.com", "http://www.old.example.com"]);
    assert.deepEqual(SiteSchema.parse({ title: "T", url: "https://example.org", publisher: "P", old_origins: "https://old.example.com" }).old_origins, ["https://old.example.com"]);
  });

  it("refuses anything but a scheme and host", () => {
    assert.match(originProblem("ftp://old.example.com") ?? "", /not an http\(s\) origin/);
    assert.match(originProblem("https://old.example.com/blog/") ?? "", /has a path, query or fragment; .*\(https:\/\/old\.example\.com\)/);
    assert.match(originProblem("https://old.example.com/?p=1") ?? "", /path, query or fragment/);
    assert.match(originProblem("old.example.com") ?? "", /is not a URL/);
    assert.match(originProblem("https://me:pw@old.example.com") ?? "", /user name or password/);
    const result = SiteSchema.safeParse({ title: "T", url: "https://example.org", publisher: "P", old_origins: ["https://ok.example.com", "mailto:x@example.com"] });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((issue) => issue.path), [["old_origins", 1]]);
  });
});
