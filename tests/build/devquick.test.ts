/**
 * In `npm start`, saving a post whose text alone changed re-renders that
 * post in place (src/content/reload.ts) and writes its page and the pages
 * that show its text; anything more rebuilds everything.
 */
import assert from "node:assert/strict";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { makePng } from "../../src/media/png.ts";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "../../src/bench/devloop.ts";
import { MINIMAL_DATA, Project, editUntil, post, until } from "./project.ts";

/** The "Linked from" box of a page: the links it lists and the sentences around them. */
function linkedFrom(html: string): string {
  return /<section class="widget backlinks"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
}

/** The "Related posts" box of a page. */
function relatedPosts(html: string): string {
  return /<section class="widget related-posts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
}

describe("npm start, when only a post's text changes", () => {
  const apple = (text: string, more = "") => post(`title: Apple Browser\ndate: "2008-06-12"`, `Nothing to do with Xen.\n\n![The browser](apple/screen.png)\n\n${text}\n${more}`);
  const mesh = (reply: boolean) => post(`title: Live Mesh\ndate: "2008-06-13"`, `An answer.\n\n${reply ? "::: reply Bob vista.md#comment-1\nIs it fast?\n:::\n\nIt is.\n" : "No reply here.\n"}`);
  // The first paragraph stays: it is the post's summary, which lists show (a new one rebuilds them all).
  const xen = (body: string, title = "Xen One") => post(`title: ${title}\ndate: "2008-06-10"\ntags: [Xen]`, `A post about Xen.\n\n${body}`);
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/xen-one.md": xen("The first version of the text.\n"),
    "posts/main/2008/xen-two.md": post(`title: Xen Two\ndate: "2008-06-11"\ntags: [Xen]`, "A post others link to.\n"),
    "posts/main/2008/apple.md": apple("First words."),
    "posts/main/2008/vista.md": post(`title: Vista Question\ndate: "2008-06-09"`, "A post with a comment.\n"),
    "posts/main/2008/vista.comments.yaml": '- id: 1\n  author: Bob\n  date: "2008-06-09"\n  body: Is it fast?\n',
    "posts/main/2008/mesh.md": mesh(true),
    // Shares no tag and no word with Xen One, until Xen One is tagged Citrix.
    "posts/main/2008/citrix.md": post(`title: Citrix Deal\ndate: "2008-06-14"\ntags: [Citrix]`, "The company bought a firm.\n"),
  });
  let base = "";
  let server: ReturnType<Project["serve"]>;
  before(async () => {
    mkdirSync(path.join(project.root, "posts/main/2008/apple"), { recursive: true });
    writeFileSync(path.join(project.root, "posts/main/2008/apple/screen.png"), makePng({ width: 800, height: 500, seed: 5 }));
    writeFileSync(path.join(project.root, "posts/main/2008/apple/menu.png"), makePng({ width: 400, height: 300, seed: 6 }));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = project.serve(port);
    await until(async () => (await fetch(`${base}/main/2008/06/xen-two/`)).ok, "the first build");
    await until(() => server.output.includes("Watching"), "the watcher");
  });
  after(() => server.process.kill());
  const page = async (url: string) => (await fetch(`${base}${url}`)).text();
  const file = path.join(project.root, "posts/main/2008/xen-one.md");
  const quickRuns = () => server.output.split("re-rendered (only the text changed)").length - 1;

  it("shows the new text without loading the archive again", async () => {
    assert.equal(quickRuns(), 0);
    const home = statSync(path.join(project.root, "_dev-site/index.html")).mtimeMs;
    await editUntil(file, xen("The second version of the text.\n"), async () => (await page("/main/2008/06/xen-one/")).includes("second version"), "the edited text");
    assert.ok(quickRuns() >= 1, `a quick rebuild:\n${server.output}`);
    assert.doesNotMatch(await page("/main/2008/06/xen-one/"), /first version/);
    // The feeds carry the post's text.
    assert.match(await page("/feed.xml"), /second version/);
    assert.match(await page("/main/feed.json"), /second version/);
    // Eleventy's own pages show nothing of the text: they are left as they were.
    assert.equal(statSync(path.join(project.root, "_dev-site/index.html")).mtimeMs, home);
  });

  it("adds the post to the 'Linked from' list of a post it now links to, and takes it out again", async () => {
    await editUntil(
      file,
      xen("Read [the second post](xen-two.md) about the hypervisor.\n"),
      async () => linkedFrom(await page("/main/2008/06/xen-two/")).includes('href="/main/2008/06/xen-one/"'),
      "Xen One in Xen Two's Linked from",
    );
    const box = linkedFrom(await page("/main/2008/06/xen-two/"));
    assert.match(box, /<mark>the second post<\/mark>/, "the sentence around the new link");
    assert.match(await page("/main/2008/06/xen-one/"), /<a href="\/main\/2008\/06\/xen-two\/">the second post<\/a>/);
    await editUntil(file, xen("No link any more.\n"), async () => !linkedFrom(await page("/main/2008/06/xen-two/")).includes("xen-one"), "Xen One to leave Xen Two's Linked from");
    assert.ok(quickRuns() >= 3, `quick rebuilds:\n${server.output}`);
  });

  it("writes the pages that link to the post when its title changes", async () => {
    await editUntil(file, xen("No link any more.\n", "Xen One, Retitled"), async () => (await page("/")).includes("Xen One, Retitled"), "the new title on the home page");
    assert.match(server.output, /1 post re-rendered \(the text and title changed\)/);
    // The post it shares a tag with lists it as related, its neighbour links to it, and the lists hold it.
    assert.match(await page("/main/2008/06/xen-two/"), /Xen One, Retitled/);
    assert.match(await page("/tags/xen/"), /Xen One, Retitled/);
    assert.match(await page("/main/"), /Xen One, Retitled/);
    assert.match(await page("/archive/2008/06/"), /Xen One, Retitled/);
    assert.match(await page("/feed.xml"), /Xen One, Retitled/);
    assert.match(await page("/main/2008/06/xen-one/"), /<h1[^>]*>Xen One, Retitled<\/h1>/);
  });

  it("rebuilds everything when the tags change, and another post's related posts follow", async () => {
    assert.doesNotMatch(relatedPosts(await page("/main/2008/06/citrix/")), /xen-one/, "not related before the edit");
    await editUntil(file, post(`title: Xen One, Retitled\ndate: "2008-06-10"\ntags: [Xen, Citrix]`, "A post about Xen.\n\nNo link any more.\n"), async () => (await page("/tags/citrix/")).includes("Xen One, Retitled"), "the new tag's page");
    assert.match(server.output, /rebuilding everything: posts\/main\/2008\/xen-one\.md: more than its text, title or summary changed/);
    // The post that now shares a tag with it lists it, without a restart of the server.
    assert.match(relatedPosts(await page("/main/2008/06/citrix/")), /href="\/main\/2008\/06\/xen-one\/"[^>]*>Xen One, Retitled</);
  });

  it("writes the lists again when the first paragraph, the summary they show, changes", async () => {
    const text = post(`title: Xen One, Retitled\ndate: "2008-06-10"\ntags: [Xen, Citrix]`, "A new first paragraph.\n\nNo link any more.\n");
    await editUntil(file, text, async () => (await page("/tags/xen/")).includes("A new first paragraph."), "the new summary on the tag page");
    assert.match(await page("/"), /A new first paragraph\./);
  });

  it("keeps a post's images in a quick rebuild, and rebuilds everything for an image it did not show before", async () => {
    const apples = path.join(project.root, "posts/main/2008/apple.md");
    const url = "/main/2008/06/apple/";
    const before = quickRuns();
    await editUntil(apples, apple("Second words."), async () => (await page(url)).includes("Second words."), "the edited text beside an image");
    assert.ok(quickRuns() > before, "a quick rebuild");
    const html = await page(url);
    assert.match(html, /<img[^>]+srcset="\/main\/2008\/06\/apple\/screen\.png\.480w\.png 480w/, "the responsive image is still there");
    const src = /<img[^>]+src="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.equal((await fetch(`${base}${src}`)).status, 200, src);
    const quick = quickRuns();
    await editUntil(apples, apple("Third words.", "![The menu](apple/menu.png)\n"), async () => (await page(url)).includes("Third words."), "the page with a second image");
    assert.equal(quickRuns(), quick, "a new image is not a quick change");
    assert.match(server.output, /apple\.md shows an image it did not show before/);
    const menu = [...(await page(url)).matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? "").find((s) => s.includes("menu")) ?? "menu image missing";
    assert.equal((await fetch(`${base}${menu}`)).status, 200, menu);
  });

  it("follows a reply citing a comment: the comment says where it was answered, until the reply goes", async () => {
    const answered = async () => /class="comment-answered-in"[\s\S]*?href="\/main\/2008\/06\/mesh\/"/.test(await page("/main/2008/06/vista/"));
    assert.ok(await answered(), "answered in the first build");
    const before = quickRuns();
    const file = path.join(project.root, "posts/main/2008/mesh.md");
    await editUntil(file, mesh(false), async () => !(await answered()), "the comment to lose its answer");
    await editUntil(file, mesh(true), async () => await answered(), "the comment to be answered again");
    assert.ok(quickRuns() >= before + 2, "quick rebuilds");
    assert.match(await page("/main/2008/06/mesh/"), /It is\./);
  });

  it("rebuilds everything for a link that needs checking, and reports it when broken", async () => {
    await editUntil(file, post(`title: Xen One, Retitled\ndate: "2008-06-10"\ntags: [Xen, Citrix]`, "A new first paragraph.\n\nSee [nothing](no-such-post.md).\n"), () => /no-such-post\.md: no such post/.test(server.output), "the broken link reported");
    await editUntil(file, post(`title: Xen One, Retitled\ndate: "2008-06-10"\ntags: [Xen, Citrix]`, "A new first paragraph.\n\nFixed again.\n"), async () => (await page("/main/2008/06/xen-one/")).includes("Fixed again"), "the fixed page");
  });
});
