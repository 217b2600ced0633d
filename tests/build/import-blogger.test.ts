/**
 * A Blogger export in, whole (tests/fixtures/import/blogger.xml): the report
 * names the format and every entry's outcome; the built site has every post
 * at its new URL with its old `.html` address redirecting, the page at its
 * own, the comment thread nested on the post's page, the link by old
 * address leading to the imported post, and no script anywhere; importing
 * again changes nothing, a hand edit survives, and nothing is written
 * outside posts/ and _data/. With `--fetch-media`, the images on Blogger's
 * image hosts (served here by a local server) come home beside their post.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { parse } from "parse5";
import { type Element, attr, elements, threadShape } from "../support/dom.ts";
import { parse as parseYaml } from "yaml";
import { makePng } from "../../src/media/png.ts";
import { type CountingServer, listen } from "../support/link-servers.ts";
import { Project, REPO } from "./project.ts";

const FIXTURE = path.join(REPO, "tests/fixtures/import/blogger.xml");
const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Blogger archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\n",
  "_data/blogs.yaml": "notes:\n  title: Converging Notes\n",
};

/** Every file of the project but the linked code and the built site, with text and modification time. */
function tree(project: Project): Map<string, { text: string; mtime: number }> {
  const files = new Map<string, { text: string; mtime: number }>();
  for (const entry of readdirSync(project.root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(project.root, file).split(path.sep).join("/");
    if (/^(_site|node_modules|src|\.cache)\//.test(relative)) continue;
    files.set(relative, { text: readFileSync(file, "utf8"), mtime: statSync(file).mtimeMs });
  }
  return files;
}

const POSTS = [
  "posts/notes/2008/blog-post.md",
  "posts/notes/2008/careful-with-scripts.comments.yaml",
  "posts/notes/2008/careful-with-scripts.md",
  "posts/notes/2008/following-up.md",
  "posts/notes/2008/red-hat-and-hypervisor.comments.yaml",
  "posts/notes/2008/red-hat-and-hypervisor.md",
  "posts/notes/pages/about.md",
];

describe("importing a Blogger export", () => {
  const project = new Project(DATA);
  const before = tree(project);
  const first = project.run("src/tools/import.ts", [FIXTURE, "--blog", "notes"]);
  const built = first.status === 0 ? project.build() : first;
  const source = (file: string) => readFileSync(path.join(project.root, file), "utf8");

  it("recognises the export and gives every entry an outcome; comments left out are counted", () => {
    assert.equal(first.status, 0, first.output);
    const out = first.stdout;
    assert.match(out, /\(Blogger export, 9 items\) into posts\/notes\/:\n  5 created, 0 updated, 0 unchanged, 0 conflicts, 4 skipped\n/);
    assert.match(out, /^  skipped: 2 settings, 1 draft, 1 template$/m);
    assert.match(out, /\(settings "BLOG_NAME"\): skipped: settings$/m);
    assert.match(out, /\(template "Template: Converging Notes"\): skipped: template$/m);
    assert.match(out, /\(post "Unfinished thoughts"\): skipped: draft$/m);
    assert.match(out, /^Comments: 4 comments in 2 files; left out 1 removed, 1 on a post not imported, 1 on a post not in the export$/m);
    assert.match(out, /^Authors added to _data\/authors\.yaml: mitch-tester, guest-writer$/m);
    assert.match(out, /^Old site added to old_origins in _data\/site\.yaml: http:\/\/converging-notes\.blogspot\.com$/m);
  });

  it("writes only posts and data: the posts, the page, the comments files, the authors and the old origin", () => {
    const after = tree(project);
    const changed = [...after.keys()].filter((file) => before.get(file)?.text !== after.get(file)?.text).sort();
    assert.deepEqual(changed, ["_data/authors.yaml", "_data/site.yaml", ...POSTS, "posts/notes/.import-state.json"].sort());
    assert.deepEqual(parseYaml(source("_data/site.yaml")).old_origins, ["http://converging-notes.blogspot.com"]);
    assert.deepEqual(parseYaml(source("_data/authors.yaml")), { ann: { name: "Ann Author" }, "mitch-tester": { name: "Mitch Tester" }, "guest-writer": { name: "Guest Writer" } });
  });

  it("writes each post's front matter from the entry: title or placeholder, date in its offset, updated, labels, author, old address", () => {
    const red = source("posts/notes/2008/red-hat-and-hypervisor.md");
    assert.match(red, /^title: "Red Hat and the hypervisor"\ndate: "2008-06-24T10:00:00-04:00"\nauthor: mitch-tester\ntags: \[Xen, Red Hat\]\nupdated: "2008-06-25T08:15:00-04:00"\naliases:\n  - \/2008\/06\/red-hat-and-hypervisor\.html\noriginal_url: "http:\/\/converging-notes\.blogspot\.com\/2008\/06\/red-hat-and-hypervisor\.html"\n/m);
    const untitled = source("posts/notes/2008/blog-post.md");
    assert.match(untitled, /^title: "Untitled post of 2008-06-26"\ndate: "2008-06-26T23:30:00-07:00"\n/m);
    assert.match(source("posts/notes/2008/following-up.md"), /^author: guest-writer$/m);
    assert.match(source("posts/notes/2008/following-up.md"), /\[the earlier post\]\(red-hat-and-hypervisor\.md\)/, "the link by old address leads to the imported post's file");
    assert.match(source("posts/notes/pages/about.md"), /^title: "About"\n[\s\S]*aliases:\n  - \/p\/about\.html\n/m);
    assert.ok(!existsSync(path.join(project.root, "posts/notes/2008/unfinished-thoughts.md")), "the draft is not imported");
  });

  it("builds with every post at its new URL and each old .html address redirecting to it", () => {
    assert.equal(built.status, 0, built.output);
    const redirects = project.read("_redirects").split("\n");
    for (const [old, url] of [
      ["/2008/06/red-hat-and-hypervisor.html", "/notes/2008/06/red-hat-and-hypervisor/"],
      ["/2008/06/blog-post.html", "/notes/2008/06/blog-post/"],
      ["/2008/07/careful-with-scripts.html", "/notes/2008/07/careful-with-scripts/"],
      ["/2008/07/following-up.html", "/notes/2008/07/following-up/"],
      ["/p/about.html", "/notes/about/"],
    ]) {
      assert.ok(project.exists(`${url!.slice(1)}index.html`), url);
      assert.ok(redirects.includes(`${old} ${url} 301`), `${old} → ${url}`);
      assert.match(project.read(old!.slice(1)), new RegExp(`<meta http-equiv="refresh" content="0; url=${url!.replaceAll("/", "\\/")}"`));
    }
    assert.match(project.read("notes/2008/06/blog-post/index.html"), /<time datetime="2008-06-26T23:30-07:00">June 26, 2008/);
    assert.match(project.read("notes/2008/07/following-up/index.html"), /<a href="\/notes\/2008\/06\/red-hat-and-hypervisor\/">the earlier post<\/a>/);
  });

  it("shows the comment thread nested on the post's page, the removed comment nowhere", () => {
    assert.equal(built.status, 0, built.output);
    const html = project.read("notes/2008/06/red-hat-and-hypervisor/index.html");
    const all = elements(parse(html));
    const thread = all.find((el) => el.tagName === "ol" && (attr(el, "class") ?? "").split(/\s+/).includes("comment-thread"));
    assert.ok(thread, "the thread's list");
    assert.deepEqual(threadShape(thread), [["comment-9001", [["comment-9002", ["comment-9003"]]]]]);
    assert.ok(all.some((el) => el.tagName === "a" && attr(el, "href") === "#comment-9001"), "a permalink to the comment");
    assert.match(html, /What about KVM\?/);
    assert.doesNotMatch(html, /removed by the author|Someone Else|comment-9004/);
    assert.doesNotMatch(project.read("notes/2008/07/careful-with-scripts/index.html"), /onmouseover/);
  });

  it("puts no script, event handler or javascript: URL from the export anywhere in the site, and nothing of the draft or template", () => {
    assert.equal(built.status, 0, built.output);
    const site = path.join(project.root, "_site");
    const own = /<script type="application\/ld\+json">|<script src="\/(assets\/js|pagefind)\/[^"]+"( defer)?>/g;
    for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
      const text = readFileSync(file, "utf8");
      const where = path.relative(site, file);
      assert.doesNotMatch(text.replace(own, ""), /<script/i, where);
      assert.doesNotMatch(text, /\son(click|mouseover|error|load)=|javascript:|alert\(|steal\(|track\(/i, where);
      assert.doesNotMatch(text, /Unfinished thoughts|Never published|A comment on a draft|b:skin|BLOG_COMMENT_MODERATION/, where);
    }
  });

  it("imports again without changing a byte or a modification time: every post unchanged", () => {
    const before = tree(project);
    const again = project.run("src/tools/import.ts", [FIXTURE, "--blog", "notes"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /^  0 created, 0 updated, 5 unchanged, 0 conflicts, 4 skipped$/m);
    assert.doesNotMatch(again.stdout, /Authors added|Old site added/);
    assert.deepEqual(tree(project), before);
  });

  it("keeps a hand edit unless --force", () => {
    const file = path.join(project.root, "posts/notes/2008/blog-post.md");
    appendFileSync(file, "\nAn edit by hand.\n");
    const kept = project.run("src/tools/import.ts", [FIXTURE, "--blog", "notes"]);
    assert.equal(kept.status, 0, kept.output);
    assert.match(kept.stdout, /posts\/notes\/2008\/blog-post\.md: conflict: edited since it was imported; kept as it is/);
    assert.match(readFileSync(file, "utf8"), /An edit by hand\./);
    const forced = project.run("src/tools/import.ts", [FIXTURE, "--blog", "notes", "--force"]);
    assert.equal(forced.status, 0, forced.output);
    assert.match(forced.stdout, /posts\/notes\/2008\/blog-post\.md: overwritten/);
    assert.doesNotMatch(readFileSync(file, "utf8"), /An edit by hand\./);
  });
});

const run = promisify(execFile);
const RACK = makePng({ width: 40, height: 30, seed: 21 });
const RACK_SMALL = makePng({ width: 20, height: 15, seed: 22 });
const CONSOLE = makePng({ width: 30, height: 20, seed: 23 });

describe("importing a Blogger export with --fetch-media", () => {
  let host: CountingServer;
  let project: Project;
  let result: { code: number; output: string };
  before(async () => {
    host = await listen((req, res) => {
      const images: Record<string, Buffer> = {
        "/img/b/R29vZ2xl/AVvXsEi/s1600/rack.png": RACK,
        "/img/b/R29vZ2xl/AVvXsEi/s320/rack.png": RACK_SMALL,
        "/_AbCdEf/SHb2/AAAAAAAAAAk/XyZ/s1600-h/console.png": CONSOLE,
        "/_AbCdEf/SHb2/AAAAAAAAAAk/XyZ/s400/console.png": CONSOLE,
      };
      const body = images[(req.url ?? "").split("?")[0] ?? ""];
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "image/png", "content-length": body.length }).end(body);
    });
    project = new Project({
      ...DATA,
      // Blogger's image hosts, served by the local server.
      "blogger.xml": readFileSync(FIXTURE, "utf8").replaceAll("https://blogger.googleusercontent.com", host.origin).replaceAll("http://1.bp.blogspot.com", host.origin),
    });
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/tools/import.ts", "blogger.xml", "--blog", "notes", "--fetch-media", "--no-archive", "--media-timeout", "5"], {
        cwd: project.root,
        env: project.env(),
        timeout: 120_000,
      });
      result = { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      result = { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
    }
  });
  after(() => host.close());

  it("brings the images and the full-size copies they link to home beside their post", () => {
    assert.equal(result.code, 0, result.output);
    const red = readFileSync(path.join(project.root, "posts/notes/2008/red-hat-and-hypervisor.md"), "utf8");
    const link = /\[!\[The rack\]\((red-hat-and-hypervisor\/[^)]+)\)\]\((red-hat-and-hypervisor\/[^)]+)\)/.exec(red);
    assert.ok(link, red);
    const folder = path.join(project.root, "posts/notes/2008");
    assert.ok(readFileSync(path.join(folder, link[1]!)).equals(RACK_SMALL), "the image in the post");
    assert.ok(readFileSync(path.join(folder, link[2]!)).equals(RACK), "the full-size image it links to");
    const following = readFileSync(path.join(project.root, "posts/notes/2008/following-up.md"), "utf8");
    assert.match(following, /\[!\[The console\]\(following-up\/[^)]+\.png\)\]\(following-up\/[^)]+\.png\)/);
    assert.ok(host.requests.some((r) => r.includes("/s1600/rack.png")));
    assert.doesNotMatch(red + following, new RegExp(host.origin.replace(/[.:/]/g, "\\$&")));
  });

  it("builds with the images served", () => {
    const built = project.build();
    assert.equal(built.status, 0, built.output);
    assert.match(project.read("notes/2008/06/red-hat-and-hypervisor/index.html"), /<img[^>]+src="[^"]*rack[^"]*\.png"/);
  });
});

const NEW_FIXTURE = path.join(REPO, "tests/fixtures/import/blogger-new.xml");

describe("importing a newer Blogger export (blogger:type, blogger:filename, blogger:parent)", () => {
  const project = new Project(DATA);
  const first = project.run("src/tools/import.ts", [NEW_FIXTURE, "--blog", "notes"]);
  const built = first.status === 0 ? project.build() : first;
  const source = (file: string) => readFileSync(path.join(project.root, file), "utf8");

  it("gives every entry an outcome, names the blog address it inferred, and counts the comments left out", () => {
    assert.equal(first.status, 0, first.output);
    const out = first.stdout;
    assert.match(out, /\(Blogger export, 6 items\) into posts\/notes\/:\n  4 created, 0 updated, 0 unchanged, 0 conflicts, 2 skipped\n/);
    assert.match(out, /\(post "Compost notes"\): skipped: draft$/m);
    assert.match(out, /\(post "Slugs everywhere"\): skipped: deleted$/m);
    assert.match(out, /^  [^\n]*blogger-new\.xml: the export does not give the blog's address; taken as http:\/\/garden-ledger\.blogspot\.com from the links between its posts$/m);
    assert.match(out, /^Comments: 4 comments in 2 files; left out 1 removed, 1 spam, 1 on a post not imported, 1 on a post not in the export$/m);
    assert.match(out, /^Old site added to old_origins in _data\/site\.yaml: http:\/\/garden-ledger\.blogspot\.com$/m);
  });

  it("writes the old address as alias and original_url, labels with spaces as tags, the summary, and the link by old address to the post's file", () => {
    const post = source("posts/notes/2019/tomatoes-in-may.md");
    assert.match(post, /^tags: \[Vegetable beds, Tomatoes\]$/m);
    assert.match(post, /^summary: "?Planting the first tomatoes of the year\."?$/m);
    assert.match(post, /^aliases:\n  - \/2019\/05\/tomatoes-in-may\.html\noriginal_url: "http:\/\/garden-ledger\.blogspot\.com\/2019\/05\/tomatoes-in-may\.html"$/m);
    assert.match(post, /!\[The raised beds\]\(https:\/\/blogger\.googleusercontent\.com\/img\/b\/R29vZ2xl\/AVvXsEj\/w400-h300\/beds\.jpg\)/);
    assert.match(source("posts/notes/2019/blog-post.md"), /^title: "Untitled post of 2019-05-09"$/m);
    const solanum = source("posts/notes/2019/solanum-friends.md");
    assert.match(solanum, /^title: "Solanum & friends"$/m);
    assert.match(solanum, /\[the planting\]\(tomatoes-in-may\.md\)/);
    assert.match(source("posts/notes/pages/about-garden.md"), /aliases:\n  - \/p\/about-garden\.html\n/);
    assert.ok(!existsSync(path.join(project.root, "posts/notes/2019/compost-notes.md")));
    assert.ok(!existsSync(path.join(project.root, "posts/notes/2019/slugs-everywhere.md")));
  });

  it("builds with the old .html addresses redirecting, the three-deep thread nested, and nothing removed or hostile shown", () => {
    assert.equal(built.status, 0, built.output);
    const redirects = project.read("_redirects").split("\n");
    for (const [old, url] of [
      ["/2019/05/tomatoes-in-may.html", "/notes/2019/05/tomatoes-in-may/"],
      ["/2019/05/blog-post.html", "/notes/2019/05/blog-post/"],
      ["/2019/06/solanum-friends.html", "/notes/2019/06/solanum-friends/"],
      ["/p/about-garden.html", "/notes/about-garden/"],
    ]) {
      assert.ok(project.exists(`${url!.slice(1)}index.html`), url);
      assert.ok(redirects.includes(`${old} ${url} 301`), `${old} → ${url}`);
    }
    const html = project.read("notes/2019/05/tomatoes-in-may/index.html");
    const thread = elements(parse(html)).find((el) => el.tagName === "ol" && (attr(el, "class") ?? "").split(/\s+/).includes("comment-thread"));
    assert.ok(thread, "the thread's list");
    assert.deepEqual(threadShape(thread), [["comment-7001", [["comment-7002", ["comment-7003"]]]]]);
    assert.doesNotMatch(html, /Buy cheap seeds|Best prices|comment-7004|comment-7008/);
    assert.match(project.read("notes/2019/06/solanum-friends/index.html"), /<a href="\/notes\/2019\/05\/tomatoes-in-may\/">the planting<\/a>/);
    for (const page of ["notes/2019/06/solanum-friends/index.html", "notes/2019/05/tomatoes-in-may/index.html"]) {
      assert.doesNotMatch(project.read(page), /alert\(|steal\(|onclick|onmouseover|track\(/);
    }
  });
});
