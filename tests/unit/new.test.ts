/** `npm run new`: arguments, where the post goes, and front matter the loader reads back exactly. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { ArchiveData } from "../../src/content/model.ts";
import { parseYaml, splitFrontMatter } from "../../src/content/source.ts";
import { frontMatterText } from "../../src/import/frontmatter.ts";
import { ToolError } from "../../src/import/project.ts";
import { postSchema } from "../../src/schema/index.ts";
import { PLACEHOLDER, parseNewArgs, planNewPost, splitTags } from "../../src/tools/new.ts";

const DATA: ArchiveData = {
  site: { title: "T", url: "https://example.org", language: "en", timezone: "America/New_York", publisher: "P", sidebar: "as-of-post" },
  authors: { ann: { name: "Ann Author", links: [] }, bob: { name: "Bob Builder", links: [] } },
  blogs: {
    main: { title: "Main", author: "ann", sister_blogs: [], promos: [] },
    tokyo: { title: "Tokyo", author: "bob", timezone: "Asia/Tokyo", sister_blogs: [], promos: [] },
    shared: { title: "Shared", sister_blogs: [], promos: [] },
  },
  podcasts: {},
  books: {},
  reviews: [],
};

/** 2008-06-30 23:30 in New York: already July 1 in UTC and in Tokyo. */
const NOW = DateTime.fromISO("2008-07-01T03:30:00Z");

/** Front matter of `text` as the loader reads it, checked by the post schema. */
function readBack(text: string, zone = "America/New_York") {
  const split = splitFrontMatter(text);
  assert.notEqual(split.frontMatter, null);
  const yaml = parseYaml(split.frontMatter ?? "", "post.md");
  assert.deepEqual(yaml.problems, []);
  const result = postSchema(zone).safeParse(yaml.value);
  assert.ok(result.success, JSON.stringify(result.error?.issues));
  return { value: yaml.value as Record<string, unknown>, fm: result.data, body: split.body };
}

describe("parseNewArgs", () => {
  it("reads the blog, the title and the options", () => {
    assert.deepEqual(parseNewArgs(["main", "Hello  World", "--tags", "Xen, Red Hat", "--date", "2008-06-24", "--draft"]), {
      blog: "main",
      title: "Hello World",
      tags: ["Xen", "Red Hat"],
      date: "2008-06-24",
      author: undefined,
      slug: undefined,
      draft: true,
    });
    assert.equal(parseNewArgs(["main", "T", "--tags=a,b"]).tags.length, 2);
  });

  it("refuses missing or extra arguments and unknown options, with the usage line", () => {
    for (const argv of [[], ["main"], ["main", "Two", "Words"], ["main", "T", "--colour", "red"], ["main", "   "]]) {
      assert.throws(() => parseNewArgs(argv), (error: unknown) => error instanceof ToolError && /usage: npm run new/.test(error.message), argv.join(" "));
    }
  });

  it("splits tags on commas, one per slug, first spelling kept", () => {
    assert.deepEqual(splitTags("Red Hat, red-hat,  ,Xen,RED HAT"), ["Red Hat", "Xen"]);
    assert.deepEqual(splitTags(undefined), []);
  });
});

describe("planNewPost", () => {
  it("dates the post now in the blog's zone, to the minute, and files it by that date", () => {
    const plan = planNewPost(parseNewArgs(["main", "Late Night"]), DATA, NOW);
    assert.equal(plan.file, "posts/main/2008/late-night.md");
    assert.equal(plan.url, "/main/2008/06/late-night/");
    assert.match(plan.text, /^date: "2008-06-30T23:30"$/m);
    const tokyo = planNewPost(parseNewArgs(["tokyo", "Morning"]), DATA, NOW);
    assert.equal(tokyo.url, "/tokyo/2008/07/morning/");
    assert.match(tokyo.text, /^date: "2008-07-01T12:30"$/m);
  });

  it("takes --date in any form the loader reads, and refuses one it does not", () => {
    const plan = planNewPost(parseNewArgs(["main", "New Year", "--date", "2009-01-01"]), DATA, NOW);
    assert.equal(plan.file, "posts/main/2009/new-year.md");
    assert.equal(plan.url, "/main/2009/01/new-year/");
    const offset = planNewPost(parseNewArgs(["main", "Offset", "--date", "2008-12-31T23:00-10:00"]), DATA, NOW);
    assert.equal(offset.url, "/main/2008/12/offset/");
    for (const date of ["2008-13-45", "2008-02-30", "yesterday", "24/06/2008"]) {
      assert.throws(() => planNewPost(parseNewArgs(["main", "X", "--date", date]), DATA, NOW), /--date: .*(not a real calendar date|is not a date)/);
    }
  });

  it("writes front matter the loader reads back exactly, whatever the title", () => {
    const titles = ['Red Hat: the "real" story', "true", "2008", "#1 # of 2", "- dash", "it's \\ back", "Ünïcödé — dashes", "[brackets] & {braces}", "null"];
    for (const title of titles) {
      // After `--`, a title may start with a dash.
      const plan = planNewPost(parseNewArgs(["main", "--tags", "C#, Red Hat,true", "--", title]), DATA, NOW);
      const { fm, body } = readBack(plan.text);
      assert.equal(fm.title, title);
      assert.deepEqual(fm.tags, ["C#", "Red Hat", "true"]);
      assert.equal(fm.date.source, "2008-06-30T23:30");
      assert.equal(body.trim(), PLACEHOLDER.trim(), "a new post has text, so it is not shown as not preserved");
    }
  });

  it("names the author only when it is not the blog's default, and needs one where there is none", () => {
    assert.doesNotMatch(planNewPost(parseNewArgs(["main", "A"]), DATA, NOW).text, /^author:/m);
    assert.doesNotMatch(planNewPost(parseNewArgs(["main", "A", "--author", "ann"]), DATA, NOW).text, /^author:/m);
    assert.match(planNewPost(parseNewArgs(["main", "A", "--author", "bob"]), DATA, NOW).text, /^author: bob$/m);
    assert.throws(() => planNewPost(parseNewArgs(["shared", "A"]), DATA, NOW), /names no default author: pass --author <id> \(known authors: ann, bob\)/);
    assert.match(planNewPost(parseNewArgs(["shared", "A", "--author", "bob"]), DATA, NOW).text, /^author: bob$/m);
    assert.throws(() => planNewPost(parseNewArgs(["main", "A", "--author", "zed"]), DATA, NOW), /unknown author "zed"; known authors: ann, bob/);
  });

  it("refuses an unknown blog, listing the known ones", () => {
    assert.throws(() => planNewPost(parseNewArgs(["nope", "A"]), DATA, NOW), (error: unknown) =>
      error instanceof ToolError && error.message === 'unknown blog "nope"; known blogs: main, tokyo, shared');
  });

  it("slugs the title with the project's slug function, or takes --slug", () => {
    assert.equal(planNewPost(parseNewArgs(["main", "Parallels - Two Divergent Paths for Macs & Windows"]), DATA, NOW).slug, "parallels-two-divergent-paths-for-macs-and-windows");
    assert.equal(planNewPost(parseNewArgs(["main", "Anything", "--slug", "Short Name"]), DATA, NOW).file, "posts/main/2008/short-name.md");
    assert.throws(() => planNewPost(parseNewArgs(["main", "???"]), DATA, NOW), /gives an empty slug: pass --slug/);
  });

  it("marks a draft", () => {
    const { fm } = readBack(planNewPost(parseNewArgs(["main", "Later", "--draft"]), DATA, NOW).text);
    assert.equal(fm.draft, true);
  });
});

describe("frontMatterText", () => {
  it("writes keys in the README's order, dates and titles quoted", () => {
    assert.equal(
      frontMatterText({ title: "Xen", date: "2008-06-24T10:00:00-04:00", author: "ann", tags: ["Xen", "Red Hat"], summary: "A: b", aliases: ["/2008/06/24/xen/"], draft: true }),
      '---\ntitle: "Xen"\ndate: "2008-06-24T10:00:00-04:00"\nauthor: ann\ntags: [Xen, Red Hat]\nsummary: "A: b"\naliases:\n  - /2008/06/24/xen/\ndraft: true\n---\n',
    );
  });

  it("keeps titles, tags and summaries on one line", () => {
    const { fm } = readBack(frontMatterText({ title: "Two\nlines", date: "2008-06", summary: "a\n\nb", tags: ["x\ny"] }));
    assert.equal(fm.title, "Two lines");
    assert.equal(fm.summary, "a b");
    assert.deepEqual(fm.tags, ["x y"]);
  });
});
