/** In `npm start`, a deleted or renamed post leaves the lists at once, without a restart. */
import assert from "node:assert/strict";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { MINIMAL_DATA, Project, editUntil, post, until } from "./project.ts";

const PORT = 8099;
const HOME = `http://127.0.0.1:${PORT}/`;

describe("npm start, when posts go away", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/alpha.md": post('title: Alpha Post\ndate: "2008-06-01"'),
    "posts/main/2008/beta.md": post('title: Beta Post\ndate: "2008-06-02"'),
    "posts/main/2008/gamma.md": post('title: Gamma Post\ndate: "2008-06-03"'),
  });
  const server = project.serve(PORT);
  after(() => server.process.kill());
  const home = async () => (await fetch(HOME)).text();

  it("drops a deleted post from the home page, and shows a renamed one under its new name", async () => {
    await until(async () => (await home()).includes("Gamma Post"), "the first build");
    await until(async () => server.output.includes("Watching"), "the watcher");
    // An edit the page shows first: the watcher is ready once it is seen.
    const alpha = path.join(project.root, "posts/main/2008/alpha.md");
    await editUntil(alpha, post('title: Alpha Edited\ndate: "2008-06-01"'), async () => (await home()).includes("Alpha Edited"), "the watcher to see an edit");

    rmSync(path.join(project.root, "posts/main/2008/beta.md"));
    await until(async () => !(await home()).includes("Beta Post"), "the deleted post to leave the home page");
    assert.match(await home(), /Alpha Edited/);
    assert.match(await home(), /Gamma Post/);

    renameSync(path.join(project.root, "posts/main/2008/gamma.md"), path.join(project.root, "posts/main/2008/delta.md"));
    await until(async () => (await home()).includes("/main/2008/06/delta/"), "the renamed post's new URL");
    assert.doesNotMatch(await home(), /\/main\/2008\/06\/gamma\//);
  });
});
