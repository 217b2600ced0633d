/**
 * `npm run import` of a Hugo site (tests/fixtures/import/hugo-site) in a
 * throwaway project: one outcome per content file, the source detected,
 * the report's removed shortcodes with file:line, authors from the site's
 * data/authors.yaml, the bundle's images and static/'s files brought home;
 * then the build: no broken link, every post at its URL, every old address
 * (permalink, url, aliases) redirecting, no shortcode on any page but in
 * code the post wrote; and a re-import that changes nothing.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { Project, REPO, postsTree } from "./project.ts";

const SITE = path.join(REPO, "tests/fixtures/import/hugo-site");

const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Imported archive\nurl: https://example.org\ntimezone: Europe/London\npublisher: Test Publisher\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\n",
  "_data/blogs.yaml": "main:\n  title: Main Blog\n",
};

/** Every page and feed of the built site (HTML, XML, JSON), by its path. */
function pages(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:html|xml|json)$/.test(entry.name) || entry.parentPath.includes("pagefind")) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file).split(path.sep).join("/"), readFileSync(file, "utf8"));
  }
  return out;
}

/** What a page shows outside its code: `<pre>` and `<code>` taken out, then entities decoded (a feed's HTML twice). */
function outsideCode(text: string): string {
  let shown = text;
  for (let i = 0; i < 2; i++) {
    shown = shown
      .replace(/<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>/gi, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  }
  return shown;
}

const POSTS = [
  "main/2018/11/dated-name/",
  "main/2019/03/hello-hugo/",
  "main/2019/03/yaml-post/",
  "main/2020/01/json-post/",
  "main/2020/07/quick-note/",
  "main/2020/08/html-note/",
  "main/2021/06/bundled/",
];

describe("importing a Hugo site", () => {
  const project = new Project(DATA);
  const source = (file: string) => readFileSync(path.join(project.root, file), "utf8");
  let first: ReturnType<Project["run"]> | undefined;
  const imported = () => (first ??= project.run("src/tools/import.ts", [SITE, "--blog", "main"]));

  it("detects the site, gives every content file an outcome and lists each removed shortcode with its line", () => {
    const result = imported();
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /^Source: .*hugo-site: Hugo site \(detected: a folder with content\/ and config\.toml\)$/m);
    assert.match(result.stdout, /\(Hugo site, 14 items\) into posts\/main\/:\n  8 created, 0 updated, 0 unchanged, 0 conflicts, 6 skipped\n  skipped: 2 section page, 1 expired, 1 headless, 1 not in a section, 1 unreadable front matter\n/);
    assert.match(result.stdout, /content\/_index\.md \(section page "Home"\): skipped: section page \(_index\): a list of the section's pages, not a post/);
    assert.match(result.stdout, /content\/about\.md \(page "About"\): skipped: not in a section: a page of the site, not a post/);
    assert.match(result.stdout, /content\/posts\/headless-bundle\/index\.md \(post "Shared images"\): skipped: headless/);
    assert.match(result.stdout, /content\/posts\/broken\.md \(post "Broken"\): skipped: unreadable front matter: content\/posts\/broken\.md:2: .*\(TOML\)/);
    assert.match(result.stdout, /Shortcodes removed \(not drawn by the import\): 4 shortcodes\n/);
    // WordPress's own line is for WordPress exports.
    assert.doesNotMatch(result.stdout, /Unknown shortcodes/);
    assert.match(result.stdout, /hugo-site\/content\/posts\/hello-hugo\.md:16: \{\{% notice tip %\}\} \(a shortcode of the theme, or one the import does not draw; its inner text kept\) → posts\/main\/2019\/hello-hugo\.md/);
    assert.match(result.stdout, /hugo-site\/content\/posts\/hello-hugo\.md:28: \{\{< newsletter \/>\}\} \(a shortcode of the theme, or one the import does not draw\) → posts\/main\/2019\/hello-hugo\.md/);
    assert.match(result.stdout, /hugo-site\/content\/posts\/json-post\.md:14: \{\{< rawhtml >\}\} \(.*its inner text kept\)/);
    assert.match(result.stdout, /hugo-site\/content\/posts\/yaml-post\.md:30: \{\{< gallery dir="\/images\/trip" >\}\}/);
    assert.match(result.stdout, /posts\/main\/2018\/dated-name\.md: title: the post has none; written as "Dated Name"/);
    assert.match(result.stdout, /content\/posts\/expired\.md \(post "An offer that ended"\): skipped: expired \(expiryDate 2020-01-01\): Hugo no longer published it/);
    assert.match(result.stdout, /posts\/main\/2020\/html-note\.md: 1 script/);
    assert.match(result.stdout, /local +bundled\/photo\.png ← https:\/\/hugo\.example\.com\/2021\/06\/a-page-bundle\/photo\.png/);
    assert.match(result.stdout, /local +hello-hugo\/gopher\.png ← https:\/\/hugo\.example\.com\/images\/gopher\.png/);
    assert.match(result.stdout, /Authors added to _data\/authors\.yaml: ana, ben, cleo/);
    assert.match(result.stdout, /Old site added to old_origins in _data\/site\.yaml: https:\/\/hugo\.example\.com/);
  });

  it("writes the posts with their front matter mapped, shortcodes read and the images beside them", () => {
    imported();
    const hello = source("posts/main/2019/hello-hugo.md");
    assert.match(hello, /^title: "Hello, \\"Hugo\\" & friends"$/m);
    assert.match(hello, /^date: "2019-03-04T10:00:00\+02:00"$/m);
    assert.match(hello, /^updated: "2019-03-10T09:00:00\+02:00"$/m);
    assert.match(hello, /^author: ben$/m);
    assert.match(hello, /^tags: \[Meta, hugo, static sites, Moving house\]$/m);
    assert.match(hello, /^summary: "This blog moved to Hugo\. Read the setup first\."$/m);
    assert.match(hello, /^aliases:\n  - \/2019\/03\/hello-hugo-emfriends\/em\/$/m);
    assert.match(hello, /^original_url: "https:\/\/hugo\.example\.com\/2019\/03\/hello-hugo-emfriends\/em\/"$/m);
    assert.match(hello, /\[the setup\]\(yaml-post\.md#setup\)/);
    assert.match(hello, /\[!\[A gopher at a desk\]\(hello-hugo\/gopher\.png "The gopher"\)\]\(https:\/\/go\.dev\/\)\n\n\*\*The gopher\*\* Our _mascot_, at work/);
    assert.match(hello, /Keep \*\*every\*\* post in `content\/posts\/`\./);
    assert.match(hello, /```go\npackage main\n\nfunc main\(\) \{ println\("hello"\) \}\n```/);
    assert.match(hello, /\[YouTube video dQw4w9WgXcQ\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\)/);
    assert.match(hello, /\[the cheat sheet\]\(hello-hugo\/cheatsheet\.pdf\)/);
    assert.ok(existsSync(path.join(project.root, "posts/main/2019/hello-hugo/gopher.png")));
    assert.ok(existsSync(path.join(project.root, "posts/main/2019/hello-hugo/cheatsheet.pdf")));
    const yaml = source("posts/main/2019/yaml-post.md");
    assert.match(yaml, /^date: "2019-03-04"$/m);
    assert.match(yaml, /^author: \[ana, ben, cleo\]$/m);
    assert.match(yaml, /^summary: "How the site is set up, in YAML\."$/m);
    assert.match(yaml, /```go-html-template\n\{\{< youtube dQw4w9WgXcQ >\}\}\n\{\{< figure src="x\.png" >\}\}\n```/, "code keeps its shortcodes; the escape is the literal text");
    assert.match(yaml, /Inline, `\{\{< ref "other\.md" >\}\}` is how/);
    assert.match(yaml, /\[Gist img\.html by spf13\]\(https:\/\/gist\.github\.com\/spf13\/7896402#file-img-html\)/);
    assert.match(yaml, /\[Post by @GoHugoIO on X\]\(https:\/\/x\.com\/GoHugoIO\/status\/1315233626070503424\)/);
    assert.match(yaml, /\[Vimeo: A talk\]\(https:\/\/vimeo\.com\/146022717\)/);
    const json = source("posts/main/2020/json-post.md");
    assert.match(json, /^date: "2020-01-15T08:30:00\+01:00"$/m, "a time without offset is in the site's timeZone");
    assert.match(json, /\[the first post\]\(\.\.\/2019\/hello-hugo\.md\)/);
    assert.match(json, /\[the YAML post\]\(\.\.\/2019\/yaml-post\.md\) by its old address/);
    assert.match(json, /The site's motto: Small tools, sharp edges\./);
    assert.match(json, /write `\{\{< youtube id >\}\}` in a post/);
    const bundle = source("posts/main/2021/bundled.md");
    assert.match(bundle, /^aliases:\n  - \/2021\/06\/a-page-bundle\/\n  - \/old\/bundle\/\n  - \/posts\/older-bundle\/$/m);
    assert.match(bundle, /!\[A photo of the office\]\(bundled\/photo\.png\)/);
    assert.match(bundle, /!\[Requests per second\]\(bundled\/chart\.png "Traffic"\)\n\n\*\*Traffic\*\* Requests per \*\*second\*\*/);
    assert.ok(existsSync(path.join(project.root, "posts/main/2021/bundled/photo.png")));
    assert.ok(existsSync(path.join(project.root, "posts/main/2021/bundled/chart.png")));
    assert.ok(existsSync(path.join(project.root, "posts/main/2021/bundled/slides.pdf")), "a bundle's file its text does not name is the post's all the same");
    const html = source("posts/main/2020/html-note.md");
    assert.match(html, /\[the quick note\]\(quick-note\.md\)/);
    assert.match(html, /```\n\{\{< notice >\}\} stays as it is in code\n```/);
    assert.doesNotMatch(html, /script|alert/);
    assert.match(html, /^  - \/legacy\/html-note\.html$/m);
    assert.match(source("posts/main/2020/quick-note.md"), /^  - \/notes\/quick-note\/$/m);
    assert.match(source("posts/main/2020/quick-note.md"), /\[the bundle\]\(\.\.\/2021\/bundled\.md\)/);
    assert.match(source("posts/main/2018/dated-name.md"), /^date: "2018-11-02"$/m);
    assert.match(source("posts/main/2020/draft-idea.md"), /^draft: true$/m);
    assert.match(source("posts/main/2020/draft-idea.md"), /^date: "2020-05-05T21:15:00\+02:00"$/m);
    assert.match(source("_data/authors.yaml"), /^cleo:\n  name: Cleo Coder$/m);
    assert.match(source("_data/site.yaml"), /^old_origins:\n  - https:\/\/hugo\.example\.com$/m);
  });

  it("builds with no broken link, each post at its URL, every old address redirecting, and no shortcode on any page", () => {
    imported();
    const build = project.build();
    assert.equal(build.status, 0, build.output);
    assert.doesNotMatch(build.output, /broken|error/i);
    const site = path.join(project.root, "_site");
    for (const url of POSTS) assert.ok(existsSync(path.join(site, url, "index.html")), url);
    assert.equal(existsSync(path.join(site, "main/2020/05/draft-idea/index.html")), false, "a draft is not built");
    const redirects = readFileSync(path.join(site, "_redirects"), "utf8");
    const moved: [from: string, to: string][] = [
      ["/2018/11/dated-name/", "/main/2018/11/dated-name/"],
      ["/2019/03/hello-hugo-emfriends/em/", "/main/2019/03/hello-hugo/"],
      ["/2019/03/yaml-front-matter/", "/main/2019/03/yaml-post/"],
      ["/2020/01/written-in-json/", "/main/2020/01/json-post/"],
      ["/notes/quick-note/", "/main/2020/07/quick-note/"],
      ["/legacy/html-note.html", "/main/2020/08/html-note/"],
      ["/2021/06/a-page-bundle/", "/main/2021/06/bundled/"],
      ["/old/bundle/", "/main/2021/06/bundled/"],
      ["/posts/older-bundle/", "/main/2021/06/bundled/"],
    ];
    for (const [from, to] of moved) {
      assert.match(redirects, new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} ${to.replace(/\//g, "\\/")} 301$`, "m"));
      const page = from.endsWith(".html") ? from : `${from}index.html`;
      assert.match(readFileSync(path.join(site, page), "utf8"), new RegExp(`url=${to.replace(/\//g, "\\/")}`), page);
    }
    const hello = readFileSync(path.join(site, "main/2019/03/hello-hugo/index.html"), "utf8");
    assert.match(hello, /<img[^>]+gopher\.png/);
    assert.match(readFileSync(path.join(site, "main/2021/06/bundled/index.html"), "utf8"), /<img[^>]+photo\.png[\s\S]*<img[^>]+chart\.png/);
    const built = pages(site);
    assert.ok(built.has("feed.xml") && built.has("main/2019/03/hello-hugo/index.html"), [...built.keys()].join(" "));
    for (const [file, text] of built) assert.doesNotMatch(outsideCode(text), /\{\{<|\{\{%|\}\}/, file);
    // The code the posts wrote keeps its shortcodes, as text.
    assert.match(readFileSync(path.join(site, "main/2019/03/yaml-post/index.html"), "utf8"), /\{\{&lt; youtube dQw4w9WgXcQ &gt;\}\}/);
  });

  it("imports again without changing a file", () => {
    imported();
    const before = postsTree(project, "latin1");
    const again = project.run("src/tools/import.ts", [SITE, "--blog", "main", "--from", "hugo"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /Hugo site \(--from hugo\)/);
    assert.match(again.stdout, /0 created, 0 updated, 8 unchanged, 0 conflicts, 6 skipped/);
    assert.match(again.stdout, /5 files in 2 posts: 0 local, 0 downloaded, 0 from the web archive, 5 already there, 0 missing/);
    assert.deepEqual(postsTree(project, "latin1"), before);
  });

  it("keeps a post edited since, as a conflict, until --force", () => {
    imported();
    const file = path.join(project.root, "posts/main/2020/json-post.md");
    const edited = `${readFileSync(file, "utf8")}\nA line added by hand.\n`;
    writeFileSync(file, edited);
    const again = project.run("src/tools/import.ts", [SITE, "--blog", "main"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /posts\/main\/2020\/json-post\.md: conflict: edited since it was imported; kept as it is/);
    assert.equal(readFileSync(file, "utf8"), edited);
    const forced = project.run("src/tools/import.ts", [SITE, "--blog", "main", "--force"]);
    assert.equal(forced.status, 0, forced.output);
    assert.match(forced.stdout, /posts\/main\/2020\/json-post\.md: overwritten/);
    assert.doesNotMatch(readFileSync(file, "utf8"), /added by hand/);
  });

  it("refuses --from jekyll for a Hugo site and --from hugo for a file, writing nothing", () => {
    const other = new Project({ ...DATA, "feed.xml": "<rss version=\"2.0\"><channel><title>x</title></channel></rss>" });
    const jekyll = other.run("src/tools/import.ts", [SITE, "--blog", "main", "--from", "jekyll"]);
    assert.equal(jekyll.status, 1, jekyll.output);
    assert.match(jekyll.stderr, /no Jekyll site/);
    const file = other.run("src/tools/import.ts", ["feed.xml", "--blog", "main", "--from", "hugo"]);
    assert.equal(file.status, 1, file.output);
    assert.match(file.stderr, /--from hugo reads a site's folder/);
    assert.equal(existsSync(path.join(other.root, "posts")), false);
  });
});

describe("a Hugo site with symbolic links leading out of it", () => {
  it("reads nothing through them: the post is skipped with its reason, the images are not copied", () => {
    const project = new Project(DATA);
    const site = path.join(project.root, "old-site");
    cpSync(SITE, site, { recursive: true });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "backlist-elsewhere-"));
    const png = readFileSync(path.join(SITE, "static/images/gopher.png"));
    writeFileSync(path.join(elsewhere, "secret.md"), "---\ntitle: Secret\ndate: 2019-01-01\n---\nprivate words\n");
    writeFileSync(path.join(elsewhere, "secret.png"), png);
    symlinkSync(path.join(elsewhere, "secret.md"), path.join(site, "content/posts/leak.md"));
    for (const image of ["static/images/gopher.png", "content/posts/my-bundle/photo.png"]) {
      rmSync(path.join(site, image));
      symlinkSync(path.join(elsewhere, "secret.png"), path.join(site, image));
    }
    const result = project.run("src/tools/import.ts", ["old-site", "--blog", "main"]);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /old-site\/content\/posts\/leak\.md \(post "Leak"\): skipped: a symbolic link leading out of the site: not read/);
    assert.match(result.stdout, /missing +https:\/\/hugo\.example\.com\/images\/gopher\.png/);
    assert.match(result.stdout, /missing +https:\/\/hugo\.example\.com\/2021\/06\/a-page-bundle\/photo\.png/);
    for (const [file, { text }] of postsTree(project, "latin1")) assert.doesNotMatch(text, /private words/, file);
    assert.equal(existsSync(path.join(project.root, "posts/main/2019/hello-hugo/gopher.png")), false);
    assert.equal(existsSync(path.join(project.root, "posts/main/2021/bundled/photo.png")), false);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});

describe("a Hugo site with its config in config/_default/ and a baseURL with a path", () => {
  it("imports its posts on the site's path, YAML config and permalinks read", () => {
    const project = new Project({
      ...DATA,
      "split/config/_default/hugo.yaml": "baseURL: https://split.example.org/blog/\ntimeZone: America/New_York\n",
      "split/config/_default/permalinks.yaml": "post: /:year/:slug/\n",
      "split/content/post/first.md": "---\ntitle: First\ndate: 2016-01-02 09:00\nslug: the-first\naliases: [/old-first/]\nauthor: Ann Author\n---\nSee [the second]({{< ref \"second\" >}}).\n",
      "split/content/post/second.md": "+++\ntitle = \"Second\"\ndate = 2016-02-03\nauthor = \"ann\"\n+++\nBack to [the first](https://split.example.org/blog/2016/the-first/).\n",
    });
    const result = project.run("src/tools/import.ts", ["split", "--blog", "main"]);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /Source: split: Hugo site \(detected: a folder with content\/ and config\/_default\)/);
    const first = readFileSync(path.join(project.root, "posts/main/2016/the-first.md"), "utf8");
    assert.match(first, /^author: ann$/m, "matched by name");
    assert.match(first, /^date: "2016-01-02T09:00:00-05:00"$/m);
    assert.match(first, /^aliases:\n  - \/blog\/2016\/the-first\/\n  - \/blog\/old-first\/$/m);
    assert.match(first, /^original_url: "https:\/\/split\.example\.org\/blog\/2016\/the-first\/"$/m);
    assert.match(first, /\[the second\]\(second\.md\)/);
    assert.match(readFileSync(path.join(project.root, "posts/main/2016/second.md"), "utf8"), /\[the first\]\(the-first\.md\)/);
  });
});
