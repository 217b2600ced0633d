/** The benchmark corpus: deterministic, valid per the content model, links that resolve. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { generateCorpus, writeCorpus } from "../../src/bench/corpus.ts";
import { parsePhases } from "../../src/bench/measure.ts";
import { Random, Zipf } from "../../src/bench/random.ts";
import { contentPhase } from "../../src/bench/report.ts";
import { markdownTarget } from "../../src/content/links.ts";
import { parseYaml, splitFrontMatter } from "../../src/content/source.ts";
import { POST_KEYS, dataSchemas, postSchema } from "../../src/schema/index.ts";
import { readComments } from "../../src/comments/load.ts";
import type { Post } from "../../src/content/model.ts";
import { parseArchiveDate } from "../../src/dates.ts";
import type { Problem } from "../../src/types.ts";
import { slugify } from "../../src/slug.ts";

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "backlist-corpus-test-"));
  made.push(dir);
  return dir;
}

/** Every file under `dir`: relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(dir, file))]));
}

describe("random", () => {
  it("repeats its sequence for a seed", () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    assert.deepEqual(xs, Array.from({ length: 100 }, () => b.next()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  it("draws Zipf ranks with a long tail", () => {
    const random = new Random(7);
    const zipf = new Zipf(300);
    const counts = new Array<number>(300).fill(0);
    for (let i = 0; i < 30_000; i++) counts[zipf.draw(random)]! += 1;
    assert.ok(counts[0]! > 10 * counts[150]!, `rank 0: ${counts[0]}, rank 150: ${counts[150]}`);
    assert.ok(counts.filter((c) => c > 0).length > 250, "the tail is drawn too");
  });
});

describe("the benchmark corpus", () => {
  it("is byte-identical for the same N", () => {
    const [a, b] = [tempDir(), tempDir()];
    writeCorpus(a, generateCorpus(40));
    writeCorpus(b, generateCorpus(40));
    const [ta, tb] = [tree(a), tree(b)];
    assert.deepEqual([...ta.keys()], [...tb.keys()]);
    for (const [file, bytes] of ta) assert.ok(bytes.equals(tb.get(file)!), `${file} differs`);
    assert.equal([...ta.keys()].filter((f) => f.startsWith("posts/") && f.endsWith(".md")).length, 40);
    assert.notDeepEqual([...generateCorpus(41).files.keys()].slice(0, 5), [...ta.keys()].slice(0, 5));
  });

  const corpus = generateCorpus(400);
  const text = (file: string) => corpus.files.get(file) ?? assert.fail(`${file} missing`);
  const yaml = (file: string) => parseYaml(text(file), file).value;

  it("has valid data files: site in America/New_York, 3 blogs, 8 authors, ~200 episodes", () => {
    const site = dataSchemas("UTC").site.parse(yaml("_data/site.yaml"));
    assert.equal(site.timezone, "America/New_York");
    const schemas = dataSchemas(site.timezone);
    const authors = schemas.authors.parse(yaml("_data/authors.yaml"));
    const blogs = schemas.blogs.parse(yaml("_data/blogs.yaml"));
    const podcasts = schemas.podcasts.parse(yaml("_data/podcasts.yaml"));
    const books = schemas.books.parse(yaml("_data/books.yaml"));
    const reviews = schemas.reviews.parse(yaml("_data/reviews.yaml"));
    assert.equal(Object.keys(authors).length, 8);
    assert.equal(Object.keys(blogs).length, 3);
    for (const blog of Object.values(blogs)) {
      assert.ok(blog.author && blog.author in authors);
      assert.ok(blog.sister_blogs.length > 0 && blog.sister_blogs.every((id) => id in blogs));
    }
    const episodes = Object.values(podcasts).reduce((n, show) => n + show.episodes.length, 0);
    assert.ok(episodes >= 180 && episodes <= 220, `${episodes} episodes`);
    for (const show of Object.values(podcasts)) assert.ok(show.host in authors && (!show.blog || show.blog in blogs));
    assert.ok(Object.values(books).every((book) => book.recommended_by.length > 0 && book.recommended_by.every((id) => id in authors)));
    for (const review of reviews) {
      assert.ok(!review.author || review.author in authors);
      if (review.post) assert.ok(corpus.files.has(review.post), `review of ${review.post}`);
    }
  });

  it("has posts whose front matter validates, at posts/<blog>/<year>/<slug>.md", () => {
    const site = dataSchemas("UTC").site.parse(yaml("_data/site.yaml"));
    const schemas = dataSchemas(site.timezone);
    const authors = schemas.authors.parse(yaml("_data/authors.yaml"));
    const blogs = schemas.blogs.parse(yaml("_data/blogs.yaml"));
    const forms = new Set<string>();
    const urls = new Set<string>();
    for (const post of corpus.posts) {
      const [, blogId, year, name] = post.path.split("/");
      const blog = blogs[blogId!];
      assert.ok(blog, post.path);
      assert.equal(slugify(name!.replace(/\.md$/, "")), name!.replace(/\.md$/, ""), `${post.path}: file name is a slug`);
      const split = splitFrontMatter(text(post.path));
      assert.ok(split.frontMatter !== null, post.path);
      const parsed = parseYaml(split.frontMatter, post.path);
      assert.deepEqual(parsed.problems, [], post.path);
      const value = parsed.value as Record<string, unknown>;
      for (const key of Object.keys(value)) assert.ok((POST_KEYS as readonly string[]).includes(key), `${post.path}: ${key}`);
      const result = postSchema(blog.timezone ?? site.timezone).safeParse(value);
      assert.ok(result.success, `${post.path}: ${result.error?.message}`);
      const fm = result.data;
      assert.ok(String(fm.author ?? blog.author) in authors, post.path);
      assert.equal(String(fm.date.year), year, `${post.path}: year folder`);
      forms.add(fm.date.precision);
      const url = `/${blogId}/${fm.date.year}/${String(fm.date.month).padStart(2, "0")}/${post.slug}/`;
      assert.ok(!urls.has(url), `duplicate URL ${url}`);
      urls.add(url);
      if (post.preserved) {
        const words = split.body.replace(/```[\s\S]*?```/g, "").split(/\s+/).filter(Boolean).length;
        assert.ok(words >= 400 && words <= 2000, `${post.path}: ${words} words`);
      } else {
        assert.equal(split.body.trim(), "", post.path);
      }
    }
    assert.deepEqual([...forms].sort(), ["day", "minute", "month"]);
    const years = new Set(corpus.posts.map((post) => post.year));
    assert.ok(years.size >= 14, `${years.size} years`);
  });

  it("links only to posts that exist and are built", () => {
    const built = new Set(corpus.posts.filter((post) => !post.draft).map((post) => post.path));
    let links = 0;
    let pins = 0;
    for (const post of corpus.posts) {
      const { frontMatter, body } = splitFrontMatter(text(post.path));
      for (const m of body.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = markdownTarget(m[1]!, post.path);
        if (target === undefined) continue;
        links++;
        assert.ok(built.has(target), `${post.path} → ${m[1]} (${target})`);
      }
      const related = (parseYaml(frontMatter ?? "", post.path).value as { related?: string[] }).related ?? [];
      for (const entry of related) {
        pins++;
        const target = markdownTarget(entry, post.path);
        assert.ok(target && built.has(target), `${post.path}: related ${entry}`);
      }
      assert.equal(related.length, post.related.length);
    }
    assert.ok(links > corpus.posts.length, `${links} cross-links`);
    assert.ok(pins > 20, `${pins} related pins`);
  });

  it("gives about a quarter of the built posts valid comments files, and its replies cite comments that exist", () => {
    const blogs = dataSchemas("UTC").blogs.parse(yaml("_data/blogs.yaml"));
    const ids = new Map<string, Set<string>>();
    let threads = 0;
    let pingbacks = 0;
    for (const post of corpus.posts) {
      const file = post.path.replace(/\.md$/, ".comments.yaml");
      assert.equal(corpus.files.has(file), post.comments > 0, file);
      if (post.comments === 0) continue;
      assert.ok(!post.draft, `${post.path}: a draft with comments`);
      const zone = blogs[post.blog]?.timezone ?? "America/New_York";
      const date = parseArchiveDate(post.date, zone);
      assert.ok(date.ok);
      const problems: Problem[] = [];
      const comments = readComments(file, text(file), { source: post.path, date: date.date } as Post, zone, problems);
      assert.deepEqual(problems, [], file);
      assert.equal(comments?.all.length, post.comments);
      ids.set(post.path, new Set(comments?.all.map((c) => c.id)));
      if (comments?.all.some((c) => c.parent)) threads++;
      pingbacks += comments?.all.filter((c) => c.type === "pingback").length ?? 0;
    }
    const built = corpus.posts.filter((post) => !post.draft).length;
    assert.ok(ids.size > built * 0.15 && ids.size < built * 0.35, `${ids.size} of ${built} posts have comments`);
    assert.ok(threads > 10 && pingbacks > 5, `${threads} threads, ${pingbacks} pingbacks`);
    let cited = 0;
    for (const post of corpus.posts) {
      for (const m of splitFrontMatter(text(post.path)).body.matchAll(/^::: reply.*?(\S*)#comment-(\d+)$/gm)) {
        cited++;
        const target = m[1] ? markdownTarget(m[1], post.path) : post.path;
        assert.ok(target && ids.get(target)?.has(m[2]!), `${post.path}: ${m[0]}`);
      }
    }
    assert.ok(cited > 10, `${cited} citations`);
  });

  it("has one post with 2,000 comments from 500 posts on", () => {
    assert.deepEqual(generateCorpus(500).posts.filter((post) => post.comments === 2000).length, 1);
    assert.ok(corpus.posts.every((post) => post.comments < 2000));
  });

  it("uses the block kinds a real archive has", () => {
    const bodies = corpus.posts.map((post) => splitFrontMatter(text(post.path)).body).join("\n");
    for (const [what, pattern] of [
      ["headings", /^## /m],
      ["named replies", /^::: reply \S/m],
      ["unnamed replies", /^::: reply$/m],
      ["typescript", /^```typescript$/m],
      ["bash", /^```bash$/m],
      ["yaml", /^```yaml$/m],
      ["sql", /^```sql$/m],
      ["lists", /^- /m],
      ["ordered lists", /^1\. /m],
      ["footnotes", /^\[\^1\]: /m],
      ["tables", /^\|---/m],
    ] as const) {
      assert.match(bodies, pattern, what);
    }
    const all = [...corpus.files.values()].join("\n");
    assert.match(all, /^aliases:/m);
    assert.match(all, /^draft: true/m);
    assert.match(all, /^order: \d/m);
  });

  it("has ~300 tags with a long tail", () => {
    assert.equal(corpus.tagNames.length, 300);
    assert.equal(new Set(corpus.tagNames.map(slugify)).size, 300);
    const counts = new Map<string, number>();
    for (const post of corpus.posts) {
      const split = splitFrontMatter(text(post.path));
      const tags = (parseYaml(split.frontMatter ?? "", post.path).value as { tags?: string | string[] }).tags ?? [];
      for (const tag of Array.isArray(tags) ? tags : [tags]) counts.set(slugify(tag), (counts.get(slugify(tag)) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    assert.ok(sorted.length > 150, `${sorted.length} distinct tags`);
    assert.ok(sorted[0]! > 5 * sorted[Math.floor(sorted.length / 2)]!, "a few tags are far more common than the median");
  });
});

describe("phase lines of the build's output", () => {
  const output = [
    "[backlist] phase content 1234.5ms",
    "[backlist] phase search index 80ms",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark      9ms   3%    38× (Aggregate) Render",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark      2ms   1%    38× (Aggregate) Template Write",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark      3ms   1%    11× (Aggregate) > Render Content > ./pages/post.11ty.tsx (11 pages)",
    "[backlist] phase search index 20ms",
    "[11ty] Copied 1 Wrote 38 files in 0.33 seconds (v3.1.8)",
  ].join("\n");

  it("picks up [backlist] phase lines, Eleventy's aggregates and its total", () => {
    const { phases, eleventyMs } = parsePhases(output);
    assert.deepEqual(phases, [
      { name: "content", ms: 1234.5, source: "backlist" },
      { name: "search index", ms: 100, source: "backlist" },
      { name: "eleventy: render", ms: 9, source: "eleventy" },
      { name: "eleventy: write", ms: 2, source: "eleventy" },
    ]);
    assert.equal(eleventyMs, 330);
  });

  it("finds the content load among the build's phases", () => {
    assert.deepEqual(contentPhase(parsePhases(output).phases), { ms: 1234.5, names: ["content"] });
    const split = parsePhases("[backlist] phase load-data 5ms\n[backlist] phase content-render 7ms\n[backlist] phase feeds 1ms");
    assert.deepEqual(contentPhase(split.phases), { ms: 12, names: ["load-data", "content-render"] });
    assert.equal(contentPhase(parsePhases("nothing here").phases), undefined);
  });
});
