/** Issue 17, item 4: headings and phrases from data. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BlogSchema, SiteSchema } from "../../src/schema/index.ts";
import { DEFAULT_WORDS, WORDS, blogWords, fill, phrase, resolveWords } from "../../src/words/index.ts";

const SITE = { title: "T", url: "https://example.org", publisher: "P" };

describe("words", () => {
  it("defaults to the pages' wording, grammatical for any blog title", () => {
    assert.equal(DEFAULT_WORDS.recent_posts, "Like this? Here are some of {author}’s recent posts");
    for (const title of ["The Converging Network", "Ops Notes", "Mitchell’s blog", "Converging on Microsoft"]) {
      assert.equal(phrase(DEFAULT_WORDS.sister_blog_posts, { blog: title }), `Recent posts from ${title}`);
    }
    assert.doesNotMatch(phrase(DEFAULT_WORDS.sister_blog_posts, { blog: "The Converging Network" }), /Recent The/);
  });

  it("takes the blog's words over the site's over the defaults", () => {
    const site = SiteSchema.parse({ ...SITE, words: { linked_from: "Cited by", books: "Reading list" } });
    const blog = BlogSchema.parse({ title: "B", words: { sister_blog_posts: "Recent Converging Network Blog Posts", books: "Mitchell's shelf" } });
    const words = blogWords({ site, blogs: { b: blog, c: BlogSchema.parse({ title: "C" }) } }, "b");
    assert.equal(words.sister_blog_posts, "Recent Converging Network Blog Posts");
    assert.equal(words.books, "Mitchell's shelf");
    assert.equal(words.linked_from, "Cited by");
    assert.equal(words.podcast, "Podcast");
    assert.equal(blogWords({ site, blogs: { c: BlogSchema.parse({ title: "C" }) } }, "c").books, "Reading list");
    assert.deepEqual(resolveWords(), DEFAULT_WORDS);
  });

  it("refuses an unknown phrase, with a suggestion, and placeholders a phrase does not have", () => {
    const result = BlogSchema.safeParse({ title: "B", words: { "linked-from": "x", recent_posts: "Posts by {autor}", books: "" } });
    assert.equal(result.success, false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];
    assert.deepEqual(issues.map(([p]) => p), ["words.linked-from", "words.recent_posts", "words.books"]);
    assert.match(issues[0]?.[1] ?? "", /unknown phrase \(did you mean "linked_from"\?\)/);
    assert.equal(issues[1]?.[1], "unknown placeholder {autor}; this phrase can use {author}");
    assert.equal(issues[2]?.[1], "must not be empty");
  });

  it("fills placeholders with text or elements, never parsing markup", () => {
    assert.deepEqual(fill("Check out {host}’s {podcast}.", { host: "<b>Ann</b>", podcast: { link: 1 } }), ["Check out ", "<b>Ann</b>", "’s ", { link: 1 }, "."]);
    assert.equal(phrase("Part {part} of {total} in {series}", { part: 2, total: 5, series: "X & Y" }), "Part 2 of 5 in X & Y");
    assert.equal(phrase("No {placeholder} given"), "No {placeholder} given");
  });

  it("lists only placeholders its phrase fills", () => {
    for (const [key, { text, slots }] of Object.entries(WORDS)) {
      for (const name of [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) assert.ok((slots as readonly string[]).includes(name ?? ""), `${key}: {${name}}`);
    }
  });
});
