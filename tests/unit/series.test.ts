/** Issue 16: series, from hand-made posts (no build). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArchiveDate } from "../../src/dates.ts";
import type { Post } from "../../src/content/model.ts";
import { formatProblem } from "../../src/content/source.ts";
import { buildSeriesIndex, seriesNav, seriesProblems, seriesRows, withSeriesJsonLd } from "../../src/series/index.ts";

function makePost(slug: string, date: string, series?: string, part?: number, extra: Partial<Post> = {}): Post {
  const parsed = parseArchiveDate(date, "UTC");
  if (!parsed.ok) throw new Error(parsed.message);
  const month = String(parsed.date.month).padStart(2, "0");
  return {
    source: `posts/main/${parsed.date.year}/${slug}.md`,
    blog: "main",
    slug,
    url: `/main/${parsed.date.year}/${month}/${slug}/`,
    title: `Title of ${slug}`,
    date: parsed.date,
    order: 0,
    authors: ["ann"],
    tags: [],
    aliases: [],
    related: [],
    lines: { series: 3, part: 4 },
    seeAlso: [],
    draft: false,
    series,
    part,
    preserved: true,
    body: "Text.",
    bodyLine: 6,
    html: "<p>Text.</p>",
    ...extra,
  };
}

describe("series", () => {
  const one = makePost("one", "2008-03-01", "Xen in Depth", 1);
  const two = makePost("two", "2008-03-20", "xen in depth", 2);
  const three = makePost("three", "2008-03-10", "XEN IN DEPTH", 3);
  const other = makePost("other", "2008-03-05");
  const index = buildSeriesIndex([one, two, three, other]);

  it("is one series whatever the spelling, named as its earliest post spells it, ordered by part", () => {
    assert.deepEqual(index.list.map((s) => [s.slug, s.name, s.url]), [["xen-in-depth", "Xen in Depth", "/series/xen-in-depth/"]]);
    assert.deepEqual(index.bySlug.get("xen-in-depth")?.entries.map((e) => [e.post.slug, e.number]), [["one", 1], ["two", 2], ["three", 3]]);
    assert.equal(index.ofPost.has(other), false);
  });

  it("gives each part its place and the series' previous and next", () => {
    const nav = seriesNav(index, two, "en");
    assert.deepEqual(
      { name: nav?.name, url: nav?.url, number: nav?.number, total: nav?.total, previous: nav?.previous?.url, next: nav?.next?.url },
      { name: "Xen in Depth", url: "/series/xen-in-depth/", number: 2, total: 3, previous: one.url, next: three.url },
    );
    assert.equal(seriesNav(index, one, "en")?.previous, undefined);
    assert.equal(seriesNav(index, three, "en")?.next, undefined);
    assert.equal(seriesNav(index, other, "en"), undefined);
  });

  it("puts posts without a part after the numbered ones, by date, and counts parts that were not preserved", () => {
    const late = makePost("late", "2008-01-01", "Gaps");
    const later = makePost("later", "2008-02-01", "Gaps");
    const fourth = makePost("fourth", "2008-05-01", "Gaps", 4);
    const first = makePost("first", "2008-06-01", "Gaps", 1);
    const gaps = buildSeriesIndex([late, later, fourth, first]).bySlug.get("gaps");
    assert.deepEqual(gaps?.entries.map((e) => [e.post.slug, e.number]), [["first", 1], ["fourth", 4], ["late", 5], ["later", 6]]);
    assert.equal(gaps?.total, 6);
    assert.deepEqual(gaps?.missing, [2, 3]);
    assert.deepEqual(gaps && seriesRows(gaps).map((row) => [row.number, row.post?.slug]), [
      [1, "first"], [2, undefined], [3, undefined], [4, "fourth"], [5, "late"], [6, "later"],
    ]);
    assert.equal(gaps?.name, "Gaps");
  });

  it("leaves drafts out", () => {
    const draft = makePost("draft", "2008-04-01", "Xen in Depth", 4, { draft: true });
    assert.equal(buildSeriesIndex([one, draft]).bySlug.get("xen-in-depth")?.total, 1);
  });

  it("reports a part without a series, a series without a slug and a part claimed twice, with file and line", () => {
    const problems = seriesProblems([
      one,
      makePost("again", "2008-04-01", "Xen In Depth", 1),
      makePost("lonely", "2008-04-02", undefined, 2),
      makePost("symbols", "2008-04-03", "???"),
    ]).map(formatProblem);
    assert.deepEqual(problems, [
      "posts/main/2008/again.md:4: part: part 1 of the series \"Xen In Depth\" is also posts/main/2008/one.md",
      "posts/main/2008/lonely.md:4: part: needs a `series`: the part of which series?",
      "posts/main/2008/symbols.md:3: series: \"???\" gives an empty slug: name the series with letters or digits",
    ]);
  });

  it("adds the series to the BlogPosting's isPartOf, beside the blog, with the post's position", () => {
    const nav = seriesNav(index, two, "en");
    const jsonLd = withSeriesJsonLd({ "@type": "BlogPosting", isPartOf: { "@type": "Blog", name: "Main" } }, nav, "https://example.org");
    assert.deepEqual(jsonLd, {
      "@type": "BlogPosting",
      isPartOf: [
        { "@type": "Blog", name: "Main" },
        { "@type": "CreativeWorkSeries", name: "Xen in Depth", url: "https://example.org/series/xen-in-depth/" },
      ],
      position: 2,
    });
    const plain = { "@type": "BlogPosting" };
    assert.equal(withSeriesJsonLd(plain, undefined, "https://example.org"), plain);
  });
});
