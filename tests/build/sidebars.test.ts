/** Issue 3: sidebars and cross-links on built pages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

const SEED = "converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/index.html";

/** The text of the sidebar box with heading id `id`, or "" when absent. */
function box(html: string, id: string): string {
  const match = new RegExp(`<section class="widget ${id}"[^>]*>(.*?)</section>`, "s").exec(html);
  return match?.[1] ?? "";
}

function links(fragment: string): { href: string; text: string }[] {
  return [...fragment.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/gs)].map((m) => ({ href: m[1] ?? "", text: m[2] ?? "" }));
}

describe("the seed article shows every sidebar element of the model page", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();
  const html = result.status === 0 ? project.read(SEED) : "";

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("recent posts: the six the model page lists, newest first", () => {
    const recent = links(box(html, "recent-posts")).map((l) => l.text);
    assert.deepEqual(recent, [
      "Parallels - Two Divergent Paths for Macs &amp; Windows",
      "iPhone 3G Cheaper And Costs More?",
      "How Apple Can Win The Browser Wars",
      "Tough Week For Jerry At Yahoo",
      "Red Hat Takes Hypervisor Control Back From Citrix",
      "Live Mesh Dumps UAC",
    ]);
    assert.match(box(html, "recent-posts"), /Like this\? Here are some of Mitchell(’|&#8217;)s recent posts/);
  });

  it("product reviews, sister-blog posts, books, podcast episode", () => {
    assert.deepEqual(links(box(html, "product-reviews")).map((l) => l.text), [
      "Microsoft Live Mesh",
      "Google App Engine",
      "Xobni Outlook plugin",
    ], "in the model page's order");
    assert.deepEqual(links(box(html, "sister-blog")).map((l) => l.text).slice(0, 4), [
      "Get Ready For XaaS Everywhere",
      "Unbelievably Bad Web Password Security",
      "Back From Hiatus, Saved by Web 2.0 Technology",
      "It Takes a Village.. ah, actually, being there first and tons of hard work",
    ]);
    // The heading the model page gave it, set in the blog's words (issue 16, issue 17 item 4).
    assert.match(box(html, "sister-blog"), /<h2 id="sister-blog-heading">Recent Converging Network Blog Posts<\/h2>/);
    assert.doesNotMatch(html, /Recent The Converging Network/);
    assert.deepEqual(links(box(html, "books")).map((l) => l.text), ["The Big Switch", "Zero Day Attack", "Clear Blogging"]);
    const podcast = links(box(html, "podcast"));
    assert.deepEqual(podcast.map((l) => l.text), ["Converging On Microsoft Podcast", "Security Mike Gets Serious About Security"]);
    assert.equal(podcast[1]?.href, "/podcasts/converging-on-microsoft-podcast/#security-mike-gets-serious-about-security");
    assert.deepEqual(links(box(html, "also-visit")).map((l) => l.text), ["The Converging Network", "SSAATY Security Podcast"]);
    assert.match(box(html, "promos"), /Rock Star jobs in SaaS: SaaS Jobs/);
  });

  it("related posts: the pinned predecessor first", () => {
    const related = links(box(html, "related-posts"));
    assert.equal(related[0]?.text, "Red Hat Takes Hypervisor Control Back From Citrix");
    assert.ok(related.length > 1 && related.length <= 6, `pinned + at most 5, got ${related.length}`);
    assert.ok(!related.some((l) => l.href.includes("citrix-virtualization-cto")), "never the post itself");
  });

  it("every sidebar link leads to a built page and anchor", () => {
    for (const id of ["related-posts", "recent-posts", "product-reviews", "sister-blog", "books", "podcast", "also-visit"]) {
      for (const { href } of links(box(html, id))) {
        const [pathname, anchor] = href.split("#") as [string, string | undefined];
        assert.ok(project.exists(`${pathname}index.html`), `${id}: ${href} is a page`);
        if (anchor) assert.match(project.read(`${pathname}index.html`), new RegExp(`id="${anchor}"`), `${id}: #${anchor} exists`);
      }
    }
  });

  it("the post it replies to is linked from it (backlink)", () => {
    const redHat = project.read("converging-on-microsoft/2008/06/red-hat-takes-hypervisor-control-back-from-citrix/index.html");
    assert.deepEqual(links(box(redHat, "backlinks")).map((l) => l.href), [
      "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/",
    ]);
    // Issue 16: the seed article's linking sentence, the linked words marked, written after the post it links to.
    assert.match(box(redHat, "backlinks"), /<li><span class="later">later: <\/span><a href="\/converging-on-microsoft\/2008\/06\/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy\/">/);
    assert.match(
      box(redHat, "backlinks"),
      /<p class="backlink-context">My recent blog post “<mark>Red Hat Takes Hypervisor Control Back From Citrix<\/mark>” appears to have elicited a response from Simon Crosby, CTO for Virtualization at Citrix\.<\/p>/,
    );
  });

  it("no podcast feed where no episode's audio survived; no series pages where there is no series (issue 16)", () => {
    assert.equal(project.exists("podcasts/converging-on-microsoft-podcast/feed.xml"), false);
    assert.equal(project.exists("podcasts/ssaaty-security-podcast/feed.xml"), false);
    assert.doesNotMatch(project.read("podcasts/converging-on-microsoft-podcast/index.html"), /application\/rss\+xml/);
    assert.equal(project.exists("series/index.html"), false);
    assert.doesNotMatch(result.output, /warning/, "the sample archive builds without warnings");
  });

  it("as of its date: an older post's sidebars show nothing newer", () => {
    const liveMesh = project.read("converging-on-microsoft/2008/06/live-mesh-dumps-uac/index.html");
    assert.equal(box(liveMesh, "recent-posts"), "", "the oldest post of the blog has no earlier posts");
  });
});

describe("time-faithful sidebars", () => {
  const data = {
    ...MINIMAL_DATA,
    "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\n  sister_blogs: [side]\nside:\n  title: Side Blog\n  author: ann\n",
    "_data/podcasts.yaml":
      'show:\n  title: The Show\n  host: ann\n  blog: main\n  episodes:\n    - title: Episode One\n      date: "2008-01-10"\n    - title: Episode Two\n      date: "2009-01-10"\n',
    "_data/reviews.yaml": '- title: Old Gadget\n  date: "2008-01-05"\n  author: ann\n- title: New Gadget\n  date: "2009-06-01"\n  author: ann\n',
    "posts/main/2008/first.md": post('title: First\ndate: "2008-02-01"'),
    "posts/main/2009/second.md": post('title: Second\ndate: "2009-02-01"'),
    "posts/side/2008/side-early.md": post('title: Side Early\ndate: "2008-01-20"'),
    "posts/side/2009/side-late.md": post('title: Side Late\ndate: "2009-01-20"'),
  };

  it("as-of-post shows what existed on the post's date", () => {
    const project = new Project(data);
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const first = project.read("main/2008/02/first/index.html");
    assert.deepEqual(links(box(first, "podcast")).map((l) => l.text), ["The Show", "Episode One"]);
    assert.deepEqual(links(box(first, "product-reviews")).map((l) => l.text), ["Old Gadget"]);
    assert.deepEqual(links(box(first, "sister-blog")).map((l) => l.text).slice(0, 1), ["Side Early"]);
    assert.doesNotMatch(box(first, "sister-blog"), /Side Late/);
    const second = project.read("main/2009/02/second/index.html");
    assert.deepEqual(links(box(second, "podcast")).map((l) => l.text), ["The Show", "Episode Two"]);
    assert.deepEqual(links(box(second, "recent-posts")).map((l) => l.text), ["First"]);
  });

  it("latest shows the newest", () => {
    const project = new Project({ ...data, "_data/site.yaml": MINIMAL_DATA["_data/site.yaml"] + "sidebar: latest\n" });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const first = project.read("main/2008/02/first/index.html");
    assert.deepEqual(links(box(first, "podcast")).map((l) => l.text), ["The Show", "Episode Two"]);
    assert.deepEqual(links(box(first, "product-reviews")).map((l) => l.text), ["New Gadget", "Old Gadget"]);
    assert.deepEqual(links(box(first, "recent-posts")).map((l) => l.text), ["Second"]);
  });
});

describe("broken internal links fail the build", () => {
  it("lists every broken link as file:line → target, and writes nothing", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/target.md": post('title: Target\ndate: "2008-06-01"'),
      "posts/main/2008/source.md": post(
        'title: Source\ndate: "2008-06-02"',
        "Fine: [target](target.md#intro) and [home](/).\n\nBroken: [missing](../2007/missing.md).\n\nAlso [nowhere](/no/such/page/) and [asset](/assets/nope.png).\n",
      ),
    });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /posts\/main\/2008\/source\.md:7: \(link\): → \.\.\/2007\/missing\.md: no such post/);
    assert.equal(project.exists("index.html"), false);
  });

  it("checks root-relative links against the pages and files of the site", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/source.md": post(
        'title: Source\ndate: "2008-06-02"',
        "Fine: [home](/), [tags](/authors/ann/) and [css](/assets/css/site.css).\n\nAlso [nowhere](/no/such/page/) and [asset](/assets/nope.png).\n",
      ),
    });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /posts\/main\/2008\/source\.md:7: \(link\): → \/no\/such\/page\/: no page or file/);
    assert.match(result.stderr, /posts\/main\/2008\/source\.md:7: \(link\): → \/assets\/nope\.png: no page or file/);
    assert.doesNotMatch(result.stderr, /→ \/authors\/ann\//);
    assert.equal(project.exists("index.html"), false);
  });

  it("keeps the #anchor of a cross-link", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/target.md": post('title: Target\ndate: "2008-06-01"', "## Intro\n\nText.\n"),
      "posts/main/2008/source.md": post('title: Source\ndate: "2008-06-02"', "See [the intro](target.md#intro) and [from the root](/posts/main/2008/target.md).\n"),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const html = project.read("main/2008/06/source/index.html");
    assert.match(html, /href="\/main\/2008\/06\/target\/#intro"/);
    assert.match(html, /href="\/main\/2008\/06\/target\/">from the root/);
  });
});
