import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { absoluteUrl, normalizePrefix, withPrefix } from "../../src/urls.ts";

describe("urls", () => {
  it("normalizes the path prefix", () => {
    assert.equal(normalizePrefix(undefined), "/");
    assert.equal(normalizePrefix("/"), "/");
    assert.equal(normalizePrefix("archive"), "/archive/");
    assert.equal(normalizePrefix("/archive/"), "/archive/");
    assert.equal(normalizePrefix("//a/b//"), "/a/b/");
  });
  it("prefixes root-relative paths only", () => {
    assert.equal(withPrefix("/tags/xen/", "/archive/"), "/archive/tags/xen/");
    assert.equal(withPrefix("/", "/archive/"), "/archive/");
    assert.equal(withPrefix("https://x.org/a", "/archive/"), "https://x.org/a");
    assert.equal(withPrefix("//cdn.x.org/a", "/archive/"), "//cdn.x.org/a");
  });
  it("builds absolute URLs from origin, prefix and path", () => {
    assert.equal(absoluteUrl("https://example.org", "/a/b/", "/archive/"), "https://example.org/archive/a/b/");
    assert.equal(absoluteUrl("https://example.org/", "/", "/"), "https://example.org/");
  });
});
