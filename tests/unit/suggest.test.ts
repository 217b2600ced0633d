import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closest, editDistance } from "../../src/suggest.ts";
import { POST_KEYS } from "../../src/schema/index.ts";

describe("suggestions for unknown keys", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    assert.equal(editDistance("tgas", "tags"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("same", "same"), 0);
  });

  it("suggests the key a typo was meant to be, and nothing for a stranger", () => {
    for (const [typo, meant] of [
      ["tgas", "tags"],
      ["summray", "summary"],
      ["tittle", "title"],
      ["Title", "title"],
      ["alias", "aliases"],
      ["dtae", "date"],
      ["autor", "author"],
    ] as const) {
      assert.equal(closest(typo, POST_KEYS), meant, typo);
    }
    assert.equal(closest("layout", POST_KEYS), undefined);
    assert.equal(closest("x", POST_KEYS), undefined);
  });
});
