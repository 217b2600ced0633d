/** The pure parts of the Jekyll import: dates, permalinks, Liquid, lenient front matter, names. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fromFileName, parseJekyllDate } from "../../src/import/jekyll-date.ts";
import { mendYaml, readFrontMatter } from "../../src/import/jekyll-frontmatter.ts";
import { markdownToHtml, nameList, readCollections, readConfig, readJekyllSite, readSiteAuthors, titleFromSlug, walkSite } from "../../src/import/jekyll.ts";
import { matchesEntry, notAPage, ownWords, pageOldPath, readsPagesIn } from "../../src/import/jekyll-pages.ts";
import { convertKramdown, extractNomarkdown, restoreNomarkdown } from "../../src/import/kramdown.ts";
import { htmlToMarkdown } from "../../src/import/html.ts";
import { codeBlock, convertLiquid } from "../../src/import/liquid.ts";
import { expandPermalink, permalinkPattern } from "../../src/import/permalink.ts";

describe("Jekyll dates", () => {
  const value = (text: string, zone?: string) => {
    const parsed = parseJekyllDate(text, zone);
    return parsed.ok ? parsed.value : `error: ${parsed.message}`;
  };

  it("reads every form Jekyll accepts, on the day it was written", () => {
    assert.equal(value("2014-09-08"), "2014-09-08");
    assert.equal(value("2014-9-8"), "2014-09-08");
    assert.equal(value("2014-09-08 10:00:00 -0400"), "2014-09-08T10:00:00-04:00");
    assert.equal(value("2014-09-08T23:30:00+05:30"), "2014-09-08T23:30:00+05:30");
    assert.equal(value("2016-03-23 09:00 EDT"), "2016-03-23T09:00:00-04:00");
    assert.equal(value("2016-01-23 09:00 PST"), "2016-01-23T09:00:00-08:00");
    assert.equal(value("2016-03-23 23:59 Z"), "2016-03-23T23:59:00+00:00");
    assert.equal(value("September 8, 2014"), "2014-09-08");
    assert.equal(value("Sep 8 2014 10:15 pm"), "2014-09-08T22:15:00");
    assert.equal(value("8 September 2014"), "2014-09-08");
    assert.equal(value("Monday, September 8, 2014"), "2014-09-08");
  });

  it("puts a time without an offset in the site's timezone, with that day's offset", () => {
    assert.equal(value("2014-09-08 23:30", "America/New_York"), "2014-09-08T23:30:00-04:00");
    assert.equal(value("2014-12-08 23:30", "America/New_York"), "2014-12-08T23:30:00-05:00");
    assert.equal(value("2014-12-08 23:30"), "2014-12-08T23:30:00", "no site timezone: a local time");
    assert.equal(value("2014-12-08", "Asia/Tokyo"), "2014-12-08", "a day alone stays that day");
  });

  it("refuses what is no date, never rolling over", () => {
    assert.match(value("2014-02-30"), /^error: .*no day of the calendar/);
    assert.match(value("2014-02-03 25:00"), /^error: .*no such time/);
    assert.match(value("soon"), /^error: "soon" is not a date Jekyll reads/);
    assert.match(value("2014-02-03 10:00 XYZT"), /^error: .*unknown time zone/);
  });

  it("reads the date and slug of a post's file name", () => {
    assert.deepEqual(fromFileName("2015-1-5-second-post.markdown"), { date: "2015-01-05", slug: "second-post" });
    assert.deepEqual(fromFileName("2014-09-08-hello.md"), { date: "2014-09-08", slug: "hello" });
    assert.equal(fromFileName("notes.md"), undefined);
  });
});

describe("Jekyll permalinks", () => {
  const post = { day: "2014-09-08", time: "10:05:00", slug: "hello-world", categories: ["Notes", "Ruby"], title: "Hello, World!" };

  it("expands each built-in style as Jekyll does", () => {
    assert.equal(expandPermalink("date", post), "/notes/ruby/2014/09/08/hello-world.html");
    assert.equal(expandPermalink("pretty", post), "/notes/ruby/2014/09/08/hello-world/");
    assert.equal(expandPermalink("ordinal", post), "/notes/ruby/2014/251/hello-world.html");
    assert.equal(expandPermalink("none", post), "/notes/ruby/hello-world.html");
    assert.equal(expandPermalink("date", { ...post, categories: [] }), "/2014/09/08/hello-world.html");
    assert.equal(permalinkPattern(undefined), "/:categories/:year/:month/:day/:title:output_ext");
  });

  it("fills custom patterns", () => {
    assert.equal(expandPermalink("/blog/:year/:month/:title/", post), "/blog/2014/09/hello-world/");
    assert.equal(expandPermalink("/:year/:i_month/:i_day/:hour:minute-:title", { ...post, day: "2014-03-04" }), "/2014/3/4/1005-hello-world");
    assert.equal(expandPermalink("/:short_year/:slugified_title/", post), "/14/hello-world/");
    assert.equal(expandPermalink("/archives/page.html", post), "/archives/page.html");
  });
});

describe("Liquid", () => {
  const context = {
    format: "markdown" as const,
    url: "https://old.example.net",
    baseurl: "/blog",
    postUrl: (name: string) => (name === "2010-07-21-name" ? "https://old.example.net/blog/2010/07/name/" : undefined),
  };

  it("turns highlight and codeblock into fenced code, linenos ignored", () => {
    const { text, removed } = convertLiquid("Before\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\nAfter", context);
    assert.equal(text, "Before\n\n\n```ruby\nputs 1\n```\n\n\nAfter");
    assert.deepEqual(removed, []);
    assert.match(convertLiquid("{% codeblock lang:python %}\nx = 1\n{% endcodeblock %}", context).text, /```python\nx = 1\n```/);
    assert.equal(codeBlock("a ``` b", "js", "markdown"), "\n\n````js\na ``` b\n````\n\n");
    assert.equal(codeBlock("<b>&</b>", "html", "html"), '\n<pre><code class="language-html">&lt;b&gt;&amp;&lt;/b&gt;</code></pre>\n');
  });

  it("keeps raw text exactly, never read as Liquid", () => {
    const { text, removed } = convertLiquid("a {% raw %}{{ x }} {% if y %}{%endraw%} b {%- raw -%}{% include z %}{%- endraw -%}", context);
    assert.equal(text, "a {{ x }} {% if y %} b {% include z %}");
    assert.deepEqual(removed, []);
  });

  it("draws site.url, site.baseurl and the url filters, and links post_url and link to posts", () => {
    const { text, removed } = convertLiquid(
      "[a]({{ site.baseurl }}/x.png) [b]({{ site.url }}{{ site.baseurl }}/y/) [c]({{ '/z.pdf' | relative_url }}) [d]({{ \"w\" | absolute_url }}) [e]({% post_url 2010-07-21-name %}) [f]({% link _posts/2010-07-21-name.md %})",
      context,
    );
    assert.equal(text, "[a](/blog/x.png) [b](https://old.example.net/blog/y/) [c](/blog/z.pdf) [d](https://old.example.net/blog/w) [e](https://old.example.net/blog/2010/07/name/) [f](https://old.example.net/blog/2010/07/name/)");
    assert.deepEqual(removed, []);
  });

  it("removes any other tag or output, listing each with its line in the file", () => {
    const { text, removed } = convertLiquid("one\n{% include note.html %}\nHi {{ page.title | upcase }}\n{% comment %}\nsecret\n{% endcomment %}{% post_url 2001-01-01-gone %}\n{% if a %}kept{% endif %}", { ...context, firstLine: 5 });
    assert.equal(text, "one\n\nHi \n\nkept");
    assert.deepEqual(
      removed.map((r) => `${r.line}: ${r.text}`),
      ["6: {% include note.html %}", "7: {{ page.title | upcase }}", "8: {% comment %}", "10: {% post_url 2001-01-01-gone %}", "11: {% if a %}", "11: {% endif %}"],
    );
    assert.doesNotMatch(text, /\{%|\{\{|\}\}|%\}/);
  });

  it("links {% link %} to a page of the site the import takes, and removes one to a page it does not", () => {
    const pages = { ...context, pageUrl: (file: string) => (file === "about.md" ? "https://old.example.net/blog/about/" : undefined) };
    const { text, removed } = convertLiquid("[a]({% link about.md %}) [b]({% link /about.md %}) [c]({% link search.html %})", pages);
    assert.equal(text, "[a](https://old.example.net/blog/about/) [b](https://old.example.net/blog/about/) [c]()");
    assert.deepEqual(removed.map((r) => r.why), ["a link to a page of the site that was not imported"]);
  });

  it("turns an Octopress img tag into an image", () => {
    assert.equal(convertLiquid('{% img left /images/a.png 200 100 "A title" "Alt text" %}', context).text, '<img src="/images/a.png" alt="Alt text" title="A title">');
  });
});

describe("front matter as Jekyll reads it", () => {
  it("reads strict YAML as it is, values as text", () => {
    const front = readFrontMatter("---\ntitle: Hi\ndate: 2014-09-08 10:00:00 -0400\n---\nBody\n");
    assert.ok(front.ok);
    assert.deepEqual(front.data, { title: "Hi", date: "2014-09-08 10:00:00 -0400" });
    assert.equal(front.body, "Body\n");
    assert.equal(front.bodyLine, 5);
    assert.equal(front.mended, undefined);
  });

  it("mends a quoted value running over unindented lines, and tabs", () => {
    const front = readFrontMatter('---\ntitle: "A long\ntitle"\ndate:\t2014-09-08\ntags:\n\t- a\n---\n');
    assert.ok(front.ok);
    assert.deepEqual(front.data, { title: "A long title", date: "2014-09-08", tags: ["a"] });
    assert.match(front.mended ?? "", /tabs.*quoted value/);
    assert.equal(mendYaml("title: ok\n"), undefined);
  });

  it("names the line of what no reader takes, and tells a file without front matter", () => {
    const front = readFrontMatter("---\ntitle: [open\ndate: 2014-09-08\n---\n");
    assert.equal(front.ok, false);
    assert.ok(!front.ok && "message" in front && front.line !== undefined && front.line >= 2);
    assert.deepEqual(readFrontMatter("Just text\n"), { ok: false, none: true });
    assert.ok(readFrontMatter("---\n---\nBody").ok);
  });
});

describe("Jekyll names and settings", () => {
  it("splits tags and categories on spaces as Jekyll does, lists as they are", () => {
    assert.deepEqual(nameList("jekyll static-sites"), ["jekyll", "static-sites"]);
    assert.deepEqual(nameList(["Red Hat", "xen"]), ["Red Hat", "xen"]);
    assert.deepEqual(nameList("Jane Doe", false), ["Jane Doe"]);
    assert.deepEqual(nameList(undefined), []);
  });

  it("reads the site's authors from _data/authors.yml and the _authors collection, display names included", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-jekyll-authors-"));
    mkdirSync(path.join(site, "_data"));
    mkdirSync(path.join(site, "_authors"));
    writeFileSync(path.join(site, "_data/authors.yml"), "jane:\n  display_name: Jane Doe\n  email: jane@example.net\nraj: Raj Patel\n");
    writeFileSync(path.join(site, "_authors/tom.md"), "---\nshort_name: Tom_Smith\nname: Tom Smith\n---\nBio.\n");
    writeFileSync(path.join(site, "_authors/jane.md"), "---\nname: Another Jane\n---\n");
    try {
      assert.deepEqual([...readSiteAuthors(site)], [["jane", "Jane Doe"], ["raj", "Raj Patel"], ["Tom_Smith", "Tom Smith"]]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("titles a post from its slug", () => {
    assert.equal(titleFromSlug("an-unfinished-idea"), "An Unfinished Idea");
  });

  it("reads _config.yml's url, baseurl, permalink and timezone", () => {
    assert.deepEqual(readConfig({ url: "https://a.example/", baseurl: "blog/", permalink: "pretty", timezone: "Europe/Paris" }), {
      url: "https://a.example",
      baseurl: "/blog",
      permalink: "/:categories/:year/:month/:day/:title/",
      timezone: "Europe/Paris",
      title: undefined,
    });
  });
});

describe("reading a Jekyll site", () => {
  it("gives each post its old address, and post_url with a subfolder of _posts finds it", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-jekyll-site-"));
    mkdirSync(path.join(site, "_posts/news"), { recursive: true });
    writeFileSync(path.join(site, "_config.yml"), "url: https://old.example.net\nbaseurl: /blog\npermalink: pretty\n");
    writeFileSync(path.join(site, "_posts/news/2010-07-21-name.md"), "---\ntitle: Name\ncategories: News\n---\nText.\n");
    writeFileSync(path.join(site, "_posts/2010-08-01-other.md"), "---\ntitle: Other\n---\n[a]({% post_url news/2010-07-21-name %})\n");
    try {
      const feed = readJekyllSite(site, "site");
      assert.equal(feed.site, "https://old.example.net/blog/");
      assert.deepEqual(
        feed.items.map((item) => [item.file, item.link, item.date]),
        [
          ["site/_posts/2010-08-01-other.md", "https://old.example.net/blog/2010/08/01/other/", { value: "2010-08-01" }],
          ["site/_posts/news/2010-07-21-name.md", "https://old.example.net/blog/news/2010/07/21/name/", { value: "2010-07-21" }],
        ],
      );
      assert.match(feed.items[0]?.html ?? "", /<a href="https:\/\/old\.example\.net\/blog\/news\/2010\/07\/21\/name\/">a<\/a>/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe("kramdown's own syntax", () => {
  it("removes attribute lists, ALDs, heading ids, options and the TOC list, each listed with its line, keeping the line count", () => {
    const source = "* TOC\n{:toc}\n\n## Heading {#top}\n\nA note.\n{: .note}\n{:ref: .x}\n\n*a*{: .hl} and [b](c){:target=\"_blank\"} end {: #p}\n{::options parse_block_html=\"true\" /}\n";
    const result = convertKramdown(source, 5);
    assert.equal(result.text, "\n\n\n## Heading\n\nA note.\n\n\n\n*a* and [b](c) end\n\n");
    assert.equal(result.text.split("\n").length, source.split("\n").length);
    assert.deepEqual(
      result.removed.map((r) => `${r.line} ${r.text} (${r.why})`),
      [
        "5 * TOC {:toc} (a kramdown table of contents, removed with its list)",
        "8 {#top} (a kramdown heading id)",
        "11 {: .note} (a kramdown attribute list)",
        "12 {:ref: .x} (a kramdown attribute list)",
        "14 {: .hl} (a kramdown attribute list)",
        '14 {:target="_blank"} (a kramdown attribute list)',
        "14 {: #p} (a kramdown attribute list)",
        '15 {::options parse_block_html="true" /} (kramdown options)',
      ],
    );
  });

  it("removes a comment with its text and keeps nomarkdown's text as HTML, never read as markdown", () => {
    const { text, removed } = convertKramdown("a\n{::comment}\nsecret\n{:/comment}\n{::nomarkdown}\n<b>*x*</b>\n{:/}\nb\n");
    assert.doesNotMatch(text, /secret|\{:/);
    assert.deepEqual(removed.map((r) => r.why), ["a kramdown comment, removed with its text", "kramdown's nomarkdown: its text kept as HTML"]);
    const extracted = extractNomarkdown(text);
    const html = restoreNomarkdown(markdownToHtml(extracted.text), extracted.blocks);
    assert.match(html, /<b>\*x\*<\/b>/, "the asterisks are no emphasis");
    assert.doesNotMatch(html, /kramdown-nomarkdown/);
  });

  it("removes an extension tag left without its pair", () => {
    const { text, removed } = convertKramdown("a {:/nomarkdown} b\n{::comment}\nc\n");
    assert.equal(text, "a  b\n\nc\n");
    assert.deepEqual(removed.map((r) => `${r.line} ${r.text} (${r.why})`), ["1 {:/nomarkdown} (a kramdown extension tag without its pair)", "2 {::comment} (a kramdown extension tag without its pair)"]);
  });

  it("never touches code: fences, indented code, inline code, Liquid highlight and raw", () => {
    const source = "```ruby\nh = {:a => 1}\n{: .kept}\n```\n\n    {: .indented}\n\nInline `{: .code}` text.\n\n{% highlight ruby %}\n{: .liquid}\n{% endhighlight %}\n{% raw %}{: .raw}{% endraw %}\n";
    assert.deepEqual(convertKramdown(source), { text: source, removed: [] });
  });
});

describe("footnotes of a Jekyll post", () => {
  it("render as markdown-it-footnote draws them and come back as markdown footnotes through the sanitiser", () => {
    const html = markdownToHtml("Text[^1] and[^n], again[^1].\n\n[^1]: First, with a [link](https://example.org/).\n[^n]: Second\n\n    second paragraph.\n");
    assert.match(html, /<sup class="footnote-ref"><a href="#fn1"/);
    assert.equal(
      htmlToMarkdown(html, "https://old.example.net/2019/x/"),
      "Text[^1] and[^2], again[^1].\n\n[^1]: First, with a [link](https://example.org/).\n\n[^2]: Second\n\n    second paragraph.\n",
    );
  });

  it("keeps a plain superscript and list as they are", () => {
    assert.equal(htmlToMarkdown("<p>x<sup>2</sup></p><ol><li>one</li></ol>"), "x2\n\n1.  one\n");
  });
});

describe("the pages of a Jekyll site", () => {
  it("gives each page the address Jekyll gave it", () => {
    assert.equal(pageOldPath("about.md", undefined, "/blog/:year/:month/:title/"), "/about/");
    assert.equal(pageOldPath("about.md", undefined, "/:categories/:year/:month/:day/:title:output_ext"), "/about.html");
    assert.equal(pageOldPath("projects/index.html", undefined, "/:title:output_ext"), "/projects/");
    assert.equal(pageOldPath("docs/setup.md", undefined, "/:year/:title"), "/docs/setup");
    assert.equal(pageOldPath("feed.xml", undefined, "/:title/"), "/feed.xml");
    assert.equal(pageOldPath("me.md", "/about-me/", "/:title/"), "/about-me/");
    assert.equal(pageOldPath("docs/a.md", "/:path/:basename:output_ext", "/:title/"), "/docs/a.html");
  });

  it("reads the folders Jekyll reads, never the excluded, _-prefixed (unless included), vendor, node_modules, _site or assets", () => {
    assert.equal(readsPagesIn("about.md", [], []), true);
    assert.equal(readsPagesIn("projects/index.html", [], []), true);
    for (const folder of ["_site/x.md", "node_modules/a/README.md", "vendor/bundle/x.md", "assets/x.html", "_layouts/post.html", ".git/x.md"]) {
      assert.equal(readsPagesIn(folder, [], []), false, folder);
    }
    assert.equal(readsPagesIn("notes/todo.md", ["notes/"], []), false);
    assert.equal(readsPagesIn("drafts-old.md", ["*-old.md"], []), false);
    assert.equal(readsPagesIn("_pages/about.md", [], ["_pages"]), true);
    assert.equal(matchesEntry("Gemfile", "Gemfile"), true);
    assert.equal(matchesEntry("Gemfile.lock", "Gemfile"), false);
  });

  it("skips the theme's machinery, each with its reason, and takes a page with text of its own", () => {
    const page = (relative: string, body: string, data: Record<string, unknown> = {}, oldPath = `/${relative}`) => notAPage({ relative, data, body, bodyLine: 4, oldPath });
    assert.match(page("feed.xml", "<rss/>") ?? "", /^not an HTML page \(feed\.xml: its output is \.xml/);
    assert.match(page("404.html", "<h1>Not found</h1>") ?? "", /"not found" page/);
    assert.match(page("index.html", "<ul>\n{% for post in paginator.posts %}\n<li>{{ post.title }}</li>{% endfor %}</ul>", {}, "/") ?? "", /^a listing of the site's posts \(\{% for post in paginator\.posts %\} at index\.html:5, 0 words of its own\)/);
    assert.match(page("tags.html", "{% for tag in site.tags %}{{ tag[0] }}{% endfor %}") ?? "", /^a listing of the site's posts/);
    assert.match(page("index.md", "", { layout: "home" }, "/") ?? "", /home page/);
    assert.match(page("search.html", "{{ content }}", { layout: "search" }) ?? "", /^no text of its own \(its layout "search" draws it\)/);
    assert.match(
      page("search.md", "Search this site:\n\n<input type=\"text\" id=\"q\">\n<script src=\"/js/search.js\"></script>") ?? "",
      /^a page of the old site's scripts or forms, a search page \(<input type="text" id="q"> at search\.md:6, 3 words of its own\)/,
    );
    assert.match(page("old.html", "", { redirect_to: "/new/" }) ?? "", /^a redirect of the old site/);
    assert.equal(page("about.md", "I write about shells."), undefined);
    const long = `${"word ".repeat(60)}\n{% for post in site.posts limit:3 %}{{ post.title }}{% endfor %}`;
    assert.equal(page("reading.md", long), undefined, "a page with text of its own and a short list of posts is a page");
    assert.equal(ownWords("<p>Two words</p>{% if x %}{{ y }}{% endif %}"), 2);
  });

  it("reads collections as a list or a map, with their output", () => {
    assert.deepEqual(readCollections({ projects: { output: true }, recipes: {} }), [
      { name: "projects", output: true },
      { name: "recipes", output: false },
    ]);
    assert.deepEqual(readCollections(["staff"]), [{ name: "staff", output: false }]);
  });
});

describe("a Jekyll site's drafts, category folders and pages", () => {
  const write = (site: string, file: string, text: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), text);
  };

  it("finds _posts and _drafts in category folders, the folders' names first among the categories and in :categories", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-jekyll-cats-"));
    write(site, "_config.yml", "url: https://old.example.net\npermalink: /:categories/:title/\n");
    write(site, "tech/linux/_posts/2019-04-02-kernel.md", "---\ntitle: Kernel\ncategories: [Build]\n---\nText.\n");
    write(site, "blog/_drafts/idea.md", "---\ntitle: Idea\n---\nLater.\n");
    write(site, "node_modules/pkg/_posts/2019-01-01-no.md", "---\ntitle: No\n---\n");
    try {
      assert.deepEqual(walkSite(site).postFolders, [
        { folder: "blog/_drafts", categories: ["blog"], drafts: true },
        { folder: "tech/linux/_posts", categories: ["tech", "linux"], drafts: false },
      ]);
      const feed = readJekyllSite(site, "site");
      const kernel = feed.items.find((item) => item.key === "jekyll:tech/linux/_posts/2019-04-02-kernel.md");
      assert.deepEqual(kernel?.categories, ["tech", "linux", "Build"]);
      assert.equal(kernel?.link, "https://old.example.net/tech/linux/build/kernel/");
      const idea = feed.items.find((item) => item.key === "jekyll:blog/_drafts/idea.md");
      assert.equal(idea?.draft, true);
      assert.deepEqual(idea?.date, { value: "2019-04-02" }, "a draft without a date has the newest post's");
      assert.equal(idea?.link, undefined, "a draft was never published: no old address");
      assert.match(idea?.warnings?.join(" ") ?? "", /the draft has none; written as 2019-04-02, the date of the site's newest post/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("dates a draft the same on every reading, whatever its file's time", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-jekyll-drafts-"));
    write(site, "_config.yml", "url: https://old.example.net\n");
    write(site, "_posts/2012-05-06-a.md", "---\ntitle: A\n---\nA.\n");
    write(site, "_drafts/later.md", "---\ntitle: Later\n---\nLater.\n");
    write(site, "_drafts/dated.md", "---\ntitle: Dated\ndate: 2013-01-02\n---\nDated.\n");
    try {
      const dates = () => readJekyllSite(site, "site").items.filter((item) => item.draft).map((item) => [item.key, item.date]);
      const first = dates();
      writeFileSync(path.join(site, "_drafts/later.md"), "---\ntitle: Later\n---\nLater.\n");
      assert.deepEqual(dates(), first);
      assert.deepEqual(first, [
        ["jekyll:_drafts/dated.md", { value: "2013-01-02" }],
        ["jekyll:_drafts/later.md", { value: "2012-05-06" }],
      ]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("reads a site whose posts are all in category folders", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-jekyll-only-cats-"));
    write(site, "_config.yml", "title: x\n");
    write(site, "blog/_posts/2014-01-01-x.md", "---\ntitle: X\n---\nX.\n");
    try {
      assert.deepEqual(readJekyllSite(site, "site").items.map((item) => [item.key, item.categories]), [["jekyll:blog/_posts/2014-01-01-x.md", ["blog"]]]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
