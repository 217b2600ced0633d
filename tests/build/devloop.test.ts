/** The dev server explains content errors on the page and recovers when the file is fixed. */
import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import { MINIMAL_DATA, Project, editUntil, post, until } from "./project.ts";

const PORT = 8097;
const PAGE = `http://127.0.0.1:${PORT}/main/2008/06/a/`;

const page = async () => (await fetch(PAGE)).text();

describe("npm start", () => {
  const project = new Project({ ...MINIMAL_DATA, "posts/main/2008/a.md": post('title: First Title\ndate: "2008-06-01"') });
  const server = project.serve(PORT);
  after(() => server.process.kill());

  it("shows a content error on the page, keeps serving, and recovers", async () => {
    await until(async () => (await page()).includes("First Title"), "the first build");
    await until(async () => server.output.includes("Watching"), "the watcher");

    const file = path.join(project.root, "posts/main/2008/a.md");
    await editUntil(file, post('title: Second Title\ndate: "2008-13-45"'), async () => (await page()).includes('class="dev-problems"'), "the error banner");
    const broken = await page();
    assert.match(broken, /posts\/main\/2008\/a\.md:3: date: &quot;2008-13-45&quot; is not a real calendar date/);
    assert.match(broken, /First Title/, "the last good version is still served");
    assert.match(server.output, /1 error in the content/);

    await editUntil(file, post('title: Third Title\ndate: "2008-06-01"'), async () => (await page()).includes("Third Title"), "the fixed page");
    assert.doesNotMatch(await page(), /dev-problems/);
  });
});

describe("npm start on content that is broken from the start", () => {
  const port = PORT + 1;
  const home = `http://127.0.0.1:${port}/`;
  const project = new Project({ ...MINIMAL_DATA, "posts/main/2008/a.md": post('title: Broken\ndate: "2008-13-45"') });
  const server = project.serve(port);
  after(() => server.process.kill());

  it("serves a page listing the errors, then the archive once fixed", async () => {
    const text = async () => (await fetch(home)).text();
    await until(async () => (await text()).includes('class="dev-problems"'), "the error banner on the home page");
    assert.match(await text(), /posts\/main\/2008\/a\.md:3: date: &quot;2008-13-45&quot;/);
    await until(async () => server.output.includes("Watching"), "the watcher");
    const file = path.join(project.root, "posts/main/2008/a.md");
    await editUntil(file, post('title: Fixed Title\ndate: "2008-06-01"'), async () => (await text()).includes("Fixed Title"), "the fixed archive");
    assert.doesNotMatch(await text(), /dev-problems/);
  });
});
