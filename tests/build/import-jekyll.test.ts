/**
 * `npm run import` of a Jekyll site (tests/fixtures/import/jekyll-site) in
 * a throwaway project: one outcome per file of `_posts/`, of a category
 * folder's `_posts/`, of `_drafts/`, per page and per collection, the
 * source detected, the report's removed Liquid and kramdown with file:line,
 * authors from the `_authors` collection, the image brought home from the
 * site's folder; then the build: no broken link, every post and page at its
 * URL, every old address redirecting, footnotes that lead to their notes,
 * no Liquid or kramdown on any page; and a re-import that changes nothing.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { Project, REPO, postsTree } from "./project.ts";

const SITE = path.join(REPO, "tests/fixtures/import/jekyll-site");

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

describe("importing a Jekyll site", () => {
  const project = new Project(DATA);
  const source = (file: string) => readFileSync(path.join(project.root, file), "utf8");
  let first: ReturnType<Project["run"]> | undefined;
  const imported = () => (first ??= project.run("src/tools/import.ts", [SITE, "--blog", "main"]));

  it("detects the site, gives every file of _posts an outcome and lists each removed Liquid tag with its line", () => {
    const result = imported();
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /^Source: .*jekyll-site: Jekyll site \(detected: a folder with _posts\/\)$/m);
    assert.match(
      result.stdout,
      /\(Jekyll site, 16 items\) into posts\/main\/:\n  10 created, 0 updated, 0 unchanged, 0 conflicts, 6 skipped\n  skipped: 1 a collection, 1 a listing of the site's posts, 1 no date, 1 not an HTML page, 1 the old site's "not found" page, 1 unreadable front matter\n/,
    );
    assert.match(result.stdout, /_posts\/2018-05-01-broken\.md \(post "Broken"\): skipped: unreadable front matter: _posts\/2018-05-01-broken\.md:\d+: /);
    assert.match(result.stdout, /_posts\/notes-without-date\.md \(post "A note without a date"\): skipped: no date/);
    assert.match(result.stdout, /Liquid and kramdown syntax removed \(not drawn by the import\): 14\n/);
    assert.match(result.stdout, /_posts\/2014-09-08-hello-jekyll\.md:10: \{% include note\.html text="draft" %\} \(an include of the old site's theme\) → posts\/main\/2014\/hello-jekyll\.md/);
    assert.match(result.stdout, /_posts\/2014-09-08-hello-jekyll\.md:11: \{\{ page\.title \}\} \(Liquid output\)/);
    assert.match(result.stdout, /_posts\/2015-1-5-second-post\.markdown:11: \{% comment %\}/);
    assert.match(result.stdout, /_posts\/2016-03-23-eastern-time\.md:9: \{% gist 12345 %\}/);
    assert.match(result.stdout, /kept as absolute links\): 1\n  posts\/main\/pages\/about\.md: https:\/\/old\.example\.net\/contact\/\n/, "the about page is imported: a link to it is no old link");
    assert.match(result.stdout, /posts\/main\/2015\/second-post\.md: author: "Tom_Smith" is not an author id of the archive; written as "tom-smith"/);
    assert.match(result.stdout, /eastern-time\.md: front matter: strict YAML refuses it/);
    assert.match(result.stdout, /an-unfinished-idea\.md: title: the post has none; written as "An Unfinished Idea"/);
    assert.match(result.stdout, /an-unfinished-idea\.md: date: the front matter says 2017-02-11, the file name 2017-02-10/);
    assert.match(result.stdout, /Authors added to _data\/authors\.yaml: jane, raj, tom-smith/);
    assert.match(result.stdout, /Old site added to old_origins in _data\/site\.yaml: https:\/\/old\.example\.net/);
  });

  it("skips the old theme's listings, feed and not-found page and the collection, each with its reason, and lists kramdown's syntax with its line", () => {
    const result = imported();
    assert.match(result.stdout, /jekyll-site\/index\.html \(page "Index"\): skipped: a listing of the site's posts \(\{% for post in paginator\.posts %\} at index\.html:6, 1 word of its own\)/);
    assert.match(result.stdout, /jekyll-site\/feed\.xml \(page "Feed"\): skipped: not an HTML page \(feed\.xml: its output is \.xml/);
    assert.match(result.stdout, /jekyll-site\/404\.html \(page "404"\): skipped: the old site's "not found" page/);
    assert.match(result.stdout, /jekyll-site\/_projects \(collection "_projects"\): skipped: a collection \(_projects\/, 1 document, output: true\): not imported/);
    assert.equal(result.stdout.split("\n").filter((line) => line.includes("_projects")).length, 1, "one line for the collection");
    assert.doesNotMatch(result.stdout, /todo|Private todo|_layouts|Gemfile/, "excluded files and the theme get no line");
    const kramdown = "_posts/2019-03-01-footnotes-and-kramdown.md";
    const at = (line: number, text: string, why: string) =>
      new RegExp(`${kramdown.replace(/[.]/g, "\\.")}:${line}: ${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} \\(${why}\\) → posts/main/2019/footnotes-and-kramdown\\.md`);
    assert.match(result.stdout, at(7, "* TOC {:toc}", "a kramdown table of contents, removed with its list"));
    assert.match(result.stdout, at(10, "{#why}", "a kramdown heading id"));
    assert.match(result.stdout, at(13, "{: .note}", "a kramdown attribute list"));
    assert.match(result.stdout, at(15, '{:target="_blank"}', "a kramdown attribute list"));
    assert.match(result.stdout, at(17, '{::options parse_block_html="true" /}', "kramdown options"));
    assert.match(result.stdout, at(18, "{::comment} This comment never reaches the page. {:/comment}", "a kramdown comment, removed with its text"));
    assert.match(result.stdout, at(22, "{::nomarkdown}", "kramdown's nomarkdown: its text kept as HTML"));
    assert.match(result.stdout, /jekyll-site\/about\.md:9: \{: \.lead\} \(a kramdown attribute list\) → posts\/main\/pages\/about\.md/);
    assert.match(result.stdout, /_posts\/2014-09-08-hello-jekyll\.md:14: \{: \.center\} \(a kramdown attribute list\)/);
    assert.match(result.stdout, /posts\/main\/2019\/a-half-written-thought\.md: date: the draft has none; written as 2019-04-02, the date of the site's newest post/);
  });

  it("writes the draft, the pages, the category folder's post and the footnotes", () => {
    imported();
    const draft = source("posts/main/2019/a-half-written-thought.md");
    assert.match(draft, /^draft: true$/m);
    assert.match(draft, /^date: "2019-04-02"$/m);
    assert.doesNotMatch(draft, /^aliases:|^original_url:/m, "a draft was never published");
    assert.match(draft, /\[the first post\]\(\.\.\/2014\/hello-jekyll\.md\)/);
    const about = source("posts/main/pages/about.md");
    assert.match(about, /^title: "About this blog"$/m);
    assert.match(about, /^aliases:\n  - \/about\/\n  - \/about-me\/$/m);
    assert.match(about, /\[a first post\]\(\.\.\/2014\/hello-jekyll\.md\)/);
    assert.match(about, /\[projects page\]\(\/main\/projects\/\)/, "{% link projects/index.html %} leads to the imported page");
    const projects = source("posts/main/pages/projects.md");
    assert.match(projects, /^aliases:\n  - \/projects\/$/m);
    assert.match(projects, /^## Things I have built$/m);
    assert.match(projects, /\[story behind it\]\(\/main\/about\/\)/);
    const kernel = source("posts/main/2019/kernel-notes.md");
    assert.match(kernel, /^tags: \[tech, linux, kernel\]$/m, "the folders' categories first");
    assert.match(kernel, /^  - \/tech\/linux\/kernel\/2019\/kernel-notes\/$/m, ":categories with the folders");
    const notes = source("posts/main/2019/footnotes-and-kramdown.md");
    assert.match(notes, /footnotes\[\^1\] and named ones\[\^2\] too\./);
    assert.match(notes, /^\[\^1\]: The first note, with a \[link\]\(https:\/\/example\.org\/\)\.$/m);
    assert.match(notes, /^\[\^2\]: A named note\.$/m);
    assert.match(notes, /^_Kept as HTML_$/m);
    assert.doesNotMatch(notes, /TOC|never reaches|nomarkdown|↩/);
    assert.match(notes, /```ruby\nconfig = \{:a => 1\}\n\{: \.kept\}\n```/, "code is kept as it is");
    assert.match(source("posts/main/2014/hello-jekyll.md"), /\[about page\]\(\/main\/about\/\)/);
  });

  it("writes the posts with their front matter mapped, Liquid read and the image beside the post", () => {
    imported();
    const hello = source("posts/main/2014/hello-jekyll.md");
    assert.match(hello, /^date: "2014-09-08T10:00:00-04:00"$/m);
    assert.match(hello, /^tags: \[notes, jekyll, static-sites\]$/m);
    assert.match(hello, /^summary: "Why this blog runs on Jekyll\."$/m);
    assert.match(hello, /^aliases:\n  - \/blog\/2014\/09\/hello-jekyll\/$/m);
    assert.match(hello, /!\[The build diagram\]\(hello-jekyll\/diagram\.png\)/);
    assert.doesNotMatch(hello, /\{:/, "kramdown's attribute list dropped");
    assert.match(hello, /```ruby\ndef greet\(name\)\n  puts "Hello, #\{name\}"\nend\n```/);
    assert.match(hello, /Liquid itself looks like this: \{\{ page\.title \}\} and \{% if x %\}\./, "raw text kept exactly");
    assert.ok(existsSync(path.join(project.root, "posts/main/2014/hello-jekyll/diagram.png")));
    const second = source("posts/main/2015/second-post.md");
    assert.match(second, /^date: "2015-01-05"$/m);
    assert.match(second, /^author: \[jane, raj, tom-smith\]$/m);
    assert.match(second, /^  - \/old\/second\/$/m);
    assert.match(second, /\[the first post\]\(\.\.\/2014\/hello-jekyll\.md\)/);
    assert.doesNotMatch(second, /editor's note/);
    const eastern = source("posts/main/2016/eastern-time.md");
    assert.match(eastern, /^title: "Eastern time, all day"$/m);
    assert.match(eastern, /^date: "2016-03-23T09:00:00-04:00"$/m);
    assert.match(eastern, /\[my first post\]\(\.\.\/2014\/hello-jekyll\.md\)/);
    const html = source("posts/main/2016/an-html-post.md");
    assert.match(html, /\[the second post\]\(\.\.\/2015\/second-post\.md\)/);
    assert.match(html, /\[notes as a PDF\]\(an-html-post\/notes\.pdf\)/);
    assert.ok(existsSync(path.join(project.root, "posts/main/2016/an-html-post/notes.pdf")));
    assert.match(html, /^  - \/archives\/html-post\.html$/m);
    assert.doesNotMatch(html, /script|alert/);
    const draft = source("posts/main/2017/an-unfinished-idea.md");
    assert.match(draft, /^draft: true$/m);
    assert.match(draft, /^date: "2017-02-11T08:05:00-05:00"$/m, "a time without an offset is in the site's timezone");
    assert.match(source("_data/authors.yaml"), /^jane:\n  name: Jane Doe$/m);
  });

  it("builds with no broken link, each post at its URL, every old address redirecting, and no Liquid on any page", () => {
    imported();
    const build = project.build();
    assert.equal(build.status, 0, build.output);
    assert.doesNotMatch(build.output, /broken|error/i);
    const site = path.join(project.root, "_site");
    for (const url of ["main/2014/09/hello-jekyll/", "main/2015/01/second-post/", "main/2016/03/eastern-time/", "main/2016/03/an-html-post/", "main/2019/03/footnotes-and-kramdown/", "main/2019/04/kernel-notes/", "main/about/", "main/projects/"]) {
      assert.ok(existsSync(path.join(site, url, "index.html")), url);
    }
    assert.equal(existsSync(path.join(site, "main/2017/02/an-unfinished-idea/index.html")), false, "a draft is not built");
    assert.equal(existsSync(path.join(site, "main/2019/04/a-half-written-thought/index.html")), false, "a file of _drafts is not built");
    const redirects = readFileSync(path.join(site, "_redirects"), "utf8");
    const moved: [from: string, to: string][] = [
      ["/blog/2014/09/hello-jekyll/", "/main/2014/09/hello-jekyll/"],
      ["/blog/2015/01/second-post/", "/main/2015/01/second-post/"],
      ["/old/second/", "/main/2015/01/second-post/"],
      ["/blog/2016/03/eastern-time/", "/main/2016/03/eastern-time/"],
      ["/archives/html-post.html", "/main/2016/03/an-html-post/"],
      ["/about/", "/main/about/"],
      ["/about-me/", "/main/about/"],
      ["/projects/", "/main/projects/"],
      ["/tech/linux/kernel/2019/kernel-notes/", "/main/2019/04/kernel-notes/"],
    ];
    for (const [from, to] of moved) {
      assert.match(redirects, new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} ${to.replace(/\//g, "\\/")} 301$`, "m"));
      const page = from.endsWith(".html") ? from : `${from}index.html`;
      assert.match(readFileSync(path.join(site, page), "utf8"), new RegExp(`url=${to.replace(/\//g, "\\/")}`), page);
    }
    assert.match(readFileSync(path.join(site, "main/2014/09/hello-jekyll/index.html"), "utf8"), /<img[^>]+diagram/);
    const built = pages(site);
    assert.ok(built.has("feed.xml") && built.has("main/2014/09/hello-jekyll/index.html"), [...built.keys()].join(" "));
    for (const [file, html] of built) {
      // The one text the post shows on purpose: what {% raw %} kept.
      const shown = html.replace(/\{\{ page\.title \}\} and \{% if x %\}/g, "");
      assert.doesNotMatch(shown, /\{%|%\}|\{\{|\}\}/, file);
      // kramdown's syntax nowhere but in the code the post shows (`{:a => 1}`, `{: .kept}`).
      const outsideCode = html.replace(/<pre\b[\s\S]*?<\/pre>/g, "").replace(/<code\b[\s\S]*?<\/code>/g, "");
      assert.doesNotMatch(outsideCode, /\{:|\{#why\}|\* TOC/, file);
    }
    const notes = readFileSync(path.join(site, "main/2019/03/footnotes-and-kramdown/index.html"), "utf8");
    const refs = [...notes.matchAll(/<sup class="footnote-ref"><a href="#([^"]+)"/g)].map((match) => match[1]);
    assert.equal(refs.length, 2, "two footnote references");
    for (const id of refs) {
      const note = new RegExp(`<li id="${id}" class="footnote-item">([\\s\\S]*?)</li>`).exec(notes);
      assert.ok(note, `the note ${id} is on the page`);
    }
    assert.match(notes, /<li id="fn1" class="footnote-item"><p>The first note, with a <a href="https:\/\/example\.org\/"[^>]*>link<\/a>\./);
    assert.match(notes, /<em>Kept as HTML<\/em>/);
    assert.doesNotMatch(notes, /never reaches the page/);
    const about = readFileSync(path.join(site, "main/about/index.html"), "utf8");
    assert.match(about, /About this blog/);
    assert.match(about, /href="\/main\/projects\/"/);
    assert.doesNotMatch(about, /\{: \.lead\}/);
    const kernel = readFileSync(path.join(site, "main/2019/04/kernel-notes/index.html"), "utf8");
    for (const tag of ["tech", "linux", "kernel"]) assert.match(kernel, new RegExp(`href="/tags/${tag}/"`), tag);
  });

  it("imports again without changing a file", () => {
    imported();
    const before = postsTree(project, "latin1");
    const again = project.run("src/tools/import.ts", [SITE, "--blog", "main", "--from", "jekyll"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /Jekyll site \(--from jekyll\)/);
    assert.match(again.stdout, /0 created, 0 updated, 10 unchanged, 0 conflicts, 6 skipped/);
    assert.deepEqual(postsTree(project, "latin1"), before);
  });

  it("keeps a post edited since, as a conflict, until --force", () => {
    imported();
    const file = path.join(project.root, "posts/main/2016/eastern-time.md");
    const edited = `${readFileSync(file, "utf8")}\nA line added by hand.\n`;
    writeFileSync(file, edited);
    const again = project.run("src/tools/import.ts", [SITE, "--blog", "main"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.stdout, /posts\/main\/2016\/eastern-time\.md: conflict: edited since it was imported; kept as it is/);
    assert.equal(readFileSync(file, "utf8"), edited);
    const forced = project.run("src/tools/import.ts", [SITE, "--blog", "main", "--force"]);
    assert.equal(forced.status, 0, forced.output);
    assert.match(forced.stdout, /posts\/main\/2016\/eastern-time\.md: overwritten/);
    assert.doesNotMatch(readFileSync(file, "utf8"), /added by hand/);
  });

  it("refuses --from wordpress for a site's folder, writing nothing", () => {
    const other = new Project(DATA);
    const result = other.run("src/tools/import.ts", [SITE, "--blog", "main", "--from", "wordpress"]);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /is a folder: --from wordpress reads a file; nothing was imported/);
    assert.equal(existsSync(path.join(other.root, "posts")), false);
  });
});

describe("a Jekyll site with symbolic links leading out of it", () => {
  it("reads nothing through them: the post is skipped with its reason, the image is not copied", () => {
    const project = new Project(DATA);
    const site = path.join(project.root, "old-site");
    cpSync(SITE, site, { recursive: true });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "backlist-elsewhere-"));
    writeFileSync(path.join(elsewhere, "secret.md"), "---\ntitle: Secret\ndate: 2019-01-01\n---\nprivate words\n");
    writeFileSync(path.join(elsewhere, "secret.png"), readFileSync(path.join(SITE, "images/diagram.png")));
    symlinkSync(path.join(elsewhere, "secret.md"), path.join(site, "_posts/2019-01-01-leak.md"));
    symlinkSync(path.join(elsewhere, "secret.md"), path.join(site, "leak.md"));
    rmSync(path.join(site, "images/diagram.png"));
    symlinkSync(path.join(elsewhere, "secret.png"), path.join(site, "images/diagram.png"));
    const result = project.run("src/tools/import.ts", ["old-site", "--blog", "main"]);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /old-site\/_posts\/2019-01-01-leak\.md \(post "Leak"\): skipped: a symbolic link leading out of the site: not read/);
    assert.match(result.stdout, /old-site\/leak\.md \(page "Leak"\): skipped: a symbolic link leading out of the site: not read/);
    assert.match(result.stdout, /missing +https:\/\/old\.example\.net\/images\/diagram\.png/);
    for (const [file, { text }] of postsTree(project, "latin1")) assert.doesNotMatch(text, /private words/, file);
    assert.equal(existsSync(path.join(project.root, "posts/main/2014/hello-jekyll/diagram.png")), false);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});

describe("an Octopress site (posts in source/_posts, _config.yml beside source/)", () => {
  it("imports its posts, Octopress tags read and images taken from source/", () => {
    const png = readFileSync(path.join(SITE, "images/diagram.png"));
    const project = new Project({
      ...DATA,
      "octo/_config.yml": "url: http://octo.example.org\npermalink: /blog/:year/:month/:day/:title/\nauthor: Ann Author\n",
      "octo/source/_posts/2012-01-02-octo-post.markdown":
        '---\nlayout: post\ntitle: "Octo post"\ndate: 2012-01-02 20:15\ncomments: true\ncategories: [Shell Tips]\n---\n{% img /images/pic.png 200 100 "A picture" %}\n\n{% codeblock lang:sh %}\necho {{ x }}\n{% endcodeblock %}\n',
    });
    mkdirSync(path.join(project.root, "octo/source/images"));
    writeFileSync(path.join(project.root, "octo/source/images/pic.png"), png);
    const result = project.run("src/tools/import.ts", ["octo", "--blog", "main"]);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /Source: octo: Jekyll site \(detected: a folder with _posts\/\)/);
    assert.match(result.stdout, /octo\/source\/_posts\/2012-01-02-octo-post\.markdown:11: \{\{ x \}\} \(Liquid inside a code block\)/);
    const post = readFileSync(path.join(project.root, "posts/main/2012/octo-post.md"), "utf8");
    assert.match(post, /^author: ann$/m, "the site's author, matched by name");
    assert.match(post, /^tags: \[Shell Tips\]$/m);
    assert.match(post, /^aliases:\n  - \/blog\/2012\/01\/02\/octo-post\/$/m);
    assert.match(post, /!\[A picture\]\(octo-post\/pic\.png "A picture"\)/);
    assert.match(post, /```sh\necho\s*\n```/);
    assert.ok(existsSync(path.join(project.root, "posts/main/2012/octo-post/pic.png")));
  });
});
