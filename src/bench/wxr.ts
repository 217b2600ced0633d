/**
 * The import benchmark: a generated WordPress export of N posts (about
 * 5 KB each with its comments, so 20,000 posts make ~100 MB), written
 * piece by piece, then `npm run import` of it into a fresh project,
 * measured with GNU time (wall, CPU, peak resident memory). Deterministic:
 * the same N gives the same file.
 *
 * The export has what real ones have: several authors, categories and
 * tags, classic and block content, captions, galleries with attachments,
 * code shortcodes, links to earlier posts by `/?p=<id>`, threaded comments
 * with pingbacks and spam, drafts and revisions.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Random } from "./random.ts";
import { AUTHORS, COMMENTERS, TECH, WORDS } from "./vocabulary.ts";

const SITE = "https://bench.example.net";

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

function sentence(random: Random, words = random.int(8, 20)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random.chance(0.06) ? random.pick(TECH) : random.pick(WORDS));
  const text = out.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const paragraph = (random: Random) => Array.from({ length: random.int(3, 6) }, () => sentence(random)).join(" ");

const sql = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** Writes the export to `file`; returns its size in bytes. */
export function writeWxr(file: string, posts: number): number {
  const random = new Random(20_000);
  const fd = openSync(file, "w");
  let bytes = 0;
  const write = (text: string) => {
    bytes += writeSync(fd, text);
  };
  write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Blog</title><link>${SITE}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
`);
  const authors = AUTHORS.slice(0, 5);
  authors.forEach(([login, name], i) => {
    write(`<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_display_name>${cdata(name)}</wp:author_display_name></wp:author>\n`);
  });
  const start = Date.UTC(2004, 0, 1);
  const step = Math.floor((Date.UTC(2024, 0, 1) - start) / posts);
  let nextId = posts + 1;
  for (let n = 1; n <= posts; n++) {
    const gmt = start + n * step;
    const local = gmt - 5 * 3600_000;
    const title = `${random.pick(TECH)} ${sentence(random, random.int(3, 6)).slice(0, -1)} ${n}`;
    const parts: string[] = [];
    const blocks = random.chance(0.3);
    for (let p = 0, count = random.int(5, 9); p < count; p++) {
      let text = paragraph(random);
      if (n > 1 && random.chance(0.2)) text += ` See <a href="${SITE}/?p=${random.int(1, n - 1)}">an earlier post</a>.`;
      parts.push(blocks ? `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->` : text);
    }
    if (random.chance(0.3)) parts.splice(2, 0, `[sourcecode lang="python"]\ndef f(x):\n    return x < ${n}\n[/sourcecode]`);
    const attachments: number[] = [];
    if (random.chance(0.1)) {
      for (let a = 0; a < 3; a++) attachments.push(nextId++);
      parts.push(`[caption id="attachment_${attachments[0]}" width="300"]<img src="/wp-content/uploads/${n}-0.jpg" alt="Figure" /> A caption for post ${n}[/caption]`, "[gallery]");
    }
    const status = random.chance(0.02) ? "draft" : "publish";
    const comments: string[] = [];
    for (let c = 0, count = random.int(0, 6); c < count; c++) {
      const id = n * 10 + c;
      const parent = c > 0 && random.chance(0.3) ? n * 10 + random.int(0, c - 1) : 0;
      const approved = random.chance(0.08) ? "spam" : "1";
      const type = random.chance(0.05) ? "pingback" : "";
      comments.push(
        `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(random.pick(COMMENTERS))}</wp:comment_author><wp:comment_author_url>https://reader.example.org/${c}</wp:comment_author_url>` +
          `<wp:comment_date>${sql(local + (c + 1) * 3600_000)}</wp:comment_date><wp:comment_date_gmt>${sql(gmt + (c + 1) * 3600_000)}</wp:comment_date_gmt>` +
          `<wp:comment_content>${cdata(`${sentence(random)} <em>${sentence(random, 4)}</em>`)}</wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved>` +
          `<wp:comment_type>${type}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`,
      );
    }
    const slug = `post-${n}`;
    const date = new Date(local);
    const link = `${SITE}/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${slug}/`;
    const [login] = authors[n % authors.length] ?? ["mitchell"];
    write(`<item><title>${cdata(title)}</title><link>${link}</link><dc:creator>${cdata(login)}</dc:creator><guid isPermaLink="false">${SITE}/?p=${n}</guid>` +
      `<content:encoded>${cdata(parts.join("\n\n"))}</content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>` +
      `<wp:post_id>${n}</wp:post_id><wp:post_date>${sql(local)}</wp:post_date><wp:post_date_gmt>${sql(gmt)}</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name>` +
      `<wp:status>${status}</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type>` +
      `<category domain="category" nicename="c${n % 12}">${cdata(`Category ${n % 12}`)}</category><category domain="post_tag" nicename="t${n % 97}">${cdata(`${random.pick(TECH)}`)}</category>` +
      `${comments.join("")}</item>\n`);
    attachments.forEach((id, order) => {
      write(`<item><title>image ${id}</title><link>${link}image-${id}/</link><guid isPermaLink="false">${SITE}/wp-content/uploads/${n}-${order}.jpg</guid><content:encoded><![CDATA[]]></content:encoded>` +
        `<excerpt:encoded>${cdata(`Image ${order + 1} of post ${n}`)}</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>${sql(local)}</wp:post_date><wp:post_date_gmt>${sql(gmt)}</wp:post_date_gmt>` +
        `<wp:status>inherit</wp:status><wp:post_parent>${n}</wp:post_parent><wp:menu_order>${order}</wp:menu_order><wp:post_type>attachment</wp:post_type>` +
        `<wp:attachment_url>${SITE}/wp-content/uploads/${n}-${order}.jpg</wp:attachment_url></item>\n`);
    });
  }
  write("</channel>\n</rss>\n");
  closeSync(fd);
  return bytes;
}

export interface ImportMeasure {
  status: number | null;
  wallMs: number;
  cpuMs?: number;
  /** Peak resident memory, KiB (GNU time's %M). */
  peakKiB?: number;
  /** The import's report, or its error. */
  output: string;
}

/** `npm run import -- <file> --blog bench` in `project`, measured with GNU time when it is installed. */
export function measureImport(project: string, file: string, repo: string): ImportMeasure {
  const time = "/usr/bin/time";
  const timeFile = path.join(project, "time.txt");
  const command = [process.execPath, "--import", "tsx", "src/tools/import.ts", file, "--blog", "bench"];
  const useTime = existsSync(time);
  const start = performance.now();
  const result = spawnSync(useTime ? time : (command[0] ?? ""), useTime ? ["-o", timeFile, "-f", "%e %U %S %M", ...command] : command.slice(1), {
    cwd: project,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json") },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  const measure: ImportMeasure = { status: result.status, wallMs, output: `${result.stdout}${result.stderr}` };
  if (useTime && existsSync(timeFile)) {
    const [, user, sys, peak] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-4).map(Number);
    if (user !== undefined && sys !== undefined) measure.cpuMs = (user + sys) * 1000;
    measure.peakKiB = peak;
  }
  return measure;
}
