import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { authorsOf, joinNames, namesWithSeparators, readAuthorField } from "../../src/content/authors.ts";
import { frontMatterText } from "../../src/import/frontmatter.ts";
import { bylineParts } from "../../src/views/article.ts";

const KNOWN = {
  ann: { name: "Ann Author", links: [] },
  bob: { name: "Bob Writer", bio: "Writes.", links: [] },
  cy: { name: "Cy Coder", links: [] },
};

describe("readAuthorField", () => {
  it("takes one id, a list of ids in their order, or the blog's default", () => {
    assert.deepEqual(readAuthorField("bob", "ann", KNOWN, "main"), { ok: true, ids: ["bob"] });
    assert.deepEqual(readAuthorField(["bob", "ann"], undefined, KNOWN, "main"), { ok: true, ids: ["bob", "ann"] });
    assert.deepEqual(readAuthorField(undefined, "ann", KNOWN, "main"), { ok: true, ids: ["ann"] });
  });

  it("needs an author when the blog has no default", () => {
    assert.deepEqual(readAuthorField(undefined, undefined, KNOWN, "main"), {
      ok: false,
      problems: [{ message: 'is required: the blog "main" names no default author' }],
    });
  });

  it("names each unknown entry, with the nearest known id", () => {
    const result = readAuthorField(["ann", "bbo", "zed"], undefined, KNOWN, "main");
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { index: 1, message: 'unknown author "bbo" (did you mean "bob"?)' },
        { index: 2, message: 'unknown author "zed"; known authors: ann, bob, cy' },
      ],
    });
    assert.deepEqual(readAuthorField("anne", undefined, KNOWN, "main"), { ok: false, problems: [{ message: 'unknown author "anne" (did you mean "ann"?)' }] });
  });

  it("refuses an empty list, an id named twice and an entry that is no id", () => {
    const empty = readAuthorField([], "ann", KNOWN, "main");
    assert.equal(empty.ok, false);
    assert.match(!empty.ok ? (empty.problems[0]?.message ?? "") : "", /empty list/);
    assert.deepEqual(readAuthorField(["ann", "bob", "ann"], undefined, KNOWN, "main"), {
      ok: false,
      problems: [{ index: 2, message: '"ann" is named twice (also entry 0): list each author once' }],
    });
    const odd = readAuthorField(["ann", 7], undefined, KNOWN, "main");
    assert.deepEqual(!odd.ok && odd.problems.map((p) => p.index), [1]);
  });

  it("knows no ids that every object has", () => {
    assert.equal(readAuthorField("constructor", undefined, KNOWN, "main").ok, false);
    assert.equal(readAuthorField(["ann", "toString"], undefined, KNOWN, "main").ok, false);
  });
});

describe("authorsOf and the byline", () => {
  it("gives every author's name and page, in order", () => {
    assert.deepEqual(authorsOf(KNOWN, { authors: ["bob", "ann"] }), [
      { id: "bob", name: "Bob Writer", url: "/authors/bob/", bio: "Writes.", links: [] },
      { id: "ann", name: "Ann Author", url: "/authors/ann/", links: [] },
    ]);
  });

  it("joins names as a sentence does", () => {
    assert.equal(joinNames(["Ann Author"]), "Ann Author");
    assert.equal(joinNames(["Ann Author", "Bob Writer"]), "Ann Author and Bob Writer");
    assert.equal(joinNames(["Ann", "Bob", "Cy"]), "Ann, Bob, and Cy");
    assert.equal(joinNames(["Ann", "Bob"], "de"), "Ann und Bob");
    assert.equal(joinNames(["Ann", "Bob"], "not a locale!"), "Ann and Bob");
  });

  it("splits the byline into linked names and the words between them", () => {
    assert.deepEqual(namesWithSeparators(["A", "B", "C"]), [{ name: 0, text: "A" }, { text: ", " }, { name: 1, text: "B" }, { text: ", and " }, { name: 2, text: "C" }]);
    assert.deepEqual(bylineParts(authorsOf(KNOWN, { authors: ["ann", "bob"] }), "en"), [
      { text: "Ann Author", url: "/authors/ann/" },
      { text: " and " },
      { text: "Bob Writer", url: "/authors/bob/" },
    ]);
  });
});

describe("front matter of the authoring tools", () => {
  it("writes one author as an id and several as a list", () => {
    assert.match(frontMatterText({ title: "T", date: "2008-06-01", authors: ["ann"] }), /^author: ann$/m);
    assert.match(frontMatterText({ title: "T", date: "2008-06-01", authors: ["ann", "bob"] }), /^author: \[ann,bob\]$|^author: \[ann, bob\]$/m);
  });
});
