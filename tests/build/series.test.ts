/**
 * Issue 16: series, backlinks in context, podcast feeds only for shows that
 * can be played; issue 17 (item 4): words from data. Built from the fixture
 * archive in tests/fixtures/series.ts.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { describe, it } from "node:test";
import { parseRssFeed } from "feedsmith";
import { PART, SERIES_FIXTURE, SERIES_URL } from "../fixtures/series.ts";
import { MINIMAL_DATA, Project, REPO, post } from "./project.ts";

const page = (url: string) => `${url.replace(/^\//, "")}index.html`;
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#8217;/g, "’").replace(/&#8220;/g, "“").replace(/&#8221;/g, "”").replace(/&amp;/g, "&");

/** The HTML of the element with class `name` (first match, to its closing tag `tag`). */
function part(html: string, start: RegExp, end: string): string {
  const at = html.search(start);
  if (at < 0) return "";
  return html.slice(at, html.indexOf(end, at) + end.length);
}

describe("a three-part series, backlinks in context, words from data", () => {
  const project = new Project(SERIES_FIXTURE);
  const result = project.build();
  const read = (url: string) => (result.status === 0 ? project.read(page(url)) : "");

  it("builds, warning that the playable show has no artwork", () => {
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /warning: _data\/podcasts\.yaml:1: ops-cast: no `image`: Apple Podcasts requires artwork/);
    assert.match(result.output, /warning: _data\/podcasts\.yaml:6: ops-cast\.episodes\.0: "Pager Duty & <Other> Stories" has no `length`/);
    assert.doesNotMatch(result.output, /lost-cast/, "a show without a feed is not checked");
  });

  it("has a page listing the parts in order, whatever the spelling, under the earliest spelling", () => {
    const html = read(SERIES_URL);
    assert.match(html, /<h1>Xen in Depth<\/h1>/);
    assert.match(html, /A series in 3 parts\./);
    const titles = [...html.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(titles, [
      [PART[1], "Xen in Depth, the Hypervisor"],
      [PART[2], "Xen in Depth, Scheduling"],
      [PART[3], "Xen in Depth, Networking"],
    ]);
    assert.deepEqual([...html.matchAll(/class="series-part">([^<]+)</g)].map((m) => m[1]), ["Part 1", "Part 2", "Part 3"]);
    const index = read("/series/");
    assert.match(index, /<a href="\/series\/xen-in-depth\/">Xen in Depth<\/a> <span class="count">\(3 parts\)<\/span>/);
    const sitemap = project.read("sitemap.xml");
    assert.match(sitemap, /<loc>https:\/\/example\.org\/series\/<\/loc>/);
    assert.match(sitemap, /<loc>https:\/\/example\.org\/series\/xen-in-depth\/<\/loc>/);
  });

  it("shows each part's place and the series' previous and next", () => {
    const two = read(PART[2]);
    assert.equal(text(part(two, /<p class="series-place">/, "</p>")), "Part 2 of 3 in Xen in Depth");
    assert.match(part(two, /<p class="series-place">/, "</p>"), /<a href="\/series\/xen-in-depth\/">Xen in Depth<\/a>/);
    const nav = part(two, /<nav class="prev-next series-prev-next"/, "</nav>");
    assert.match(nav, new RegExp(`<a class="prev" href="${PART[1]}"><span class="label">Previous in the series</span><span class="title">Xen in Depth, the Hypervisor</span></a>`));
    assert.match(nav, new RegExp(`<a class="next" href="${PART[3]}"><span class="label">Next in the series</span><span class="title">Xen in Depth, Networking</span></a>`));
    const one = read(PART[1]);
    assert.doesNotMatch(part(one, /<nav class="prev-next series-prev-next"/, "</nav>"), /Previous in the series/);
    assert.doesNotMatch(read("/ops/2009/03/an-unrelated-note/"), /series-place/);
  });

  it("puts the series in the article's JSON-LD isPartOf, beside the blog", () => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read(PART[3]))?.[1] ?? "{}";
    const ld = JSON.parse(json) as { isPartOf: { "@type": string; name: string; url: string }[]; position: number };
    assert.deepEqual(ld.isPartOf.map((p) => [p["@type"], p.name, p.url]), [
      ["Blog", "Ops Notes", "https://example.org/ops/"],
      ["CreativeWorkSeries", "Xen in Depth", "https://example.org/series/xen-in-depth/"],
    ]);
    assert.equal(ld.position, 3);
  });

  it("shows under each linking post the sentence around its link, the linked words marked, and 'later:'", () => {
    const box = part(read(PART[1]), /<section class="widget backlinks"/, "</section>");
    assert.match(box, /<h2 id="backlinks-heading">Cited by<\/h2>/, "the site's words");
    const items = box.split("<li>").slice(1);
    assert.equal(items.length, 2);
    // Newest first: the note (20 March), then part 2 (16 March); both written after part 1.
    assert.match(items[0] ?? "", /^<span class="later">later: <\/span><a href="\/ops\/2009\/03\/an-unrelated-note\/">An Unrelated Note<\/a>/);
    assert.equal(text(part(items[0] ?? "", /<p class="backlink-context">/, "</p>")), "Not part of the series, but the hypervisor post is worth a read.");
    assert.match(items[1] ?? "", /^<span class="later">later: <\/span><a href="\/ops\/2009\/03\/xen-in-depth-scheduling\/">/);
    const context = part(items[1] ?? "", /<p class="backlink-context">/, "</p>");
    assert.equal(text(context), "As the first part showed, Xen boots before the kernel.");
    assert.match(context, /As <mark>the first part<\/mark> showed/);
    // An older post that links forward (it was edited later) is not "later".
    const three = part(read(PART[3]), /<section class="widget backlinks"/, "</section>");
    assert.match(three, /<li><a href="\/ops\/2008\/12\/a-post-edited-later\/">A Post Edited Later<\/a>/);
    assert.doesNotMatch(three, /class="later"/);
    assert.match(three, /Update: the series ended with <mark>its networking part<\/mark>, which covers bridges\./);
  });

  it("heads sister-blog posts as the page's blog says, else grammatically for any title", () => {
    const side = read("/side/2009/02/side-note/");
    assert.match(side, /<h2 id="sister-blog-heading">Fresh from the main blog<\/h2>/);
    assert.match(side, /<p class="copyright">© 2009 Ops Notes Ltd, all rights reserved<\/p>/);
    assert.match(read(PART[1]), /<p class="copyright">Copyright © 2009 Ops Notes Ltd<\/p>/);
    const ops = read(PART[1]);
    assert.match(ops, /<h2 id="sister-blog-heading">Recent posts from The Side Project<\/h2>/);
    assert.match(ops, /<h2 id="about-author">About Ann Jones<\/h2>/);
  });

  it("writes valid HTML on every page, series pages included", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData);
    const site = path.join(project.root, "_site");
    const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html"));
    const problems: string[] = [];
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      const report = await validator.validateFile(file);
      for (const r of report.results) for (const m of r.messages) problems.push(`${path.relative(site, file)}:${m.line}: ${m.message} (${m.ruleId})`);
    }
    assert.ok(files.some((e) => e.parentPath.endsWith(path.join("series", "xen-in-depth"))), "the series page is checked");
    assert.deepEqual(problems, []);
  });

  it("gives a podcast a feed only when an episode can be played, and says so on the page of one that cannot", () => {
    const feed = parseRssFeed(project.read("podcasts/ops-cast/feed.xml"));
    assert.deepEqual(feed.items?.map((item) => item.title), ["Pager Duty & <Other> Stories"]);
    assert.match(read("/podcasts/ops-cast/"), /<link rel="alternate" type="application\/rss\+xml" href="\/podcasts\/ops-cast\/feed\.xml"/);
    assert.equal(project.exists("podcasts/lost-cast/feed.xml"), false);
    const lost = read("/podcasts/lost-cast/");
    assert.doesNotMatch(lost, /application\/rss\+xml/, "no feed link in the head or the page");
    assert.match(text(lost), /The audio of this show’s episodes was not preserved, so it has no podcast feed/);
    assert.match(lost, /An Episode Nobody Kept/);
  });
});

describe("series and words that are wrong", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "_data/site.yaml": `${MINIMAL_DATA["_data/site.yaml"]}words:\n  recent_posts: "More by {autor}"\n  linkd_from: Cited by\n`,
    "_data/blogs.yaml": "series:\n  title: A Blog Called Series\n  author: ann\n",
    "posts/series/2009/one.md": post('title: One\ndate: "2009-01-01"\nseries: Tuning\npart: 1'),
    "posts/series/2009/other-one.md": post('title: Other One\ndate: "2009-01-02"\nseries: tuning\npart: 1'),
    "posts/series/2009/orphan.md": post('title: Orphan\ndate: "2009-01-03"\npart: 2'),
  });
  const result = project.build();

  it("fails, naming every problem's file, line and field at once", () => {
    assert.equal(result.status, 1, result.output);
    for (const line of [
      /_data\/site\.yaml:6: words\.recent_posts: unknown placeholder \{autor\}; this phrase can use \{author\}/,
      /_data\/site\.yaml:7: words\.linkd_from: unknown phrase/,
      /_data\/blogs\.yaml:1: series: "series" cannot be a blog id: \/series\/ is where the site keeps its series pages/,
    ]) {
      assert.match(result.output, line);
    }
    assert.equal(project.exists("index.html"), false, "nothing was written");
  });

  it("reports a part claimed twice and a part without a series", () => {
    const fixed = new Project({
      ...MINIMAL_DATA,
      "posts/main/2009/one.md": post('title: One\ndate: "2009-01-01"\nseries: Tuning\npart: 1'),
      "posts/main/2009/other-one.md": post('title: Other One\ndate: "2009-01-02"\nseries: tuning\npart: 1'),
      "posts/main/2009/orphan.md": post('title: Orphan\ndate: "2009-01-03"\npart: 2'),
    });
    const second = fixed.build();
    assert.equal(second.status, 1, second.output);
    assert.match(second.output, /posts\/main\/2009\/other-one\.md:5: part: part 1 of the series "tuning" is also posts\/main\/2009\/one\.md/);
    assert.match(second.output, /posts\/main\/2009\/orphan\.md:4: part: needs a `series`/);
  });
});
