/** In `npm start`, editing one post's tags changes what other posts' sidebars show, without a restart. */
import assert from "node:assert/strict";
import path from "node:path";
import { after, describe, it } from "node:test";
import { MINIMAL_DATA, Project, editUntil, post, until } from "./project.ts";

const PORT = 8091;
const PAGE = `http://127.0.0.1:${PORT}/main/2008/06/xen-one/`;

/** The links of the related-posts box of a page. */
function related(html: string): string[] {
  const box = /<section class="widget related-posts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  return [...box.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("npm start, when a post's tags change", () => {
  const tagged = (title: string, date: string, tags: string) => post(`title: ${title}\ndate: "${date}"\ntags: [${tags}]`, `${title} is a post.\n`);
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/xen-one.md": tagged("Xen One", "2008-06-10", "Xen, Hypervisors"),
    "posts/main/2008/xen-two.md": tagged("Xen Two", "2008-06-11", "Xen, Hypervisors"),
    "posts/main/2008/apple.md": tagged("Apple Browser", "2008-06-12", "Apple, Browsers"),
    // Posts on other subjects, so that shared tags stand out.
    "posts/main/2008/yahoo.md": tagged("Yahoo Week", "2008-06-13", "Yahoo, Search"),
    "posts/main/2008/vista.md": tagged("Vista Security", "2008-06-14", "Windows, Security"),
    "posts/main/2008/mesh.md": tagged("Live Mesh", "2008-06-15", "Microsoft, Sync"),
  });
  const server = project.serve(PORT);
  after(() => server.process.kill());
  const page = async () => (await fetch(PAGE)).text();

  it("shows the re-tagged post in another post's related posts, and takes it out again", async () => {
    await until(async () => related(await page()).includes("/main/2008/06/xen-two/"), "the first build");
    await until(async () => server.output.includes("Watching"), "the watcher");
    assert.ok(!related(await page()).includes("/main/2008/06/apple/"), "no shared tag, not related");

    const file = path.join(project.root, "posts/main/2008/apple.md");
    await editUntil(file, tagged("Apple Browser", "2008-06-12", "Xen, Hypervisors"), async () => related(await page()).includes("/main/2008/06/apple/"), "the re-tagged post in Xen One's related posts");
    await editUntil(file, tagged("Apple Browser", "2008-06-12", "Apple, Browsers"), async () => !related(await page()).includes("/main/2008/06/apple/"), "the post to leave them again");
    assert.ok(related(await page()).includes("/main/2008/06/xen-two/"));
  });
});
