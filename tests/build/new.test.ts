/** `npm run new` in a throwaway project: the post it writes builds, and it never overwrites or collides. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { MINIMAL_DATA, Project, post } from "./project.ts";

/** `npm run new -- …args` in the project, as the npm script runs it. */
function runNew(project: Project, args: string[]) {
  return project.run("src/tools/new.ts", args);
}

const read = (project: Project, file: string) => readFileSync(path.join(project.root, file), "utf8");

describe("npm run new", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\nother:\n  title: Other Blog\n  author: ann\n",
    // Dated June 2008 but filed under 2009: its URL is /main/2008/06/clash/.
    "posts/main/2009/clash.md": post('title: Clash\ndate: "2008-06-10"'),
  });

  it("writes the post, printing its path and URL", () => {
    const result = runNew(project, ["main", 'Xen: the "Real" Story', "--tags", "Xen, Red Hat", "--date", "2008-06-24T14:30"]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      "Created posts/main/2008/xen-the-real-story.md\nIts URL will be /main/2008/06/xen-the-real-story/ (https://example.org/main/2008/06/xen-the-real-story/)\n",
    );
    assert.equal(
      read(project, "posts/main/2008/xen-the-real-story.md"),
      '---\ntitle: "Xen: the \\"Real\\" Story"\ndate: "2008-06-24T14:30"\ntags: [Xen, Red Hat]\n---\n\nWrite the post here.\n',
    );
  });

  it("dates a post now, in the blog's time zone", () => {
    const before = DateTime.now().setZone("America/New_York");
    const result = runNew(project, ["other", "Today"]);
    assert.equal(result.status, 0, result.stderr);
    const file = `posts/other/${before.year}/today.md`;
    assert.ok(existsSync(path.join(project.root, file)), result.stdout);
    const date = /^date: "(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})"$/m.exec(read(project, file))?.[1];
    assert.ok(date, "a YYYY-MM-DDTHH:mm date");
    const written = DateTime.fromISO(date, { zone: "America/New_York" });
    assert.ok(Math.abs(written.diff(before, "minutes").minutes) < 2, `${date} is now in New York (${before.toISO()})`);
  });

  it("never overwrites a file", () => {
    const file = "posts/main/2008/xen-the-real-story.md";
    const before = read(project, file);
    const result = runNew(project, ["main", "Xen: the Real Story", "--date", "2008-07-01"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /posts\/main\/2008\/xen-the-real-story\.md already exists; it was left as it is/);
    assert.equal(read(project, file), before);
  });

  it("refuses an unknown blog, listing the known ones", () => {
    const result = runNew(project, ["mian", "Typo"]);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, 'backlist new: unknown blog "mian"; known blogs: main, other\n');
  });

  it("refuses a slug whose URL another post has, from another year folder", () => {
    const result = runNew(project, ["main", "Clash", "--date", "2008-06-20"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\/main\/2008\/06\/clash\/ is already the URL of posts\/main\/2009\/clash\.md/);
    assert.equal(existsSync(path.join(project.root, "posts/main/2008/clash.md")), false);
    assert.equal(runNew(project, ["main", "Clash", "--date", "2008-07-20"]).status, 0, "another month is another URL");
  });

  it("refuses a date the archive would reject, and bad arguments", () => {
    assert.match(runNew(project, ["main", "Bad", "--date", "2008-02-30"]).stderr, /--date: "2008-02-30" is not a real calendar date/);
    const usage = runNew(project, ["main"]);
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /usage: npm run new -- <blog> "<Title>"/);
  });

  it("the project builds with the new posts at their URLs", () => {
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    assert.match(project.read("main/2008/06/xen-the-real-story/index.html"), /<h1[^>]*>Xen: the &quot;Real&quot; Story<\/h1>|<h1[^>]*>Xen: the "Real" Story<\/h1>/);
    assert.match(project.read("main/2008/06/xen-the-real-story/index.html"), /Write the post here\./);
    assert.ok(project.exists("main/2008/07/clash/index.html"));
    assert.ok(project.exists("tags/red-hat/index.html"));
  });
});
