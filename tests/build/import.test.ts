/**
 * `npm run import` in a throwaway project, with the fixture export and feeds
 * (tests/fixtures/import): the posts it writes, importing again (nothing
 * changes), an edited post (kept, reported), `--force`, a malformed file
 * (nothing written), and the built site: every post at its URL, the old
 * addresses redirecting, and no script from the imported HTML anywhere.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { Project, REPO, postsTree } from "./project.ts";

const FIXTURES = path.join(REPO, "tests/fixtures/import");

const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Imported archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\nbob:\n  name: Bob Builder\n",
  // main names no default author: the export's creators map to ann and bob by name.
  "_data/blogs.yaml": "main:\n  title: Main Blog\nside:\n  title: Side Blog\n  author: bob\n",
};

/** `npm run import -- …args` in the project, as the npm script runs it. */
function runImport(project: Project, args: string[]) {
  return project.run("src/tools/import.ts", args);
}


const texts = (files: Map<string, { text: string }>) => new Map([...files].map(([file, { text }]) => [file, text]));
const source = (project: Project, file: string) => readFileSync(path.join(project.root, file), "utf8");

describe("importing a WordPress export, an RSS and an Atom feed", () => {
  const project = new Project(DATA);
  const wxr = path.join(FIXTURES, "wordpress.xml");

  it("writes one post per post and a page per page, skipping the draft and the attachment with their reasons", () => {
    const result = runImport(project, [wxr, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\(WordPress export, 8 items\) into posts\/main\/:\n  6 created, 0 updated, 0 unchanged, 0 conflicts, 2 skipped\n  skipped: 1 attachment, 1 draft\n/);
    assert.match(result.stdout, /\(post "Half-Finished Thoughts"\): skipped: draft$/m);
    assert.deepEqual([...postsTree(project).keys()].sort(), [
      "main/.import-state.json",
      "main/2008/a-hostile-post.md",
      "main/2008/weekly-links-2.md",
      "main/2008/weekly-links.md",
      "main/2008/xen-and-the-art-of-hypervisors.md",
      "main/2009/greetings-from-berlin.md",
      "main/pages/about.md",
    ]);
    assert.equal(
      source(project, "posts/main/2009/greetings-from-berlin.md"),
      '---\ntitle: "Greetings from Berlin"\ndate: "2009-03-01T09:30:00+01:00"\nauthor: bob\naliases:\n  - /2009/03/01/greetings-from-berlin/\n  - /?p=102\noriginal_url: "https://old.example.com/2009/03/01/greetings-from-berlin/"\n---\n\nWritten at 9:30 in the morning, Berlin time.\n',
    );
  });

  it("imports again without changing a file", () => {
    const before = postsTree(project);
    const result = runImport(project, [wxr, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /0 created, 0 updated, 6 unchanged, 0 conflicts, 2 skipped/);
    assert.deepEqual(postsTree(project), before, "same texts, same modification times");
  });

  it("keeps a post edited since the import, reporting it as a conflict", () => {
    const file = "posts/main/2008/weekly-links.md";
    const imported = source(project, file);
    appendFileSync(path.join(project.root, file), "\nA line the author added.\n");
    const edited = source(project, file);
    const result = runImport(project, [wxr, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /0 created, 0 updated, 5 unchanged, 1 conflict, 2 skipped/);
    assert.match(result.stdout, /^  posts\/main\/2008\/weekly-links\.md: conflict: edited since it was imported; kept as it is$/m);
    assert.match(result.stdout, /run again with --force to replace the conflicts/);
    assert.equal(source(project, file), edited);

    const again = runImport(project, [wxr, "--blog", "main"]);
    assert.match(again.stdout, /5 unchanged, 1 conflict/, "still a conflict the next time");
    assert.equal(source(project, file), edited);

    const forced = runImport(project, [wxr, "--blog", "main", "--force"]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /0 created, 0 updated, 5 unchanged, 1 overwritten, 0 conflicts, 2 skipped/);
    assert.equal(source(project, file), imported);
    assert.match(runImport(project, [wxr, "--blog", "main"]).stdout, /6 unchanged, 0 conflicts/);
  });

  it("imports RSS and Atom feeds into another blog", () => {
    const rss = runImport(project, [path.join(FIXTURES, "feed.rss"), "--blog", "side"]);
    assert.equal(rss.status, 0, rss.stderr);
    assert.match(rss.stdout, /\(RSS feed, 2 items\) into posts\/side\/:\n  2 created/);
    const atom = runImport(project, [path.join(FIXTURES, "feed.atom"), "--blog", "side"]);
    assert.equal(atom.status, 0, atom.stderr);
    assert.match(atom.stdout, /\(Atom feed, 2 items\) into posts\/side\/:\n  2 created/);
    assert.match(source(project, "posts/side/2008/tokyo-evening-notes.md"), /^date: "2008-10-01T21:15:00\+09:00"$/m);
    assert.match(source(project, "posts/side/2008/cloud-and-grid-same-thing.md"), /^author: ann$/m, "the feed's author, by name, before the blog's default");
    assert.match(source(project, "posts/side/2008/red-hat-and-kvm-a-look-back.md"), /^author: bob$/m);
  });

  it("refuses a malformed export, an unknown blog or author, writing nothing", () => {
    const before = texts(postsTree(project));
    const malformed = runImport(project, [path.join(FIXTURES, "malformed.xml"), "--blog", "main"]);
    assert.equal(malformed.status, 1);
    assert.match(malformed.stderr, /malformed\.xml: not well-formed XML: the file ends inside <rss> <channel> <item> .*nothing was imported/);
    assert.equal(malformed.stdout, "");
    const blog = runImport(project, [wxr, "--blog", "nope"]);
    assert.equal(blog.status, 1);
    assert.match(blog.stderr, /unknown blog "nope"; known blogs: main, side/);
    const author = runImport(project, [wxr, "--blog", "main", "--author", "zed"]);
    assert.match(author.stderr, /unknown author "zed"; known authors: ann, bob/);
    assert.match(runImport(project, ["--blog", "main"]).stderr, /usage: npm run import -- /);
    assert.deepEqual(texts(postsTree(project)), before);

    const fresh = new Project(DATA);
    assert.equal(runImport(fresh, [path.join(FIXTURES, "malformed.xml"), "--blog", "main"]).status, 1);
    assert.equal(existsSync(path.join(fresh.root, "posts")), false);
  });

  describe("the built site", () => {
    let result: ReturnType<Project["build"]> | undefined;
    const build = () => (result ??= project.build());

    it("builds, with every post at its URL", () => {
      assert.equal(build().status, 0, build().output);
      for (const url of [
        "main/2008/06/xen-and-the-art-of-hypervisors",
        "main/2008/07/a-hostile-post",
        "main/2008/07/weekly-links",
        "main/2008/07/weekly-links-2",
        "main/2009/03/greetings-from-berlin",
        "side/2008/06/red-hat-and-kvm-a-look-back",
        "side/2008/10/tokyo-evening-notes",
        "side/2008/11/cloud-and-grid-same-thing",
        "side/2008/12/markup-in-xhtml",
      ]) {
        assert.ok(project.exists(`${url}/index.html`), url);
      }
      assert.equal(project.exists("main/2008/08/half-finished-thoughts/index.html"), false, "a WordPress draft stays a draft");
      const xen = project.read("main/2008/06/xen-and-the-art-of-hypervisors/index.html");
      assert.match(xen, /<h1[^>]*>Xen &amp; the Art of Hypervisors<\/h1>/);
      assert.match(xen, /<time datetime="2008-06-24T10:00-04:00">/);
      assert.match(xen, /<table[^>]*>[\s\S]*<th>Hypervisor<\/th>/);
      assert.match(xen, /<img src="https:\/\/old\.example\.com\/wp-content\/uploads\/2008\/06\/xen\.png" alt="Xen architecture"/);
      assert.match(project.read("main/2009/03/greetings-from-berlin/index.html"), /<time datetime="2009-03-01T09:30\+01:00">/);
    });

    it("redirects each old address to the post", () => {
      assert.equal(build().status, 0, build().output);
      const redirects = project.read("_redirects");
      assert.match(redirects, /^\/2008\/06\/24\/xen-and-the-art-of-hypervisors\/ \/main\/2008\/06\/xen-and-the-art-of-hypervisors\/ 301$/m);
      assert.match(redirects, /^\/archives\/2008\/06\/red-hat-kvm\.html \/side\/2008\/06\/red-hat-and-kvm-a-look-back\/ 301$/m);
      assert.match(
        project.read("2008/07/14/weekly-links-2/index.html"),
        /<meta http-equiv="refresh" content="0; url=\/main\/2008\/07\/weekly-links-2\/"\/?>/,
      );
    });

    it("has no script, event handler or javascript: URL from the imported HTML anywhere", () => {
      assert.equal(build().status, 0, build().output);
      const site = path.join(project.root, "_site");
      const own = /<script type="application\/ld\+json">|<script src="\/(assets\/js|pagefind)\/[^"]+"( defer)?>/g;
      for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (!entry.isFile() || !/\.(html|xml|json)$/.test(entry.name) || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
        const text = readFileSync(file, "utf8");
        const where = path.relative(site, file);
        assert.doesNotMatch(text.replace(own, ""), /<script/i, where);
        assert.doesNotMatch(text, /\son(click|mouseover|error)=|javascript:|alert\(|steal\(|document\.write/i, where);
        assert.doesNotMatch(text, /<iframe/i, where);
      }
      assert.match(project.read("side/2008/06/red-hat-and-kvm-a-look-back/index.html"), /write &lt;script&gt; as text/);
    });
  });
});

describe("an import state that names files outside the blog's folder", () => {
  const wxr = path.join(FIXTURES, "wordpress.xml");

  /** A project with the export imported once, and a file outside its posts/ to protect. */
  function imported(): { project: Project; state: string; outside: string; record: { items: Record<string, { file: string; sha256: string }> } } {
    const project = new Project({ ...DATA, "notes/keep.txt": "the user's own notes\n" });
    assert.equal(runImport(project, [wxr, "--blog", "main"]).status, 0);
    const state = path.join(project.root, "posts/main/.import-state.json");
    return { project, state, outside: path.join(project.root, "notes/keep.txt"), record: JSON.parse(readFileSync(state, "utf8")) };
  }

  for (const [label, file] of [
    ["a path that climbs out with ..", "../../notes/keep.txt"],
    ["an absolute path", "/tmp/backlist-elsewhere.md"],
  ] as const) {
    it(`refuses ${label}, with or without --force, and writes nothing`, () => {
      const { project, state, outside, record } = imported();
      const key = Object.keys(record.items)[0] ?? "";
      const entry = record.items[key];
      assert.ok(entry);
      const target = path.resolve(path.dirname(state), file);
      // The hash matches what the file holds, as an attacker would arrange.
      entry.sha256 = existsSync(target) ? createHash("sha256").update(readFileSync(target)).digest("hex") : entry.sha256;
      entry.file = file;
      writeFileSync(state, JSON.stringify(record));
      const before = texts(postsTree(project));
      for (const args of [[], ["--force"]]) {
        const result = runImport(project, [wxr, "--blog", "main", ...args]);
        assert.equal(result.status, 1, result.stdout);
        assert.match(result.stderr, new RegExp(`posts/main/\\.import-state\\.json: items\\[${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\]\\.file: "${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`));
        assert.match(result.stderr, /nothing was imported/);
      }
      assert.equal(readFileSync(outside, "utf8"), "the user's own notes\n");
      assert.equal(existsSync("/tmp/backlist-elsewhere.md"), false);
      assert.deepEqual(texts(postsTree(project)), before);
    });
  }

  it("refuses to write through a year folder that is a symbolic link out of the project", () => {
    const project = new Project(DATA);
    const elsewhere = mkdtempSync(path.join(tmpdir(), "backlist-elsewhere-"));
    mkdirSync(path.join(project.root, "posts/main"), { recursive: true });
    symlinkSync(elsewhere, path.join(project.root, "posts/main/2008"));
    const result = runImport(project, [wxr, "--blog", "main", "--force"]);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stderr, /refusing to write "2008\/[a-z0-9-]+\.md" leads outside posts\/main\/ through a symbolic link/);
    assert.deepEqual(readdirSync(elsewhere), []);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
