import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { cutAtWord } from "../../src/excerpt.ts";

describe("cutAtWord", () => {
  it("keeps text that fits", () => {
    assert.equal(cutAtWord("A short summary.", 40), "A short summary.");
  });

  it("cuts at a word boundary, with an ellipsis and no trailing punctuation", () => {
    assert.equal(cutAtWord("The very idea that Red Hat can wrest control of anything open sourced is laughable.", 40), "The very idea that Red Hat can wrest…");
    assert.equal(cutAtWord("One, two, three, four, five, six.", 20), "One, two, three…");
  });

  it("cuts Japanese text between words, not inside one", () => {
    const text = "仮想化の世界では、ハイパーバイザーの制御を巡る争いが続いている。".repeat(20);
    const cut = cutAtWord(text, 50, "ja");
    assert.ok([...cut].length <= 50, cut);
    assert.ok(cut.endsWith("…"));
    assert.ok(text.startsWith(cut.slice(0, -1)));
  });

  it("never exceeds the limit and is always a prefix of the text, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const cut = cutAtWord(text, max);
        assert.ok([...cut].length <= max, `${cut.length} > ${max}`);
        const body = cut.endsWith("…") && [...text.trim()].length > max ? cut.slice(0, -1) : cut;
        assert.ok(text.trim().startsWith(body), JSON.stringify({ text, cut }));
      }),
    );
  });
});
