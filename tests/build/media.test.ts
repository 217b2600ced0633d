/**
 * Issue 13, items 1 and 2: a post keeps its images and files in `<slug>/`
 * beside `<slug>.md`; they are published under the post's URL, each local
 * image as a responsive `<picture>` with `width`, `height` and `srcset`;
 * a reference to a file that is not there fails the build with the other
 * broken links; a second build of an unchanged archive processes no image.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { decodeXML } from "entities";
import { HtmlValidate, type ConfigData } from "html-validate";
import { MINIMAL_DATA, Project, REPO, editUntil, post } from "./project.ts";
import { makePng } from "../../src/media/png.ts";

const URL = "main/2008/06/xen/";
const BODY = [
  "Intro.",
  "",
  "![Architecture of the Xen hypervisor](xen/diagram.png)",
  "",
  "The console, as the page sees it:",
  "",
  '![A console screenshot](console.png "The console")',
  "",
  "![](xen/shots/tiny.png)",
  "",
  "Get [the slides](xen/slides.pdf) and an ![external image](https://example.com/old.png).",
  "",
].join("\n");

function withImages(extra: Record<string, string> = {}): Project {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/xen.md": post('title: Xen\ndate: "2008-06-24"', BODY),
    "posts/main/2008/xen/slides.pdf": "%PDF-1.4\n%%EOF\n",
    // Notes kept with the post's files: not a post.
    "posts/main/2008/xen/notes.md": "# notes, no front matter\n",
    ...extra,
  });
  const folder = path.join(project.root, "posts/main/2008/xen");
  mkdirSync(path.join(folder, "shots"), { recursive: true });
  writeFileSync(path.join(folder, "diagram.png"), makePng({ width: 1200, height: 675, seed: 3, grain: true }));
  writeFileSync(path.join(folder, "console.png"), makePng({ width: 640, height: 400, seed: 4, grain: true }));
  writeFileSync(path.join(folder, "shots/tiny.png"), makePng({ width: 300, height: 200, seed: 5 }));
  return project;
}

const imgs = (html: string) => [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe("a post's images and files", () => {
  let project: Project;
  let first: ReturnType<Project["build"]>;
  let page: string;
  before(() => {
    project = withImages();
    first = project.build();
    page = first.status === 0 ? project.read(`${URL}index.html`) : "";
  });

  it("builds, processing each image once and warning about the one without alt text", () => {
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /\[backlist\] images: 3 processed, 0 from the cache/);
    assert.match(first.output, /warning: posts\/main\/2008\/xen\.md:13: \(image\): → xen\/shots\/tiny\.png: has no alt text/);
    assert.doesNotMatch(first.output, /notes\.md/);
  });

  it("gives every local image width, height and a srcset, and modern formats where they pay", () => {
    const local = imgs(page).filter((tag) => !tag.includes("example.com"));
    assert.equal(local.length, 3);
    const [diagram, consoleShot, tiny] = local as [string, string, string];
    assert.deepEqual([attr(diagram, "width"), attr(diagram, "height")], ["1200", "675"]);
    assert.deepEqual([attr(consoleShot, "width"), attr(consoleShot, "height")], ["640", "400"]);
    assert.deepEqual([attr(tiny, "width"), attr(tiny, "height")], ["300", "200"]);
    // The img is the original itself, the largest candidate of its srcset.
    assert.equal(attr(diagram, "src"), `/${URL}diagram.png`);
    assert.equal(attr(diagram, "srcset"), `/${URL}diagram.png 1200w`);
    assert.equal(attr(tiny, "srcset"), `/${URL}shots/tiny.png 300w`);
    for (const tag of local) assert.ok(attr(tag, "sizes"));
    assert.equal(attr(diagram, "alt"), "Architecture of the Xen hypervisor");
    assert.equal(attr(consoleShot, "title"), "The console");
    // A photograph-like PNG gets a WebP source; a flat diagram is smaller as PNG and gets none.
    assert.match(page, new RegExp(`<picture><source type="image/webp" srcset="/${URL}diagram\\.png\\.480w\\.webp 480w, /${URL}diagram\\.png\\.960w\\.webp 960w, /${URL}diagram\\.png\\.1200w\\.webp 1200w" sizes="[^"]+"><img `));
    assert.doesNotMatch(page, /tiny\.png\.300w\.webp/);
    const candidates = [...page.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) => m[1]!.split(", ").map((c) => c.split(" ")[0]!));
    assert.ok(candidates.length >= 6);
    for (const url of candidates) assert.ok(project.exists(url.slice(1)), url);
  });

  it("loads the first image at once and the others lazily", () => {
    const local = imgs(page).filter((tag) => !tag.includes("example.com"));
    assert.equal(attr(local[0]!, "loading"), undefined);
    assert.equal(attr(local[0]!, "decoding"), undefined);
    for (const tag of local.slice(1)) {
      assert.equal(attr(tag, "loading"), "lazy");
      assert.equal(attr(tag, "decoding"), "async");
    }
    // No inline style: the site's CSP allows none.
    assert.doesNotMatch(page, /<(?:img|picture|source)\b[^>]*\sstyle=/);
  });

  it("publishes the post's files under its URL, and links to them there", () => {
    assert.ok(project.exists(`${URL}diagram.png`));
    assert.ok(project.exists(`${URL}shots/tiny.png`));
    assert.equal(readFileSync(path.join(project.root, "_site", URL, "slides.pdf"), "utf8"), "%PDF-1.4\n%%EOF\n");
    assert.match(page, new RegExp(`<a href="/${URL}slides\\.pdf">the slides</a>`));
    // The folder is not a year folder, nor its .md file a post.
    assert.ok(!project.exists("main/2008/06/notes/index.html"));
  });

  it("makes the feed's image URLs absolute", () => {
    // The feed carries the post's HTML as escaped text: read it as a feed reader does.
    const feed = decodeXML(project.read("feed.xml"));
    assert.match(feed, /https:\/\/example\.org\/main\/2008\/06\/xen\/diagram\.png\.480w\.webp 480w/);
    assert.match(feed, /src="https:\/\/example\.org\/main\/2008\/06\/xen\/diagram\.png"/);
  });

  it("writes valid HTML", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData);
    const report = await validator.validateString(page);
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.message}`)), []);
  });

  it("processes nothing the second time: every image comes from the cache", () => {
    const second = project.build();
    assert.equal(second.status, 0, second.output);
    assert.match(second.output, /\[backlist\] images: 0 processed, 3 from the cache/);
    assert.equal(project.read(`${URL}index.html`), page);
  });

  it("processes a changed image again, and only that one", () => {
    writeFileSync(path.join(project.root, "posts/main/2008/xen/console.png"), makePng({ width: 320, height: 200, seed: 9, grain: true }));
    const third = project.build();
    assert.equal(third.status, 0, third.output);
    assert.match(third.output, /\[backlist\] images: 1 processed, 2 from the cache/);
    assert.match(project.read(`${URL}index.html`), /alt="A console screenshot" title="The console" width="320" height="200"/);
  });
});

describe("a reference to a file that is not there", () => {
  it("fails the build, listed with the broken links, each with its file and line, and nothing written", () => {
    const project = withImages({
      "posts/main/2008/gone.md": post(
        'title: Gone\ndate: "2008-06-25"',
        "Text.\n\n![Lost diagram](gone/diagram.png)\n\n![Elsewhere](../2007/shot.png)\n\nA [link](no-such-post.md), [notes](gone/missing.pdf) and ![logo](/assets/logo.png).\n\n![Damaged](broken.png)\n",
      ),
      "posts/main/2008/gone/broken.png": "<html>not a PNG</html>",
      "posts/main/2008/gone/index.html": "<!doctype html><title>the old page</title>",
    });
    const result = project.build();
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:7: \(image\): → gone\/diagram\.png: no such file posts\/main\/2008\/gone\/diagram\.png/);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:9: \(image\): → \.\.\/2007\/shot\.png: not in the post's folder posts\/main\/2008\/gone\//);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:11: \(link\): → no-such-post\.md: no such post/);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:11: \(link\): → gone\/missing\.pdf: no such file posts\/main\/2008\/gone\/missing\.pdf/);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:11: \(image\): → \/assets\/logo\.png: no page or file of the site has this path/);
    assert.match(result.output, /posts\/main\/2008\/gone\.md:13: \(image\): → broken\.png: posts\/main\/2008\/gone\/broken\.png cannot be read as an image/);
    assert.match(result.output, /posts\/main\/2008\/gone\/index\.html: \(path\): would replace the post's page at its URL/);
    assert.match(result.output, /Nothing was written/);
    assert.ok(!project.exists("index.html"));
  });
});

describe("npm start with a post's images", () => {
  const port = 8093;
  const pageUrl = `http://127.0.0.1:${port}/${URL}`;
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/xen.md": post('title: Xen\ndate: "2008-06-24"', "Intro.\n\n![Architecture](xen/diagram.png)\n"),
  });
  const server = project.serve(port);
  after(() => server.process.kill());

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 160; i++) {
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`gave up waiting for ${what}\n${server.output}`);
  }
  const text = async () => (await fetch(pageUrl)).text();

  it("shows a missing image as an error, and picks the image up once it is added", async () => {
    await until(async () => (await text()).includes('class="dev-problems"'), "the error banner");
    assert.match(await text(), /posts\/main\/2008\/xen\.md:7: \(image\): (?:→|&#8594;) xen\/diagram\.png: no such file/);
    await until(async () => server.output.includes("Watching"), "the watcher");
    mkdirSync(path.join(project.root, "posts/main/2008/xen"), { recursive: true });
    const diagram = path.join(project.root, "posts/main/2008/xen/diagram.png");
    const png = makePng({ width: 800, height: 450, seed: 7, grain: true });
    await editUntil(diagram, png, async () => /alt="Architecture" width="800" height="450"/.test(await text()), "the image on the page");
    assert.doesNotMatch(await text(), /dev-problems/);
    const image = await fetch(`${pageUrl}diagram.png`);
    assert.equal(image.status, 200);
  });
});
