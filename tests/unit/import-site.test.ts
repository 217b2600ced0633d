import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { originsToAdd, writeOldOrigins } from "../../src/import/site.ts";

describe("the old site's origin in site data", () => {
  it("adds each new origin once, taking scheme and www. as the same origin, never the archive's own", () => {
    assert.deepEqual(originsToAdd([], ["https://old.example.com/blog/", "http://www.old.example.com", undefined, "not a url"]), ["https://old.example.com"]);
    assert.deepEqual(originsToAdd(["http://old.example.com"], ["https://www.old.example.com/"]), []);
    assert.deepEqual(originsToAdd([], ["https://example.org/"], "https://example.org"), []);
    assert.deepEqual(originsToAdd([], ["ftp://old.example.com/"]), []);
  });

  it("appends to old_origins, keeping the rest of the file; writes nothing without a site file", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "backlist-site-"));
    try {
      assert.equal(await writeOldOrigins(root, ["https://old.example.com"]), undefined);
      mkdirSync(path.join(root, "_data"));
      const file = path.join(root, "_data", "site.yaml");
      writeFileSync(file, "# The archive.\ntitle: T # short\nold_origins: https://first.example.com\n");
      assert.equal(await writeOldOrigins(root, ["https://old.example.com"]), "_data/site.yaml");
      assert.equal(readFileSync(file, "utf8"), "# The archive.\ntitle: T # short\nold_origins:\n  - https://first.example.com\n  - https://old.example.com\n");
      await writeOldOrigins(root, ["https://third.example.com"]);
      assert.match(readFileSync(file, "utf8"), /  - https:\/\/old\.example\.com\n  - https:\/\/third\.example\.com\n$/);
      assert.equal(await writeOldOrigins(root, []), undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
