/** The pure parts of the Hugo import: front matter in TOML, YAML and JSON, shortcodes (code kept as written), permalinks, the config. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { readHugoFrontMatter } from "../../src/import/hugo-frontmatter.ts";
import { defaultHugoPath, expandHugoPermalink, hugoUrlize } from "../../src/import/hugo-permalink.ts";
import { type ShortcodeContext, convertShortcodes, parseParams, unescapeShortcodes } from "../../src/import/hugo-shortcodes.ts";
import { hugoConfigFile, isHugoSite, pageKey, readHugoConfig, readHugoConfigData, readHugoSite } from "../../src/import/hugo.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(REPO, "tests/fixtures/import/hugo-site");

describe("Hugo front matter", () => {
  it("reads TOML between +++, an unquoted date kept as it was written", () => {
    const front = readHugoFrontMatter("+++\ntitle = 'Hello, \"Hugo\"'\ndate = 2019-03-04T10:00:00+02:00\nday = 2019-03-04\nlocal = 2019-03-04T10:00:00\nTags = ['a', 'b']\n[params]\n  mood = 'fine'\n+++\nThe body.\n");
    assert.ok(front.ok);
    assert.equal(front.format, "toml");
    assert.equal(front.data.title, 'Hello, "Hugo"');
    assert.equal(front.data.date, "2019-03-04T10:00:00+02:00");
    assert.equal(front.data.day, "2019-03-04");
    assert.equal(front.data.local, "2019-03-04T10:00:00");
    assert.deepEqual(front.data.tags, ["a", "b"], "keys in lower case, as Hugo reads them");
    assert.deepEqual(front.data.params, { mood: "fine" });
    assert.equal(front.body, "The body.\n");
    assert.equal(front.bodyLine, 10);
  });

  it("reads YAML between --- with dates as text, and JSON as one object", () => {
    const yaml = readHugoFrontMatter("---\ntitle: YAML\ndate: 2019-03-04\npublishDate: 2019-03-05\n---\nBody\n");
    assert.ok(yaml.ok);
    assert.equal(yaml.format, "yaml");
    assert.equal(yaml.data.date, "2019-03-04");
    assert.equal(yaml.data.publishdate, "2019-03-05");
    assert.equal(yaml.bodyLine, 6);
    const json = readHugoFrontMatter('{\n  "title": "In {braces}",\n  "date": "2020-01-15T08:30:00",\n  "tags": ["json"]\n}\nThe body {here}.\n');
    assert.ok(json.ok);
    assert.equal(json.format, "json");
    assert.equal(json.data.title, "In {braces}");
    assert.deepEqual(json.data.tags, ["json"]);
    assert.equal(json.body, "The body {here}.\n");
    assert.equal(json.bodyLine, 6);
  });

  it("names the line of an error, and tells a file without front matter", () => {
    const toml = readHugoFrontMatter('+++\ntitle = "ok"\ndate = = 2\n+++\n');
    assert.ok(!toml.ok && "message" in toml);
    assert.equal(toml.format, "toml");
    assert.equal(toml.line, 3);
    const unclosed = readHugoFrontMatter("+++\ntitle = 'x'\n");
    assert.ok(!unclosed.ok && "message" in unclosed && /no closing \+\+\+/.test(unclosed.message));
    const json = readHugoFrontMatter('{\n  "title": "x",\n}\nbody');
    assert.ok(!json.ok && "message" in json && json.format === "json");
    const none = readHugoFrontMatter("Just text.\n");
    assert.ok(!none.ok && "none" in none);
  });
});

describe("Hugo shortcodes", () => {
  const pages: Record<string, string> = {
    "other-post": "https://old.example.org/2019/03/other/",
    "posts/other": "https://old.example.org/2019/03/other/",
  };
  const context: ShortcodeContext = { format: "markdown", pageUrl: (name: string) => pages[pageKey(name)], param: (key: string) => (key === "motto" ? "Sharp tools" : undefined) };
  const convert = (source: string, extra: Partial<ShortcodeContext> = {}) => convertShortcodes(source, { ...context, ...extra });

  it("reads positional, named and quoted parameters", () => {
    const positional = parseParams(` go "linenos=table" `);
    assert.deepEqual([positional.positional, { ...positional.named }], [["go", "linenos=table"], {}]);
    const named = parseParams(` src="a b.png" alt='x' title="say \\"hi\\"" caption=\`raw "text"\` link=bare`);
    assert.deepEqual(named.positional, []);
    assert.equal(named.named.alt, "'x'", "Hugo quotes with \" and ` only");
    assert.equal(named.named.src, "a b.png");
    assert.equal(named.named.title, 'say "hi"');
    assert.equal(named.named.caption, 'raw "text"');
    assert.equal(named.named.link, "bare");
  });

  it("makes ref and relref (with an #anchor) the old address of the post, in both forms", () => {
    const { text, removed } = convert('See [it]({{< ref "other-post.md#setup" >}}) and [again]({{% relref "/posts/other" %}}), [here]({{< ref "#top" >}}).');
    assert.equal(text, "See [it](https://old.example.org/2019/03/other/#setup) and [again](https://old.example.org/2019/03/other/), [here](#top).");
    assert.deepEqual(removed, []);
    const missing = convert('A [link]({{< ref "nowhere.md" >}}).', { firstLine: 5 });
    assert.equal(missing.text, "A [link]().");
    assert.deepEqual(missing.removed, [{ line: 5, text: '{{< ref "nowhere.md" >}}', why: "no page nowhere.md in the site" }]);
  });

  it("makes highlight a fenced code block, nothing inside it read", () => {
    const { text } = convert('{{< highlight go "linenos=table,hl_lines=2" >}}\nfmt.Println("{{< x >}}")\n{{< /highlight >}}');
    assert.equal(text.trim(), '```go\nfmt.Println("{{< x >}}")\n```');
    const html = convert("{{< highlight html >}}\n<b>x</b>\n{{< /highlight >}}", { format: "html" });
    assert.equal(html.text.trim(), '<pre><code class="language-html">&lt;b&gt;x&lt;/b&gt;</code></pre>');
  });

  it("makes figure an image with its caption, and the embeds plain links", () => {
    const { text } = convert('{{< figure src="/images/x.png" title="The title" caption="A *caption*" link="https://go.dev/" >}}');
    assert.equal(text.trim(), '<figure><a href="https://go.dev/"><img src="/images/x.png" alt="A caption" title="The title"></a><figcaption><strong>The title</strong> A <em>caption</em></figcaption></figure>');
    assert.equal(convert("{{< youtube dQw4w9WgXcQ >}}").text, "[YouTube video dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");
    assert.equal(convert('{{< youtube id="abc" title="A [talk]" >}}').text, "[YouTube: A \\[talk\\]](https://www.youtube.com/watch?v=abc)");
    assert.equal(convert("{{< vimeo 146022717 >}}").text, "[Vimeo video 146022717](https://vimeo.com/146022717)");
    assert.equal(convert('{{< tweet user="GoHugoIO" id="1315233626070503424" >}}').text, "[Post by @GoHugoIO on X](https://x.com/GoHugoIO/status/1315233626070503424)");
    assert.equal(convert("{{< tweet 1315233626070503424 >}}").text, "[Post on X](https://x.com/i/status/1315233626070503424)");
    assert.equal(convert('{{< gist spf13 7896402 "img.html" >}}').text, "[Gist img.html by spf13](https://gist.github.com/spf13/7896402#file-img-html)");
    const bad = convert('{{< youtube "javascript:alert(1)" >}}');
    assert.equal(bad.text, "");
    assert.match(bad.removed[0]?.why ?? "", /names nothing to link to/);
  });

  it("removes any other shortcode, keeping a paired one's inner text, and lists each with its line", () => {
    const source = "Intro\n{{% notice tip %}}\nKeep **this**.\n{{% /notice %}}\n{{< newsletter />}}\n{{< theme-widget a=1 >}}\n{{% comment %}}private{{% /comment %}}\n{{< param motto >}} {{< param nothing >}}\n{{< /stray >}}";
    const { text, removed } = convert(source, { firstLine: 10 });
    assert.equal(text, "Intro\n\nKeep **this**.\n\n\n\n\nSharp tools \n");
    assert.deepEqual(
      removed.map((r) => `${r.line}: ${r.text} (${r.why})`),
      [
        "11: {{% notice tip %}} (a shortcode of the theme, or one the import does not draw; its inner text kept)",
        "14: {{< newsletter />}} (a shortcode of the theme, or one the import does not draw)",
        "15: {{< theme-widget a=1 >}} (a shortcode of the theme, or one the import does not draw)",
        "16: {{% comment %}} (a comment, removed with its text)",
        "17: {{< param nothing >}} (no parameter nothing in the page or the site)",
        "18: {{< /stray >}} (a closing shortcode without its opening)",
      ],
    );
  });

  it("reads nested paired shortcodes, each removed once with its inner text kept", () => {
    const { text, removed } = convert('{{< tabs >}}\n{{< tab "Go" >}}Go text{{< /tab >}}\n{{< tab "Rust" >}}Rust text{{< /tab >}}\n{{< /tabs >}}');
    assert.equal(text, "\nGo text\nRust text\n");
    assert.deepEqual(removed.map((r) => `${r.line}: ${r.text}`), ["1: {{< tabs >}}", "2: {{< tab \"Go\" >}}", "3: {{< tab \"Rust\" >}}"]);
    assert.equal(pageKey("/Posts/My-Bundle/index.md"), "posts/my-bundle");
    assert.equal(pageKey("./other.markdown"), "other");
  });

  it("never reads code: fences and inline code keep their shortcodes, Hugo's escape becomes the literal text", () => {
    const source = [
      "```go-html-template",
      '{{< youtube abc >}}',
      "{{</* figure src=\"x.png\" */>}}",
      "```",
      "",
      "~~~",
      "{{% notice %}}",
      "~~~",
      "",
      'Inline `{{< ref "x" >}}` and ``{{</* y */>}}``; outside code {{</* youtube id */>}} and {{%/* note */%}}.',
    ].join("\n");
    const { text, removed } = convert(source);
    assert.deepEqual(removed, []);
    assert.equal(
      text,
      [
        "```go-html-template",
        '{{< youtube abc >}}',
        '{{< figure src="x.png" >}}',
        "```",
        "",
        "~~~",
        "{{% notice %}}",
        "~~~",
        "",
        'Inline `{{< ref "x" >}}` and ``{{< y >}}``; outside code `{{< youtube id >}}` and `{{% note %}}`.',
      ].join("\n"),
    );
    assert.equal(unescapeShortcodes("{{</* x */>}} {{%/* y */%}}"), "{{< x >}} {{% y %}}");
  });

  it("keeps <pre> and <code> of an HTML file as written", () => {
    const { text, removed } = convert('<p>{{< newsletter >}}</p><pre><code>{{< keep >}} {{</* esc */>}}</code></pre><a href="{{< relref "posts/other" >}}">x</a>', { format: "html" });
    assert.equal(text, '<p></p><pre><code>{{< keep >}} {{< esc >}}</code></pre><a href="https://old.example.org/2019/03/other/">x</a>');
    assert.equal(removed.length, 1);
  });

  it("removes an unclosed shortcode with the rest of its line, and reads >}} inside a quoted value as text", () => {
    const { text, removed } = convert('Before {{< broken "x\nAfter.\n{{< figure src="a.png" caption="a >}} b" >}}');
    assert.match(text, /^Before \nAfter\.\n/);
    assert.match(text, /alt="a &gt;}} b"/);
    assert.deepEqual(removed.map((r) => r.why), ["an unclosed shortcode, removed with the rest of its line"]);
  });
});

describe("Hugo permalinks", () => {
  const page = { day: "2019-03-04", title: "Hello, World! It's me", slug: undefined, filename: "Hello-File", sections: ["posts", "Go Tips"] };

  it("urlizes as Hugo does: spaces to -, punctuation dropped, lower case", () => {
    assert.equal(hugoUrlize("Hello, World! It's me"), "hello-world-its-me");
    assert.equal(hugoUrlize('Hello, "Hugo" & <em>friends</em>'), "hello-hugo-emfriends/em");
    assert.equal(hugoUrlize("Ünïcode  and  C++"), "ünïcode-and-c++");
  });

  it("expands every token", () => {
    assert.equal(expandHugoPermalink("/:year/:month/:title/", page), "/2019/03/hello-world-its-me/");
    assert.equal(expandHugoPermalink("/:year/:month/:day/:slug/", { ...page, slug: "My Slug" }), "/2019/03/04/my-slug/");
    assert.equal(expandHugoPermalink("/:slug/", page), "/hello-world-its-me/", ":slug falls back to the title");
    assert.equal(expandHugoPermalink("/:section/:slugorfilename/", page), "/posts/hello-file/");
    assert.equal(expandHugoPermalink("/:sections/:filename", page), "/posts/go-tips/hello-file/", "a closing slash added");
    assert.equal(expandHugoPermalink("/:monthname/:weekday/:weekdayname/:yearday/:contentbasename.html", page), "/march/1/monday/63/hello-file.html");
    assert.equal(expandHugoPermalink("/:2006/:01/:02/:slugorcontentbasename/", page), "/2019/03/04/hello-file/");
  });

  it("gives a page without a pattern its path in content/", () => {
    assert.equal(defaultHugoPath(page), "/posts/go-tips/hello-file/");
    assert.equal(defaultHugoPath({ ...page, slug: "Other" }), "/posts/go-tips/other/");
    assert.equal(defaultHugoPath(page, true), "/posts/go-tips/hello-file.html");
  });
});

describe("a Hugo site's config", () => {
  it("reads baseURL, permalinks, taxonomies and the time zone", () => {
    const config = readHugoConfig({ baseurl: "https://example.org/blog/", timezone: "Europe/Berlin", permalinks: { page: { Posts: "/:year/:title/" } }, taxonomies: { series: "series" }, params: { Author: { name: "Ana" } } });
    assert.equal(config.origin, "https://example.org");
    assert.equal(config.basePath, "/blog");
    assert.equal(config.timeZone, "Europe/Berlin");
    assert.deepEqual(config.permalinks, { posts: "/:year/:title/" });
    assert.deepEqual(config.taxonomies, ["categories", "tags", "series"]);
    assert.equal(config.author, "Ana");
    assert.equal(readHugoConfig({ baseurl: "/" }).origin, "");
  });

  it("reads config/_default/, one file per key, and knows a Hugo site", () => {
    const site = mkdtempSync(path.join(tmpdir(), "backlist-hugo-config-"));
    try {
      mkdirSync(path.join(site, "config/_default"), { recursive: true });
      mkdirSync(path.join(site, "content"));
      writeFileSync(path.join(site, "config/_default/hugo.yaml"), "baseURL: https://split.example.org/\n");
      writeFileSync(path.join(site, "config/_default/permalinks.toml"), "posts = '/p/:slug/'\n");
      writeFileSync(path.join(site, "config/_default/menus.en.toml"), "not = read\n");
      assert.equal(hugoConfigFile(site), "config/_default");
      assert.ok(isHugoSite(site));
      const config = readHugoConfig(readHugoConfigData(site, "site"));
      assert.equal(config.origin, "https://split.example.org");
      assert.deepEqual(config.permalinks, { posts: "/p/:slug/" });
      rmSync(path.join(site, "content"), { recursive: true });
      assert.equal(isHugoSite(site), false, "no content/: no Hugo site");
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
    assert.ok(isHugoSite(FIXTURE));
    assert.equal(hugoConfigFile(FIXTURE), "config.toml");
  });
});

describe("reading a Hugo site", () => {
  const feed = readHugoSite(FIXTURE, "site", Date.parse("2024-01-01T00:00:00Z"));
  const item = (file: string) => {
    const found = feed.items.find((i) => i.file === `site/content/${file}`);
    assert.ok(found, file);
    return found;
  };

  it("gives every content file an item, skipping what is no post with its reason", () => {
    assert.equal(feed.items.length, 14);
    assert.match(item("_index.md").skip ?? "", /^section page \(_index\)/);
    assert.match(item("posts/_index.md").skip ?? "", /^section page \(_index\)/);
    assert.match(item("about.md").skip ?? "", /^not in a section/);
    assert.match(item("posts/headless-bundle/index.md").skip ?? "", /^headless/);
    assert.match(item("posts/broken.md").skip ?? "", /^unreadable front matter: content\/posts\/broken\.md:2: .*\(TOML\)$/);
    assert.equal(feed.items.filter((i) => !i.skip).length, 8);
    assert.equal(feed.site, "https://hugo.example.com/");
  });

  it("maps the front matter: dates in the site's zone, taxonomies to tags, authors, aliases, the old address", () => {
    const hello = item("posts/hello-hugo.md");
    assert.equal(hello.title, 'Hello, "Hugo" & friends');
    assert.deepEqual(hello.date, { value: "2019-03-04T10:00:00+02:00" });
    assert.equal(hello.updated, "2019-03-10T09:00:00+02:00");
    assert.deepEqual(hello.categories, ["Meta", "hugo", "static sites", "Moving house"]);
    assert.deepEqual(hello.logins, ["ben"]);
    assert.equal(hello.link, "https://hugo.example.com/2019/03/hello-hugo-emfriends/em/");
    assert.match(hello.excerptHtml ?? "", /^<p>This blog moved to Hugo/, "the text before <!--more-->");
    assert.deepEqual(item("posts/json-post.md").date, { value: "2020-01-15T08:30:00+01:00" }, "a time without offset in timeZone");
    assert.deepEqual(item("posts/yaml-post.md").logins, ["ana", "ben", "cleo"]);
    const bundle = item("posts/my-bundle/index.md");
    assert.equal(bundle.slug, "bundled");
    assert.deepEqual(bundle.aliases, ["/old/bundle/", "/posts/older-bundle/"]);
    assert.deepEqual(bundle.resources, ["https://hugo.example.com/2021/06/a-page-bundle/chart.png", "https://hugo.example.com/2021/06/a-page-bundle/photo.png", "https://hugo.example.com/2021/06/a-page-bundle/slides.pdf"]);
    assert.equal(feed.localFiles?.size, 3);
    assert.equal(feed.mediaFolder, path.join(FIXTURE, "static"));
    const dated = item("posts/2018-11-02-dated-name.md");
    assert.deepEqual(dated.date, { value: "2018-11-02" });
    assert.equal(dated.slug, "dated-name");
    assert.equal(item("posts/draft-idea.md").draft, true);
    assert.equal(item("posts/expired.md").skip, "expired (expiryDate 2020-01-01): Hugo no longer published it");
    const before = readHugoSite(FIXTURE, "site", Date.parse("2019-12-15T00:00:00Z")).items.find((i) => i.file.endsWith("expired.md"));
    assert.equal(before?.skip, undefined, "not yet expired");
    assert.equal(item("notes/quick-note.md").link, "https://hugo.example.com/notes/quick-note/");
    assert.equal(item("notes/html-note.html").link, "https://hugo.example.com/legacy/html-note.html");
    assert.deepEqual(feed.authors.map((a) => `${a.login}=${a.name}`).sort(), ["ana=Ana Gopher", "ben=Ben Builder", "cleo=Cleo Coder"]);
  });

  it("reads the bodies: shortcodes drawn or listed, refs on the old addresses", () => {
    const hello = item("posts/hello-hugo.md");
    assert.match(hello.html, /href="https:\/\/hugo\.example\.com\/2019\/03\/yaml-front-matter\/#setup"/);
    assert.match(hello.html, /<figure><a href="https:\/\/go\.dev\/"><img src="\/images\/gopher\.png"/);
    assert.match(hello.html, /<pre><code class="language-go">package main/);
    assert.deepEqual(hello.liquid?.map((r) => `${r.line}: ${r.text}`), ["16: {{% notice tip %}}", "28: {{< newsletter />}}"]);
    assert.match(item("notes/quick-note.md").html, /href="https:\/\/hugo\.example\.com\/2021\/06\/a-page-bundle\/"/);
    assert.match(item("notes/html-note.html").html, /href="https:\/\/hugo\.example\.com\/notes\/quick-note\/"/);
  });
});
