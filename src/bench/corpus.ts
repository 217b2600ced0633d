/**
 * A synthetic Backlist project for benchmarks: `generateCorpus(n)` returns
 * every file of an archive of `n` posts (posts and `_data/`), and
 * `writeCorpus` writes them into a folder. Generation is pure and seeded
 * by `n` alone, so the same `n` always gives a byte-identical tree.
 *
 * The archive looks like a real tech blog network's back catalogue:
 * 3 blogs, 8 authors, ~300 tags with a long tail, posts of 400–1500 words
 * with headings, `::: reply` blocks, fenced code, lists, tables, footnotes
 * and links to other posts by their `.md` path, dates over 15 years in
 * every accepted form, aliases, pinned related posts, drafts, posts whose
 * text was not preserved; podcasts with ~200 episodes, books and reviews;
 * comments on about a quarter of the posts (`<slug>.comments.yaml`: threads,
 * pingbacks, unverified and anonymous authors), replies in posts citing
 * them, and from 500 posts on one post with 2,000 comments.
 * Everything is valid per the README, so a failing build is a finding.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../slug.ts";
import { makePng } from "../media/png.ts";
import { Random, Zipf, hashSeed } from "./random.ts";
import {
  AUTHORS,
  BOOK_FIRST,
  BOOK_SECOND,
  COMMENTERS,
  FAMILY,
  GIVEN,
  IDENTS,
  PRODUCTS,
  TECH,
  TITLE_FORMS,
  TOPICS,
  WORDS,
} from "./vocabulary.ts";

/** One generated post, as the generator planned it. */
export interface CorpusPost {
  /** Path from the project root: `posts/<blog>/<year>/<slug>.md`. */
  path: string;
  blog: string;
  year: number;
  slug: string;
  title: string;
  /** The date as written in the front matter. */
  date: string;
  draft: boolean;
  /** False for archive entries whose text was not preserved (empty body). */
  preserved: boolean;
  /** Root-relative paths of the posts its body links to. */
  links: string[];
  /** Root-relative paths of its `related` pins. */
  related: string[];
  /** Entries in its comments file (0: no file). */
  comments: number;
}

export interface Corpus {
  /** Number of posts asked for. */
  size: number;
  /** Project-relative path → file text, in a fixed order. */
  files: Map<string, string>;
  posts: CorpusPost[];
  /** Distinct tag names the generator could use. */
  tagNames: readonly string[];
  /** Images kept beside their posts (`posts/<blog>/<year>/<slug>/figure-1.png`), generated PNGs; one post in ten has some. */
  media: Map<string, Buffer>;
}

/** Blogs of the archive: id, title, default author, share of the posts, own time zone. */
const BLOGS = [
  { id: "platform-notes", title: "Platform Notes", author: "mitchell", share: 0.5, timezone: undefined },
  { id: "the-data-desk", title: "The Data Desk", author: "ann", share: 0.3, timezone: "Europe/London" },
  { id: "ops-weekly", title: "Ops Weekly", author: "dev", share: 0.2, timezone: undefined },
] as const;

/** Who else writes on each blog besides its default author. */
const CONTRIBUTORS: Record<string, readonly string[]> = {
  "platform-notes": ["bjorn", "carla", "grace"],
  "the-data-desk": ["erin", "farid", "grace"],
  "ops-weekly": ["bjorn", "erin", "mitchell"],
};

const TAG_COUNT = 300;
const FIRST_YEAR = 2006;
const YEARS = 15;
const DAY_MS = 86_400_000;
const START = Date.UTC(FIRST_YEAR, 0, 1);
const DAYS = (Date.UTC(FIRST_YEAR + YEARS, 0, 1) - START) / DAY_MS;
const CODE_LANGUAGES = ["typescript", "bash", "yaml", "sql", "python", "json", "go", "ts", "sh", "diff", "text", ""] as const;

const q = (text: string): string => JSON.stringify(text);
const pad = (value: number): string => String(value).padStart(2, "0");

/** The ~300 tag names, most common first; the same for every corpus. */
export function tagVocabulary(): string[] {
  const random = new Random(hashSeed("backlist-bench:tags"));
  const names: string[] = [];
  const slugs = new Set<string>();
  const add = (name: string) => {
    const slug = slugify(name);
    if (!slug || slugs.has(slug)) return;
    slugs.add(slug);
    names.push(name);
  };
  for (const name of random.sample([...TECH, ...TOPICS], TECH.length + TOPICS.length)) add(name);
  while (names.length < TAG_COUNT) add(`${random.pick(TECH)} ${random.pick(TOPICS)}`);
  return names;
}

interface Planned extends CorpusPost {
  day: number;
  author: string | undefined;
}

/** Every file of an archive of `n` posts. Pure: same `n`, same files. */
export function generateCorpus(n: number): Corpus {
  if (!Number.isInteger(n) || n < 1) throw new Error(`the number of posts must be a whole number ≥ 1, not ${n}`);
  const tagNames = tagVocabulary();
  const planned = planPosts(n);
  const targets = planned.filter((post) => !post.draft);
  const files = new Map<string, string>();

  const bodies = new Random(hashSeed(`backlist-bench:bodies:${n}`));
  const tagZipf = new Zipf(tagNames.length);
  // Comments come from a random sequence of their own, so the posts are the same with or without them.
  const talk = new Random(hashSeed(`backlist-bench:comments:${n}`));
  planComments(targets, talk, n >= 500);
  const commented = targets.filter((post) => post.comments > 0);
  for (const post of planned) {
    files.set(post.path, writePost(post, targets, tagNames, tagZipf, bodies, { random: talk, commented }));
    if (post.comments > 0) files.set(post.path.replace(/\.md$/, ".comments.yaml"), writeComments(post, talk));
  }

  const data = new Random(hashSeed("backlist-bench:data"));
  files.set("_data/site.yaml", siteYaml());
  files.set("_data/authors.yaml", authorsYaml());
  files.set("_data/blogs.yaml", blogsYaml());
  files.set("_data/podcasts.yaml", podcastsYaml(data));
  files.set("_data/books.yaml", booksYaml(data));
  files.set("_data/reviews.yaml", reviewsYaml(new Random(hashSeed(`backlist-bench:reviews:${n}`)), targets));

  const media = addFigures(planned, files);
  const posts = planned.map(({ day: _day, author: _author, ...post }) => post);
  return { size: n, files, posts, tagNames, media };
}

/** Write `corpus` under `dir` (which may exist); returns the number of files. */
export function writeCorpus(dir: string, corpus: Corpus): number {
  const made = new Set<string>();
  for (const [name, text] of corpus.files) {
    const file = path.join(dir, name);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, text);
  }
  for (const [name, bytes] of corpus.media) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return corpus.files.size + corpus.media.size;
}

/**
 * Figures for one preserved post in ten: one or two generated PNGs (a
 * photograph-like one, a flat diagram) in the post's folder, referenced
 * from the end of its body, so the benchmark shows what images cost and
 * that posts without them pay nothing.
 */
function addFigures(planned: readonly Planned[], files: Map<string, string>): Map<string, Buffer> {
  const media = new Map<string, Buffer>();
  planned.forEach((post, i) => {
    if (i % 10 !== 3 || !post.preserved) return;
    const text = files.get(post.path);
    if (text === undefined) return;
    const folder = post.path.replace(/\.md$/, "");
    const count = i % 20 === 3 ? 2 : 1;
    const refs: string[] = [];
    for (let k = 1; k <= count; k++) {
      const name = `figure-${k}.png`;
      media.set(`${folder}/${name}`, makePng({ width: k === 1 ? 960 : 640, height: k === 1 ? 540 : 400, seed: i * 2 + k, grain: k === 1 }));
      refs.push(`![Figure ${k} of “${post.title.replace(/[\[\]]/g, "")}”](${path.posix.basename(folder)}/${name})`);
    }
    files.set(post.path, `${text.trimEnd()}\n\n${refs.join("\n\n")}\n`);
  });
  return media;
}

/** Blog, date, title and slug of every post, before any body is written. */
function planPosts(n: number): Planned[] {
  const random = new Random(hashSeed(`backlist-bench:posts:${n}`));
  const slugs = new Set<string>();
  const posts: Planned[] = [];
  for (let i = 0; i < n; i++) {
    const u = random.next();
    const blog = u < BLOGS[0].share ? BLOGS[0] : u < BLOGS[0].share + BLOGS[1].share ? BLOGS[1] : BLOGS[2];
    const day = random.int(0, DAYS - 1);
    const when = new Date(START + day * DAY_MS);
    const year = when.getUTCFullYear();
    const ymd = `${year}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
    const form = random.next();
    // Hours 07–23 only: no local time falls in a daylight-saving gap (01:00–03:00).
    const date = form < 0.04 ? ymd.slice(0, 7) : form < 0.6 ? ymd : `${ymd}T${pad(random.int(7, 23))}:${pad(random.int(0, 59))}`;

    const title = makeTitle(random);
    const base = slugify(title) || "untitled";
    let slug = base;
    for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
    slugs.add(slug);

    const contributors = CONTRIBUTORS[blog.id] ?? [];
    posts.push({
      path: `posts/${blog.id}/${year}/${slug}.md`,
      blog: blog.id,
      year,
      slug,
      title,
      date,
      day,
      author: random.chance(0.3) ? random.pick(contributors) : random.chance(0.1) ? blog.author : undefined,
      draft: i > 0 && random.chance(0.01),
      preserved: !random.chance(0.015),
      links: [],
      related: [],
      comments: 0,
    });
  }
  return posts;
}

function makeTitle(random: Random): string {
  const tech = random.pick(TECH);
  let other = random.pick(TECH);
  if (other === tech) other = TECH[(TECH.indexOf(tech) + 1) % TECH.length] ?? other;
  return random
    .pick(TITLE_FORMS)
    .replace("{T}", tech)
    .replace("{U}", other)
    .replace("{P}", random.pick(TOPICS))
    .replace("{k}", String(random.int(2, 9)));
}

/** Relative path from `post` to `target`, as an author writes it in a link. */
function relativeLink(from: CorpusPost, target: CorpusPost): string {
  return path.posix.relative(path.posix.dirname(from.path), target.path);
}

/** Comments to cite from replies: the sequence that decides, and the posts that have comments. */
interface Talk {
  random: Random;
  commented: readonly CorpusPost[];
}

/**
 * How many comments each built post gets: about a quarter have some, most
 * a handful, one in ten a long thread; from 500 posts on, the first gets 2,000.
 */
function planComments(targets: readonly Planned[], random: Random, busy: boolean): void {
  for (const post of targets) {
    if (random.chance(0.25)) post.comments = random.chance(0.1) ? random.int(20, 150) : random.int(1, 12);
  }
  const first = targets[0];
  if (first && busy) first.comments = 2000;
}

function writePost(post: Planned, targets: readonly Planned[], tagNames: readonly string[], tagZipf: Zipf, random: Random, talk: Talk): string {
  const others = () => {
    for (;;) {
      const target = random.pick(targets);
      if (target !== post || targets.length === 1) return target;
    }
  };
  const fm: string[] = [`title: ${q(post.title)}`, `date: ${q(post.date)}`];
  if (post.author) fm.push(`author: ${post.author}`);

  // Tags: most posts 1–5, drawn from a Zipf tail; now and then spelled differently (same slug).
  const tagCount = random.chance(0.05) ? 0 : random.int(1, 5);
  const tags = new Set<string>();
  for (let tries = 0; tags.size < tagCount && tries < 20; tries++) tags.add(tagNames[tagZipf.draw(random)] ?? "Misc");
  const written = [...tags].map((name) => (random.chance(0.03) ? (random.chance(0.5) ? name.toLowerCase() : slugify(name)) : name));
  if (written.length === 1 && random.chance(0.3)) fm.push(`tags: ${q(written[0] ?? "")}`);
  else if (written.length > 0 && random.chance(0.2)) fm.push("tags:", ...written.map((tag) => `  - ${q(tag)}`));
  else fm.push(`tags: [${written.map(q).join(", ")}]`);

  if (random.chance(0.2)) fm.push(`summary: ${q(sentence(random, 12, 24))}`);
  if (random.chance(0.08)) {
    const when = new Date(START + (post.day + random.int(31, 500)) * DAY_MS);
    fm.push(`updated: ${q(`${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`)}`);
  }
  if (random.chance(0.1)) {
    const [yyyy, mm] = [post.date.slice(0, 4), post.date.slice(5, 7)];
    const aliases = [`/archives/${yyyy}/${mm}/${post.slug}.html`];
    if (random.chance(0.4)) aliases.push(`https://old.example.com/${post.blog}/${post.slug}`);
    fm.push("aliases:", ...aliases.map((alias) => `  - ${q(alias)}`));
  }
  if (random.chance(0.12) && targets.length > 1) {
    const pins = [...new Set(Array.from({ length: random.int(1, 3) }, others))];
    post.related = pins.map((pin) => pin.path);
    fm.push("related:", ...pins.map((pin) => `  - ${q(relativeLink(post, pin))}`));
  }
  if (random.chance(0.05)) {
    fm.push("see_also:", `  - title: ${q(makeTitle(random))}`);
    if (random.chance(0.7)) fm.push(`    url: ${q(`https://example.com/articles/${random.int(1000, 99999)}`)}`);
  }
  if (post.draft) fm.push("draft: true");
  if (post.date.length === 7 && random.chance(0.6)) fm.push(`order: ${random.int(1, 9)}`);

  const body = post.preserved ? writeBody(post, random, others, talk) : "";
  return `---\n${fm.join("\n")}\n---\n${body}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Plain words, no markup: summaries, list items, headings. */
function sentence(random: Random, min: number, max: number): string {
  const words = Array.from({ length: random.int(min, max) }, () => random.pick(WORDS));
  return `${capitalize(words.join(" "))}.`;
}

function ident(random: Random): string {
  const a = random.pick(IDENTS);
  const b = random.pick(IDENTS);
  return a === b ? a : `${a}${capitalize(b)}`;
}

interface BodyState {
  words: number;
  /** Links and footnote references still to be placed in the text. */
  pendingLinks: string[];
  pendingNotes: number[];
}

/** A sentence of prose with inline markup; may place a pending link or footnote. */
function prose(random: Random, state: BodyState): string {
  const words = Array.from({ length: random.int(8, 22) }, () => random.pick(WORDS));
  state.words += words.length;
  const at = () => random.int(1, words.length - 1);
  const r = random.next();
  if (r < 0.06) words[at()] = `*${random.pick(WORDS)}*`;
  else if (r < 0.1) words[at()] = `**${random.pick(TECH)}**`;
  else if (r < 0.16) words[at()] = `\`${ident(random)}()\``;
  else if (r < 0.2) words[at()] = `"${random.pick(WORDS)} ${random.pick(WORDS)}"`;
  else if (r < 0.23) words[at()] = `-- ${random.pick(WORDS)} --`;
  else if (r < 0.26) words[at()] = `[${random.pick(TECH)}](https://example.com/${slugify(random.pick(TECH)) || "x"})`;
  else if (r < 0.27) words[at()] = "https://example.org/notes";
  if (state.pendingLinks.length > 0 && random.chance(0.25)) words[at()] = state.pendingLinks.shift() ?? "";
  let text = capitalize(words.join(" "));
  if (state.pendingNotes.length > 0 && random.chance(0.2)) text += `[^${state.pendingNotes.shift()}]`;
  return text + (random.chance(0.08) ? "?" : ".");
}

function paragraph(random: Random, state: BodyState): string {
  return Array.from({ length: random.int(2, 6) }, () => prose(random, state)).join(" ");
}

function codeBlock(random: Random): string {
  const lang = random.pick(CODE_LANGUAGES);
  const a = ident(random);
  const b = ident(random);
  const k = random.int(2, 500);
  let code: string;
  switch (lang) {
    case "typescript":
    case "ts":
      code = `interface ${capitalize(a)} {\n  id: string;\n  ${b}: number;\n}\n\nexport async function load${capitalize(a)}(id: string): Promise<${capitalize(a)}> {\n  const res = await fetch(\`/api/${a}/\${id}\`);\n  if (!res.ok) throw new Error(\`${a} \${id}: \${res.status}\`);\n  return { id, ${b}: ${k} };\n}`;
      break;
    case "bash":
    case "sh":
      code = random.chance(0.3)
        ? "sudo apt-get update && sudo apt-get install -y nginx"
        : `#!/usr/bin/env bash\nset -euo pipefail\nfor ${a} in $(ls /var/lib/${b}); do\n  echo "rotating \${${a}}"\n  gzip -9 "/var/lib/${b}/\${${a}}" || true\ndone\nsystemctl restart ${b}.service  # after ${k} files`;
      break;
    case "yaml":
      code = `${a}:\n  enabled: true\n  ${b}: ${k}\n  hosts:\n    - db-${k}.internal\n    - db-${k + 1}.internal\n  timeout: ${random.int(1, 90)}s`;
      break;
    case "sql":
      code = `SELECT ${a}.id, count(*) AS ${b}_count\nFROM ${a}\nJOIN ${b} ON ${b}.${a}_id = ${a}.id\nWHERE ${a}.created_at > now() - interval '${k} days'\nGROUP BY ${a}.id\nORDER BY ${b}_count DESC\nLIMIT ${random.int(5, 50)};`;
      break;
    case "python":
      code = `def ${a}_${b}(items, limit=${k}):\n    """Return the first items over the limit."""\n    out = []\n    for item in items:\n        if item.${b} > limit:\n            out.append(item)\n    return out`;
      break;
    case "json":
      code = `{\n  "${a}": {\n    "${b}": ${k},\n    "enabled": ${random.chance(0.5)},\n    "tags": ["${random.pick(IDENTS)}", "${random.pick(IDENTS)}"]\n  }\n}`;
      break;
    case "go":
      code = `func ${a}(ctx context.Context, n int) (int, error) {\n\tif n > ${k} {\n\t\treturn 0, fmt.Errorf("${b}: %d too large", n)\n\t}\n\treturn n * 2, nil\n}`;
      break;
    case "diff":
      code = `--- a/${a}.conf\n+++ b/${a}.conf\n@@ -1,3 +1,3 @@\n ${b} = on\n-limit = ${k}\n+limit = ${k * 2}\n log = warn`;
      break;
    default:
      code = `$ ${a} --${b} ${k}\n${a}: ${k} ${random.pick(WORDS)} ${random.pick(WORDS)} in ${random.int(1, 900)}ms`;
  }
  return `\`\`\`${lang}\n${code}\n\`\`\``;
}

function writeBody(post: CorpusPost, random: Random, other: () => CorpusPost, talk: Talk): string {
  const target = random.int(400, 1500);
  const linkCount = random.chance(0.35) ? 0 : random.int(1, 4);
  const linked = Array.from({ length: linkCount }, other);
  post.links = linked.map((to) => to.path);
  const pendingLinks = linked.map((to) => {
    const href = random.chance(0.15) ? `/${to.path}` : relativeLink(post, to);
    return `[${random.chance(0.5) ? to.title : "see"}](${href}${random.chance(0.1) ? "#comments" : ""})`;
  });
  const notes = random.chance(0.25) ? random.int(1, 3) : 0;
  const state: BodyState = { words: 0, pendingLinks, pendingNotes: Array.from({ length: notes }, (_, i) => i + 1) };

  const blocks: string[] = [paragraph(random, state)];
  while (state.words < target) {
    const r = random.next();
    if (r < 0.12) {
      const words = random.int(2, 6);
      state.words += words;
      const heading = capitalize(Array.from({ length: words }, () => random.pick(WORDS)).join(" "));
      blocks.push(`${random.chance(0.8) ? "##" : "###"} ${heading}`);
      blocks.push(paragraph(random, state));
    } else if (r < 0.2) {
      const name = random.chance(0.1) ? "" : ` ${random.pick(COMMENTERS)}`;
      const quoted = Array.from({ length: random.int(1, 2) }, () => paragraph(random, state)).join("\n\n");
      // Now and then the quotation cites a comment: on this post, or on another.
      let cites = "";
      if (talk.commented.length > 0 && talk.random.chance(0.3)) {
        const on = post.comments > 0 && talk.random.chance(0.3) ? post : talk.random.pick(talk.commented);
        cites = ` ${on === post ? "" : relativeLink(post, on)}#comment-${talk.random.int(1, on.comments)}`;
      }
      blocks.push(`::: reply${name}${cites}\n${quoted}\n:::`);
      blocks.push(paragraph(random, state));
    } else if (r < 0.28) {
      blocks.push(codeBlock(random));
    } else if (r < 0.35) {
      const ordered = random.chance(0.3);
      const items = Array.from({ length: random.int(3, 6) }, (_, i) => {
        let text: string;
        if (random.chance(0.5)) text = prose(random, state);
        else {
          text = sentence(random, 3, 10);
          state.words += text.split(" ").length;
        }
        return `${ordered ? `${i + 1}.` : "-"} ${text}`;
      });
      blocks.push(items.join("\n"));
    } else if (r < 0.37) {
      const rows = Array.from({ length: random.int(2, 5) }, () => `| ${random.pick(TECH)} | ${random.int(1, 999)} | ${random.pick(WORDS)} |`);
      blocks.push(["| System | Requests/s | Notes |", "|---|---:|---|", ...rows].join("\n"));
    } else if (r < 0.38) {
      blocks.push(`<div class="note">\n<p>${sentence(random, 8, 16)}</p>\n</div>`);
    } else {
      blocks.push(paragraph(random, state));
    }
  }
  const rest = [...state.pendingLinks.splice(0), ...state.pendingNotes.splice(0).map((i) => `[^${i}]`)];
  if (rest.length > 0) blocks.push(`Previously: ${rest.join(", ")}.`);
  for (let i = 1; i <= notes; i++) blocks.push(`[^${i}]: ${sentence(random, 6, 18)}`);
  return `${blocks.join("\n\n")}\n`;
}

/**
 * A comments file like an importer writes: oldest first, ids 1…n, a third
 * of the comments answering an earlier one, some pingbacks, some authors
 * unverified or anonymous. Dates run forward from the day after the post,
 * in local time between 05:00 and 23:59 (no daylight-saving gaps).
 */
function writeComments(post: Planned, random: Random): string {
  const out: string[] = [];
  let minutes = (post.day + 1) * 24 * 60 + 8 * 60;
  for (let id = 1; id <= post.comments; id++) {
    minutes += random.int(1, id < 20 ? 600 : 90);
    const when = new Date(START + minutes * 60_000);
    if (when.getUTCHours() < 5) {
      when.setUTCHours(5, 0);
      minutes = Math.round((when.getTime() - START) / 60_000);
    }
    const date = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}`;
    const lines = [`- id: ${id}`];
    if (id > 3 && random.chance(0.06)) {
      const site = `${random.pick(TECH)} ${random.pick(["Weekly", "Digest", "Links", "Notes"])}`;
      lines.push(`  author: ${q(site)}`, `  url: ${q(`https://${slugify(site)}.example.net/${random.int(1, 9999)}/`)}`, `  date: ${q(date)}`, "  type: pingback");
      lines.push(`  body: ${q(`[…] ${sentence(random, 8, 20)} […]`)}`);
      out.push(lines.join("\n"));
      continue;
    }
    const name = random.chance(0.05) ? "" : random.pick(COMMENTERS);
    lines.push(`  author: ${q(name)}`);
    if (name && random.chance(0.4)) lines.push(`  url: ${q(`https://example.com/people/${slugify(name) || "reader"}`)}`);
    lines.push(`  date: ${q(date)}`);
    if (id > 1 && random.chance(0.35)) lines.push(`  parent: ${random.int(Math.max(1, id - 8), id - 1)}`);
    if (random.chance(0.05)) lines.push("  verified: false");
    const paragraphs = Array.from({ length: random.chance(0.2) ? random.int(2, 4) : 1 }, () => {
      const text = sentence(random, 6, 40);
      const r = random.next();
      return r < 0.1 ? `${text} See https://example.org/notes/${random.int(1, 999)}.` : r < 0.2 ? `${text} Try \`${ident(random)}()\`.` : r < 0.25 ? `> ${sentence(random, 4, 12)}\n\n${text}` : text;
    });
    lines.push(`  body: ${q(paragraphs.join("\n\n"))}`);
    out.push(lines.join("\n"));
  }
  return `${out.join("\n")}\n`;
}

function siteYaml(): string {
  return [
    `title: "Backlist benchmark archive"`,
    `description: "A generated archive of three tech blogs, for measuring builds."`,
    "url: https://example.org",
    "language: en",
    "timezone: America/New_York",
    `publisher: "Example Media, Inc."`,
    "sidebar: as-of-post",
    "",
  ].join("\n");
}

function authorsYaml(): string {
  return AUTHORS.map(([id, name]) =>
    [
      `${id}:`,
      `  name: ${q(name)}`,
      `  bio: ${q(`${name} writes about infrastructure, databases and the people who run them.`)}`,
      "  links:",
      `    - title: ${q("Home page")}`,
      `      url: ${q(`https://example.com/people/${id}`)}`,
    ].join("\n"),
  ).join("\n") + "\n";
}

function blogsYaml(): string {
  return BLOGS.map((blog) => {
    const lines = [
      `${blog.id}:`,
      `  title: ${q(blog.title)}`,
      `  description: ${q(`${blog.title}: ${YEARS} years of posts, restored.`)}`,
      `  author: ${blog.author}`,
      `  sister_blogs: [${BLOGS.filter((other) => other.id !== blog.id).map((other) => other.id).join(", ")}]`,
      `  home: ${q(`https://blogs.example.com/${blog.id}/`)}`,
    ];
    if (blog.timezone) lines.push(`  timezone: ${blog.timezone}`);
    if (blog.id === "platform-notes") {
      lines.push(`  publisher: "Example Media, Inc."`, "  promos:", `    - label: "Jobs"`, `      text: "Hiring platform engineers"`, `      url: "https://example.com/jobs"`, `    - text: "Sign up for the weekly newsletter."`);
    }
    return lines.join("\n");
  }).join("\n\n") + "\n";
}

/** A data-file date in any accepted form (read in the site's zone). */
function dataDate(random: Random): string {
  const when = new Date(START + random.int(0, DAYS - 1) * DAY_MS);
  const ymd = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
  const form = random.next();
  return form < 0.1 ? ymd.slice(0, 7) : form < 0.7 ? ymd : `${ymd}T${pad(random.int(7, 23))}:${pad(random.int(0, 59))}`;
}

function podcastsYaml(random: Random): string {
  const shows = [
    { id: "platform-notes-podcast", title: "Platform Notes Podcast", host: "mitchell", blog: "platform-notes", episodes: 110 },
    { id: "data-desk-radio", title: "Data Desk Radio", host: "ann", blog: "the-data-desk", episodes: 55 },
    { id: "on-call-stories", title: "On-Call Stories", host: "dev", blog: undefined, episodes: 35 },
  ];
  return shows.map((show) => {
    const lines = [`${show.id}:`, `  title: ${q(show.title)}`, `  host: ${show.host}`];
    if (show.blog) lines.push(`  blog: ${show.blog}`);
    lines.push(`  description: ${q(sentence(random, 10, 20))}`, `  link: ${q(`https://podcasts.example.com/${show.id}/`)}`, "  explicit: false", "  episodes:");
    for (let i = 1; i <= show.episodes; i++) {
      lines.push(`    - title: ${q(`#${i}: ${makeTitle(random)}`)}`, `      date: ${q(dataDate(random))}`);
      if (random.chance(0.9)) {
        lines.push(
          `      audio: ${q(`https://media.example.com/${show.id}/${i}.mp3`)}`,
          `      length: ${random.int(5_000_000, 90_000_000)}`,
          `      duration: ${q(`${pad(random.int(0, 1))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`)}`,
        );
      }
      if (random.chance(0.8)) lines.push(`      description: ${q(sentence(random, 10, 30))}`);
    }
    return lines.join("\n");
  }).join("\n\n") + "\n";
}

function booksYaml(random: Random): string {
  const ids = new Set<string>();
  const out: string[] = [];
  while (ids.size < 40) {
    const title = `${random.pick(BOOK_FIRST)} ${random.pick(BOOK_SECOND)}`;
    const id = slugify(title);
    if (ids.has(id)) continue;
    ids.add(id);
    const lines = [`${id}:`, `  title: ${q(title)}`, `  author: ${q(`${random.pick(GIVEN)} ${random.pick(FAMILY)}`)}`, `  year: ${random.int(1975, 2020)}`];
    if (random.chance(0.6)) lines.push(`  link: ${q(`https://books.example.com/${id}`)}`);
    if (random.chance(0.5)) lines.push(`  isbn: ${q(isbn13(random))}`);
    if (random.chance(0.5)) lines.push(`  note: ${q(sentence(random, 6, 16))}`);
    lines.push(`  recommended_by: [${random.sample(AUTHORS.map(([a]) => a), random.int(1, 3)).join(", ")}]`);
    out.push(lines.join("\n"));
  }
  return out.join("\n") + "\n";
}

function isbn13(random: Random): string {
  const digits = [9, 7, 8, ...Array.from({ length: 9 }, () => random.int(0, 9))];
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join("");
}

function reviewsYaml(random: Random, targets: readonly CorpusPost[]): string {
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    const lines = [`- title: ${q(`${random.pick(PRODUCTS)}${random.chance(0.3) ? ` ${random.int(2, 9)}` : ""}`)}`, `  date: ${q(dataDate(random))}`, `  author: ${random.pick(AUTHORS)[0]}`];
    if (targets.length > 0 && random.chance(0.3)) lines.push(`  post: ${q(random.pick(targets).path)}`);
    else lines.push(`  link: ${q(`https://reviews.example.com/${i + 1}`)}`);
    out.push(lines.join("\n"));
  }
  return out.join("\n") + "\n";
}
