/**
 * A real WordPress export in, whole (tests/fixtures/import/wordpress-quirks.xml):
 * every item's outcome in the report, the export's authors added to
 * `_data/authors.yaml` without touching the existing ones, comments files in
 * the agreed format, pages at their paths; the built site with every post
 * and page at its URL, old addresses redirecting, nothing unpublished and no
 * script anywhere; importing again changes no byte, a hand edit survives,
 * several files of one export import as one, and state files keyed by guid
 * carry over.
 */
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { Project, REPO } from "./project.ts";

const FIXTURES = path.join(REPO, "tests/fixtures/import");
const QUIRKS = path.join(FIXTURES, "wordpress-quirks.xml");

const AUTHORS = "# The archive's authors, kept as written.\nann:\n  name: Ann Author\n  bio: Wrote the first posts.\n";
const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Quirks archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
  "_data/authors.yaml": AUTHORS,
  "_data/blogs.yaml": "main:\n  title: Main Blog\n",
};

const runImport = (project: Project, args: string[]) => project.run("src/tools/import.ts", args);

/** Every file the import may touch (posts/ and _data/), with text and modification time. */
function tree(project: Project): Map<string, { text: string; mtime: number }> {
  const files = new Map<string, { text: string; mtime: number }>();
  for (const top of ["posts", "_data"]) {
    const root = path.join(project.root, top);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(project.root, file).split(path.sep).join("/"), { text: readFileSync(file, "utf8"), mtime: statSync(file).mtimeMs });
    }
  }
  return files;
}
const source = (project: Project, file: string) => readFileSync(path.join(project.root, file), "utf8");

const POSTS = [
  "posts/main/2010/2010-03-09.md",
  "posts/main/2010/a-custom-permalink-shape.md",
  "posts/main/2010/a-post-people-talked-about.comments.yaml",
  "posts/main/2010/a-post-people-talked-about.md",
  "posts/main/2010/a-talk-worth-watching.md",
  "posts/main/2010/archives-style-permalink.md",
  "posts/main/2010/blocks-blocks-everywhere.md",
  "posts/main/2010/hello-world.md",
  "posts/main/2010/links-code-and-leftovers.md",
  "posts/main/2010/photos-from-the-datacenter.md",
  "posts/main/2010/shared-guid-first.md",
  "posts/main/2010/shared-guid-second.md",
  "posts/main/pages/about.md",
  "posts/main/pages/about/team.md",
];

describe("importing a WordPress export with every quirk", () => {
  const project = new Project(DATA);
  let first: ReturnType<typeof runImport> | undefined;
  const imported = () => (first ??= runImport(project, [QUIRKS, "--blog", "main"]));

  it("gives every item an outcome and exits 0; the report counts outcomes and skip reasons and names each item not created", () => {
    const result = imported();
    assert.equal(result.status, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /\(WordPress export, 25 items\) into posts\/main\/:\n  13 created, 0 updated, 0 unchanged, 0 conflicts, 12 skipped\n/);
    assert.match(out, /^  skipped: 2 attachment, 2 private, 1 draft, 1 menu item, 1 password-protected, 1 pending, 1 revision, 1 scheduled, 1 trash, 1 unsupported type$/m);
    for (const [title, reason] of [
      ['post "A Protected Post"', "password-protected \\(--include-protected imports it\\)"],
      ['post "A Scheduled Post"', "scheduled"],
      ['post "A Draft"', "draft"],
      ['post "A Private Post"', "private"],
      ['post "A Pending Post"', "pending"],
      ['post "A Trashed Post"', "trash"],
      ['attachment "racks"', "attachment"],
      ['page "Contact \\(private\\)"', "private"],
      ['post "Hello World"', "revision"],
      ['post "Home"', "menu item"],
      ['post "Contact form"', "unsupported type \\(wpcf7_contact_form\\)"],
    ]) {
      assert.match(out, new RegExp(`^  item \\d+ of .*wordpress-quirks\\.xml \\(${title}\\): skipped: ${reason}$`, "m"), title);
    }
    assert.match(out, /^Warnings:\n  posts\/main\/2010\/2010-03-09\.md: title: the item has none; written as "Untitled post of 2010-03-09"$/m);
    // The fifth event handler is in the caption the block post's image takes from its attachment.
    assert.match(out, /^Removed from imported content: 3 scripts, 1 iframe, 5 event handlers, 3 javascript: URLs, 1 data: URL$/m);
    assert.match(out, /^  posts\/main\/2010\/blocks-blocks-everywhere\.md: 1 event handler$/m);
    assert.match(out, /^Images and files: 4 files in 2 posts, left at their old addresses \(--media <folder> or --fetch-media brings them home\)$/m);
    assert.match(out, /^  posts\/main\/2010\/links-code-and-leftovers\.md: 1 script, 1 iframe, 1 event handler, 2 javascript: URLs, 1 data: URL$/m);
    assert.match(out, /^  posts\/main\/2010\/a-post-people-talked-about\.md: 1 script, 2 event handlers, 1 javascript: URL$/m);
    assert.match(out, /^Unknown shortcodes \(kept as text\): \[contact-form-7\] 1, \[unknownthing\] 1$/m);
    assert.match(out, /^Comments: 5 comments in 1 file; left out 1 spam, 1 pending, 1 trash$/m);
    assert.match(out, /^Authors added to _data\/authors\.yaml: bwriter, carol-guest$/m);
    assert.deepEqual([...tree(project).keys()].filter((file) => file.startsWith("posts/") && !file.endsWith(".import-state.json")).sort(), POSTS);
  });

  it("adds the export's authors to _data/authors.yaml, keeping the file and every author in it as they were", () => {
    imported();
    const text = source(project, "_data/authors.yaml");
    assert.ok(text.startsWith(AUTHORS), text);
    assert.deepEqual(parseYaml(text), {
      ann: { name: "Ann Author", bio: "Wrote the first posts." },
      bwriter: { name: "Bob Writer" },
      "carol-guest": { name: "Carol Guest" },
    });
    assert.match(source(project, "posts/main/2010/hello-world.md"), /^author: ann$/m, "the login that is already an author");
    assert.match(source(project, "posts/main/2010/a-talk-worth-watching.md"), /^author: carol-guest$/m);
  });

  it("adds the export's site to old_origins in _data/site.yaml, keeping the rest of the file", () => {
    const result = imported();
    assert.match(result.stdout, /^Old site added to old_origins in _data\/site\.yaml: https:\/\/quirks\.example\.net$/m);
    const text = source(project, "_data/site.yaml");
    assert.ok(text.startsWith(DATA["_data/site.yaml"] ?? ""), text);
    assert.deepEqual((parseYaml(text) as { old_origins?: unknown }).old_origins, ["https://quirks.example.net"]);
  });

  it("writes the comments file in the agreed format: every field, threads, the pingback, sanitised markdown bodies", () => {
    imported();
    const comments = parseYaml(source(project, "posts/main/2010/a-post-people-talked-about.comments.yaml")) as Record<string, unknown>[];
    assert.deepEqual(comments, [
      { id: 101, author: "Dana Reader", url: "https://dana.example.org/", date: "2010-08-02T10:00:00-04:00", verified: false, body: "Great post! [My blog](https://dana.example.org/)\n\nSecond paragraph." },
      { id: 102, author: "Ann A.", date: "2010-08-02T11:00:00-04:00", parent: 101, body: "Thanks, Dana.\n\n_Glad_ you liked it." },
      { id: 103, author: "Dana Reader", url: "https://dana.example.org/", date: "2010-08-02T12:30:00-04:00", parent: 102, verified: false, body: "One more question: click is this right?" },
      { id: 104, author: "Other Blog", url: "https://other.example.com/2010/08/03/a-reply/", date: "2010-08-03T09:00:00-04:00", type: "pingback", verified: false, body: "\\[…\\] as Quirky Old Blog wrote \\[…\\]" },
      { id: 108, author: "Anonymous", date: "2010-08-05T09:00:00-04:00", verified: false, body: "An anonymous reply to the spam, `x < y`." },
    ]);
    const state = JSON.parse(source(project, "posts/main/.import-state.json")) as { items: Record<string, { file: string }> };
    assert.equal(state.items["wp-post:25@quirks.example.net#comments"]?.file, "2010/a-post-people-talked-about.comments.yaml", "recorded like a post");
  });

  it("converts shortcodes, blocks and embeds, and links to other items' old addresses become .md cross-links", () => {
    imported();
    const links = source(project, "posts/main/2010/links-code-and-leftovers.md");
    assert.match(links, /^summary: "This is the teaser, before the fold\."$/m, "<!--more--> ends the summary");
    assert.match(links, /\[the first post\]\(hello-world\.md\), \[the archives-style post\]\(archives-style-permalink\.md#details\), \[the block post\]\(blocks-blocks-everywhere\.md\), \[the team page\]\(\/main\/about\/team\/\) and \[a draft\]\(https:\/\/quirks\.example\.net\/\?p=18\)/);
    assert.match(links, /```python\nif a < b and b > c:\n {4}print\("ok"\)\n```/);
    assert.match(links, /\\\[unknownthing foo="bar"\\\]Some text inside/);
    const talk = source(project, "posts/main/2010/a-talk-worth-watching.md");
    assert.equal((talk.match(/\[Xen Internals, the Talk\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\)/g) ?? []).length, 2, "the cached oEmbed's title");
    const photos = source(project, "posts/main/2010/photos-from-the-datacenter.md");
    assert.match(photos, /!\[Racks of servers\]\(https:\/\/quirks\.example\.net\/wp-content\/uploads\/2010\/05\/racks\.jpg\)\n\nThe racks, _row\u00a0one_/, "the caption, its no-break space kept");
    assert.match(photos, /!\[cooling\]\(https:\/\/quirks\.example\.net\/wp-content\/uploads\/2010\/05\/cooling\.jpg\)\n\nThe cooling \*\*plant\*\*/, "the gallery from the export's attachments");
    const blocks = source(project, "posts/main/2010/blocks-blocks-everywhere.md");
    assert.doesNotMatch(blocks, /wp:/);
    // The image block without a caption takes its attachment's; the one with a caption keeps its own.
    assert.match(blocks, /!\[Cooling\]\(https:\/\/quirks\.example\.net\/wp-content\/uploads\/2010\/05\/cooling\.jpg\)\n\nThe cooling \*\*plant\*\*/);
    assert.match(blocks, /!\[Racks again\]\([^)]*racks\.jpg\)\n\nThe racks, once more\n/);
    assert.match(blocks, /## What changed[\s\S]*> Blocks are the future\.[\s\S]*```python\ndef hello\(\):[\s\S]*\| Block \| Kind \|[\s\S]*---\n\n\[Xen Internals, the Talk\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\) — The talk, embedded/);
    assert.match(source(project, "posts/main/pages/about/team.md"), /^title: "The Team"\n[\s\S]*^aliases:\n  - \/about\/team\/\n[\s\S]*^order: 1$/m);
    assert.match(source(project, "posts/main/2010/hello-world.md"), /^title: "Hello World & Friends"$/m);
    assert.match(source(project, "posts/main/2010/hello-world.md"), /^tags: \[Tech, Hello\]$/m, "categories flattened, Uncategorized dropped");
  });

  describe("the built site", () => {
    let built: ReturnType<Project["build"]> | undefined;
    const build = () => {
      imported();
      return (built ??= project.build());
    };

    it("builds, every post and page at its URL, the pages linked from the blog and in the sitemap", () => {
      assert.equal(build().status, 0, build().output);
      for (const url of [
        "main/2010/01/hello-world",
        "main/2010/02/shared-guid-first",
        "main/2010/02/shared-guid-second",
        "main/2010/03/2010-03-09",
        "main/2010/05/photos-from-the-datacenter",
        "main/2010/06/a-talk-worth-watching",
        "main/2010/07/blocks-blocks-everywhere",
        "main/2010/08/a-post-people-talked-about",
        "main/2010/09/links-code-and-leftovers",
        "main/2010/10/archives-style-permalink",
        "main/2010/11/a-custom-permalink-shape",
        "main/about",
        "main/about/team",
      ]) {
        assert.ok(project.exists(`${url}/index.html`), url);
      }
      const team = project.read("main/about/team/index.html");
      assert.match(team, /<nav class="breadcrumbs"[\s\S]*<a href="\/main\/">Main Blog<\/a>[\s\S]*<a href="\/main\/about\/">About<\/a>[\s\S]*aria-current="page">The Team</);
      assert.match(team, /<article class="post standalone-page" data-pagefind-body[ >]/);
      assert.match(project.read("main/index.html"), /<nav class="blog-pages" aria-label="Pages"><ul class="archive-months"><li><a href="\/main\/about\/">About<\/a><\/li><li><a href="\/main\/about\/team\/">The Team<\/a><\/li>/);
      assert.match(project.read("sitemap.xml"), /<loc>https:\/\/example\.org\/main\/about\/team\/<\/loc>/);
      assert.match(project.read("main/2010/01/hello-world/index.html"), /Linked from[\s\S]*<a href="\/main\/2010\/09\/links-code-and-leftovers\/">Links, Code and Leftovers<\/a>/, "the /?p=12 link is a backlink");
      assert.match(project.read("main/2010/09/links-code-and-leftovers/index.html"), /<a href="\/main\/2010\/10\/archives-style-permalink\/#details">/);
    });

    it("keeps each item's WordPress number as an old address: /?p=12 for a post, /?page_id=31 for a page, in the one map the home page's script reads", () => {
      assert.equal(build().status, 0, build().output);
      assert.match(source(project, "posts/main/2010/hello-world.md"), /^aliases:\n  - \/2010\/01\/04\/hello-world\/\n  - \/\?p=12$/m);
      assert.match(source(project, "posts/main/pages/about/team.md"), /^aliases:\n  - \/about\/team\/\n  - \/\?page_id=31$/m);
      const map = JSON.parse(project.read("assets/old-addresses.json")) as { p: Record<string, string>; page_id: Record<string, string> };
      assert.equal(map.p["12"], "/main/2010/01/hello-world/");
      assert.equal(map.p["26"], "/main/2010/09/links-code-and-leftovers/");
      assert.equal(map.page_id["31"], "/main/about/team/");
      assert.equal(map.p["18"], undefined, "the draft has no address");
      assert.match(project.read("index.html"), /<script src="\/assets\/js\/old-address\.js" defer><\/script>/);
    });

    it("shows the imported comments threaded, the pingback apart, on the post's page", () => {
      assert.equal(build().status, 0, build().output);
      const page = project.read("main/2010/08/a-post-people-talked-about/index.html");
      // Dana's comment holds Ann's reply, which holds Dana's answer: three deep.
      assert.match(page, /<li[^>]*id="comment-101"[\s\S]*<li[^>]*id="comment-102"[\s\S]*<li[^>]*id="comment-103"/);
      const thread = page.slice(page.indexOf('id="comment-101"'), page.indexOf("Mentioned elsewhere"));
      assert.match(thread, /id="comment-102"/, "the reply sits inside its parent's item");
      assert.match(page, /Mentioned elsewhere[\s\S]*other\.example\.com/);
      assert.match(page, /id="comment-108"/);
      assert.match(page, /identity not verified/);
      assert.match(page, /Comments are closed; this is an archive/);
    });

    it("redirects every shape of old permalink", () => {
      assert.equal(build().status, 0, build().output);
      const redirects = project.read("_redirects");
      for (const line of [
        "/2010/01/04/hello-world/ /main/2010/01/hello-world/ 301",
        "/archives/27 /main/2010/10/archives-style-permalink/ 301",
        "/blog/a-custom-permalink-shape.html /main/2010/11/a-custom-permalink-shape/ 301",
        "/about/team/ /main/about/team/ 301",
      ]) {
        assert.ok(redirects.split("\n").includes(line), line);
      }
      assert.match(project.read("blog/a-custom-permalink-shape.html"), /<meta http-equiv="refresh" content="0; url=\/main\/2010\/11\/a-custom-permalink-shape\/"/);
      assert.match(project.read("about/index.html"), /<meta http-equiv="refresh" content="0; url=\/main\/about\/"/);
    });

    it("shows nothing unpublished and no script, iframe, handler or javascript: URL anywhere", () => {
      assert.equal(build().status, 0, build().output);
      const site = path.join(project.root, "_site");
      const own = /<script type="application\/ld\+json">|<script src="\/(assets\/js|pagefind)\/[^"]+"( defer)?>/g;
      for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (!entry.isFile() || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
        const text = readFileSync(file, "utf8");
        const where = path.relative(site, file);
        assert.doesNotMatch(text.replace(own, ""), /<script/i, where);
        assert.doesNotMatch(text, /\son(click|mouseover|error|load)=|javascript:|alert\(|steal\(|document\.write|<iframe|data:image/i, where);
        assert.doesNotMatch(text, /A Protected Post|Only readers with the password|A Scheduled Post|A Draft|A Private Post|A Pending Post|A Trashed Post|Contact \(private\)|Buy now|Waiting for moderation/, where);
      }
    });
  });

  it("imports again without changing a byte or a modification time", () => {
    imported();
    const before = tree(project);
    const again = runImport(project, [QUIRKS, "--blog", "main"]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /0 created, 0 updated, 13 unchanged, 0 conflicts, 12 skipped/);
    assert.deepEqual(tree(project), before);
  });

  it("keeps a hand edit of a post and of a comments file on re-import, listing both", () => {
    imported();
    const post = "posts/main/2010/hello-world.md";
    const comments = "posts/main/2010/a-post-people-talked-about.comments.yaml";
    appendFileSync(path.join(project.root, post), "\nAdded by hand.\n");
    appendFileSync(path.join(project.root, comments), "# checked by hand\n");
    const before = tree(project);
    const result = runImport(project, [QUIRKS, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /12 unchanged, 1 conflict, 12 skipped/);
    assert.match(result.stdout, /^  posts\/main\/2010\/hello-world\.md: conflict: edited since it was imported; kept as it is$/m);
    assert.match(result.stdout, /^  posts\/main\/2010\/a-post-people-talked-about\.comments\.yaml: conflict: edited since it was imported; kept as it is$/m);
    assert.deepEqual(tree(project), before);
    assert.match(source(project, post), /Added by hand\.\n$/);
  });
});

describe("more of one export", () => {
  it("--include-protected imports the password-protected post", () => {
    const project = new Project(DATA);
    const result = runImport(project, [QUIRKS, "--blog", "main", "--include-protected"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /14 created, 0 updated, 0 unchanged, 0 conflicts, 11 skipped/);
    assert.match(source(project, "posts/main/2010/a-protected-post.md"), /Only readers with the password saw this\./);
  });

  it("several files of one export, in one run, import as the single file does", () => {
    const whole = new Project(DATA);
    assert.equal(runImport(whole, [QUIRKS, "--blog", "main"]).status, 0);
    // The export split as WordPress's splitters do: the channel's head in each file, the items shared out.
    const text = readFileSync(QUIRKS, "utf8");
    const head = text.slice(0, text.indexOf("\t<item>"));
    const items = text.slice(text.indexOf("\t<item>"), text.lastIndexOf("</channel>")).split(/(?=\t<item>)/);
    const split = new Project(DATA);
    const half = Math.ceil(items.length / 2);
    // The second half first: galleries and links still find what the other file holds.
    split.write({ "part-1.xml": `${head}${items.slice(half).join("")}</channel>\n</rss>\n`, "part-2.xml": `${head}${items.slice(0, half).join("")}</channel>\n</rss>\n` });
    const result = runImport(split, ["part-1.xml", "part-2.xml", "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Imported part-1\.xml, part-2\.xml \(WordPress export, 25 items\) into posts\/main\/:\n  13 created/);
    const texts = (project: Project) => new Map([...tree(project)].filter(([file]) => !file.endsWith(".import-state.json")).map(([file, { text }]) => [file, text]));
    assert.deepEqual(texts(split), texts(whole));
  });

  it("a file given twice is one set of items: the second copy of each is skipped as the same item", () => {
    const project = new Project(DATA);
    const result = runImport(project, [QUIRKS, QUIRKS, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /13 created, 0 updated, 0 unchanged, 0 conflicts, 37 skipped/);
    assert.match(result.stdout, /skipped: the same item as item 1 \(post id 12\)$/m);
  });

  it("refuses an export with an external entity, writing nothing, with a message and no stack trace", () => {
    const project = new Project(DATA);
    const result = runImport(project, [path.join(FIXTURES, "xxe.xml"), "--blog", "main"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^backlist import: .*xxe\.xml:3: has a document type declaration with its own definitions/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(project.exists("../posts"), false);
  });

  it("lists every option with --help", () => {
    const result = runImport(new Project(DATA), ["--help"]);
    assert.equal(result.status, 0, result.stderr);
    for (const option of ["--blog <id>", "--author <id>", "--include-protected", "--force", "--help"]) assert.match(result.stdout, new RegExp(option.replace(/[<>]/g, "\\$&")));
  });

  it("carries over a state file keyed by guid (as earlier versions wrote it): nothing is created twice", () => {
    const project = new Project({ ...DATA, "_data/authors.yaml": "ann:\n  name: Ann Author\nbob:\n  name: Bob Builder\n" });
    const wxr = path.join(FIXTURES, "wordpress.xml");
    assert.equal(runImport(project, [wxr, "--blog", "main"]).status, 0);
    const file = path.join(project.root, "posts/main/.import-state.json");
    const state = JSON.parse(readFileSync(file, "utf8")) as { items: Record<string, unknown> };
    const legacy = Object.fromEntries(
      Object.entries(state.items)
        .filter(([key]) => !key.includes("page_id") && !key.startsWith("wp-post:2@"))
        .map(([key, value]) => [key.replace(/^wp-post:(\d+)@old\.example\.com$/, "https://old.example.com/?p=$1"), value]),
    );
    writeFileSync(file, JSON.stringify({ items: legacy }));
    const result = runImport(project, [wxr, "--blog", "main"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /0 created, 0 updated, 6 unchanged, 0 conflicts, 2 skipped/, "the page had no record, and its file holds what the import would write");
    const migrated = JSON.parse(readFileSync(file, "utf8")) as { items: Record<string, unknown> };
    assert.ok(Object.keys(migrated.items).every((key) => key.startsWith("wp-post:")), Object.keys(migrated.items).join(", "));
  });
});
