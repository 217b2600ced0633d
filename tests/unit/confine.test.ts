import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { confine, confinementProblem, isWithin } from "../../src/confine.ts";

describe("confine", () => {
  const root = mkdtempSync(path.join(tmpdir(), "backlist-confine-"));
  const folder = path.join(root, "posts");
  const outside = path.join(root, "outside");
  mkdirSync(path.join(folder, "2008"), { recursive: true });
  mkdirSync(outside);
  symlinkSync(outside, path.join(folder, "2009"));
  symlinkSync(path.join(outside, "missing.md"), path.join(folder, "2008", "dangling.md"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("accepts plain relative paths below the folder, existing or not", () => {
    assert.equal(confine(folder, "2008/foo.md"), path.join(folder, "2008/foo.md"));
    assert.equal(confine(folder, "2010/new/foo.md"), path.join(folder, "2010/new/foo.md"));
  });

  it("refuses paths that leave the folder or are not plain", () => {
    for (const [relative, reason] of [
      ["../outside/x.md", "leaves its folder"],
      ["2008/../../x.md", "leaves its folder"],
      ["/etc/passwd", "absolute path"],
      ["C:/x.md", "absolute path"],
      ["2008\\..\\x.md", "backslash"],
      ["2008/\0.md", "NUL"],
      ["", "empty"],
      ["2008//x.md", "not a plain relative path"],
      ["./x.md", "not a plain relative path"],
    ] as const) {
      assert.match(confinementProblem(relative) ?? "", new RegExp(reason), relative);
      assert.ok(confine(folder, relative) instanceof Error, relative);
    }
  });

  it("refuses a path through a symbolic link that leads out, or to nowhere", () => {
    assert.match(String(confine(folder, "2009/foo.md")), /symbolic link/);
    assert.match(String(confine(folder, "2008/dangling.md")), /symbolic link/);
  });

  it("isWithin compares whole path segments", () => {
    assert.equal(isWithin("/a/posts", "/a/posts/x"), true);
    assert.equal(isWithin("/a/posts", "/a/posts"), true);
    assert.equal(isWithin("/a/posts", "/a/posts-old/x"), false);
    assert.equal(isWithin("/a/posts", "/a"), false);
  });
});
