/** Issue 16: the sentence around a link, for "Linked from". */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { crossLinks, type LinkContext, type LinkEnv } from "../../src/content/links.ts";
import { linkSnippet } from "../../src/backlinks/context.ts";
import { writtenAfter } from "../../src/backlinks/index.ts";
import { parseArchiveDate } from "../../src/dates.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import type { Env } from "markdown-it";

/** The context of every link of `markdown`, as the loader's link pass sees it. */
function contexts(markdown: string): LinkContext[] {
  const md = createMarkdown({ plugins: [crossLinks] });
  const found: LinkContext[] = [];
  const env: Env & LinkEnv = {
    resolveLink: (_href, _lines, context) => {
      found.push(context());
      return undefined;
    },
  };
  md.render(markdown, env);
  return found;
}

const snippet = (markdown: string, options = {}) => {
  const [context] = contexts(markdown);
  assert.ok(context, "a link");
  const s = linkSnippet(context, options);
  return `${s.before}[${s.linked}]${s.after}`;
};

describe("the sentence around a link", () => {
  it("is the sentence holding the link, with the linked words apart", () => {
    const seed =
      'My recent blog post "[Red Hat Takes Hypervisor Control Back From Citrix](red-hat.md)" appears to have elicited a response from Simon Crosby, CTO for Virtualization at Citrix. I say appears because the comment isn\'t verified.';
    assert.equal(
      snippet(seed),
      "My recent blog post “[Red Hat Takes Hypervisor Control Back From Citrix]” appears to have elicited a response from Simon Crosby, CTO for Virtualization at Citrix.",
    );
  });

  it("finds the sentence in the middle of a paragraph, across line breaks, without markup", () => {
    const text = "First sentence here. Then *see* the\n[**earlier** post](a.md) on `KVM` for more. Last one!";
    assert.equal(snippet(text), "Then see the [earlier post] on KVM for more.");
  });

  it("keeps abbreviations inside the sentence", () => {
    assert.equal(snippet("oVirt (a.k.a. Linux KVM) is covered in [my post](a.md) too. Next."), "oVirt (a.k.a. Linux KVM) is covered in [my post] too.");
  });

  it("trims a long sentence at word boundaries around the link, with …", () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const text = `${words.slice(0, 40).join(" ")} [the link](a.md) ${words.slice(40).join(" ")}.`;
    const result = snippet(text, { max: 80 });
    assert.ok(result.length <= 80 + 4, `${result.length}: ${result}`);
    assert.match(result, /^…word\d+ .*\[the link\] .*word\d+…$/);
    // Whole words only: every word is one of the sentence's.
    for (const word of result.replace(/[…[\]]/g, " ").split(/\s+/).filter(Boolean)) {
      assert.ok(["the", "link", ...words].includes(word), word);
    }
  });

  it("gives the other side the room one side does not need", () => {
    const text = `See [this](a.md) ${Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")}.`;
    const result = snippet(text, { max: 60 });
    assert.match(result, /^See \[this\] w0 w1 .*…$/);
    assert.ok(result.length > 50, result);
  });

  it("cuts linked words that are longer than the snippet itself", () => {
    const long = Array.from({ length: 40 }, (_, i) => `t${i}`).join(" ");
    const [context] = contexts(`Before [${long}](a.md) after.`);
    const s = linkSnippet(context!, { max: 30 });
    assert.ok(s.linked.endsWith("…") && s.linked.length <= 30, s.linked);
    assert.deepEqual([s.before, s.after], ["…", "…"]);
  });

  it("reports each link of a paragraph with its own span", () => {
    const found = contexts("One [a](a.md) and [b](b.md).");
    assert.deepEqual(found.map((c) => c.text.slice(c.start, c.end)), ["a", "b"]);
  });
});

describe("later:", () => {
  const at = (date: string, order = 0) => {
    const parsed = parseArchiveDate(date, "UTC");
    if (!parsed.ok) throw new Error(parsed.message);
    return { date: parsed.date, order };
  };
  it("is said of a post written after the one it links to, and only when that is known", () => {
    assert.equal(writtenAfter(at("2008-06-24"), at("2008-06-02")), true);
    assert.equal(writtenAfter(at("2008-06-02"), at("2008-06-24")), false, "an older post edited to link forward");
    assert.equal(writtenAfter(at("2008-06-24T15:00"), at("2008-06-24T09:00")), true);
    assert.equal(writtenAfter(at("2008-07"), at("2008-06")), true);
    assert.equal(writtenAfter(at("2008-06"), at("2008-06-10")), false, "June 2008 may be before or after 10 June");
    assert.equal(writtenAfter(at("2008-06-10"), at("2008-06")), false);
    assert.equal(writtenAfter(at("2008-06", 7), at("2008-06", 2)), true, "order says which came first");
    assert.equal(writtenAfter(at("2008-06", 2), at("2008-06", 7)), false);
  });
});
