/**
 * Rough edges a newcomer hits with an archive of their own: tags written as
 * one comma-separated string, a transposed key, …
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeHTML } from "entities";
import { MINIMAL_DATA, Project, post } from "./project.ts";

describe("a newcomer's own posts", () => {
  it("splits tags written as one comma-separated string", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/keys.md": post('title: Keys\ndate: "2008-06-01"\ntags: Puppet, Nagios, ssh keys'),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    for (const tag of ["puppet", "nagios", "ssh-keys"]) assert.ok(project.exists(`tags/${tag}/index.html`), tag);
    assert.equal(project.exists("tags/puppet-nagios-ssh-keys/index.html"), false);
    assert.match(project.read("main/2008/06/keys/index.html"), />ssh keys</);
  });

  it("suggests the key a transposed one was meant to be", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/typo.md": post('title: Typo\ndate: "2008-06-01"\ntgas: [Xen]'),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    assert.match(result.stderr, /posts\/main\/2008\/typo\.md:4: tgas: unknown front-matter key, ignored \(did you mean "tags"\?\)/);
  });
});

describe("broken links", () => {
  it("are all reported in one build, .md links, site paths and page-relative links together, with suggestions", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2009/puppet-basics.md": post('title: Puppet Basics\ndate: "2009-03-01"\ntags: [Puppet]'),
      "posts/main/2009/nagios-checks.md": post('title: Nagios Checks\ndate: "2009-04-01"'),
      "posts/main/2009/links.md": post(
        'title: Links\ndate: "2009-05-01"',
        [
          "Wrong year: [basics](../2008/puppet-basics.md).",
          "",
          "A typo: [checks](nagios-chekcs.md).",
          "",
          "A tag page that is not there: [puppet](/tags/pupet/).",
          "",
          "Page-relative: [basics again](../../03/puppet-basic/).",
          "",
          "Fine: [checks](nagios-checks.md), [tag](/tags/puppet/), [up](../../../).",
          "",
        ].join("\n"),
      ),
    });
    const result = project.build();
    assert.equal(result.status, 1, result.output);
    const err = result.stderr;
    assert.match(err, /4 errors in the content/);
    assert.match(err, /posts\/main\/2009\/links\.md:5: \(link\): → \.\.\/2008\/puppet-basics\.md: no such post \(did you mean puppet-basics\.md\?\)/);
    assert.match(err, /posts\/main\/2009\/links\.md:7: \(link\): → nagios-chekcs\.md: no such post \(did you mean nagios-checks\.md\?\)/);
    assert.match(err, /posts\/main\/2009\/links\.md:9: \(link\): → \/tags\/pupet\/: no page or file of the site has this path \(did you mean \/tags\/puppet\/\?\)/);
    assert.match(
      err,
      /posts\/main\/2009\/links\.md:11: \(link\): → \.\.\/\.\.\/03\/puppet-basic\/ \(\/main\/2009\/03\/puppet-basic\/\): no page or file of the site has this path \(did you mean \/main\/2009\/03\/puppet-basics\/\?\)/,
    );
    assert.equal(project.exists("index.html"), false, "nothing was written");
  });
});

describe("an archive with no posts yet", () => {
  it("builds a home page that says so, and no page for sections without data", () => {
    const project = new Project(MINIMAL_DATA);
    const result = project.run("src/tools/build.ts");
    assert.equal(result.status, 0, result.output);
    assert.match(project.read("index.html"), /There are no posts in this archive yet\./);
    assert.match(project.read("404.html"), /href="\/"/);
    for (const page of ["books/index.html", "reviews/index.html"]) assert.equal(project.exists(page), false, page);
    const sitemap = project.read("sitemap.xml");
    assert.match(sitemap, /<loc>https:\/\/example\.org\/<\/loc>/);
    assert.doesNotMatch(sitemap, /\/books\/|\/reviews\//);
  });

  it("builds the books and reviews pages once there is something on them", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "_data/books.yaml": "big-switch:\n  title: The Big Switch\n",
      "_data/reviews.yaml": '- title: A review\n  date: "2008-06"\n  link: https://example.com/review\n',
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    assert.match(project.read("books/index.html"), /The Big Switch/);
    assert.match(project.read("reviews/index.html"), /A review/);
    assert.match(project.read("sitemap.xml"), /\/books\/[\s\S]*\/reviews\/|\/reviews\/[\s\S]*\/books\//);
  });
});

describe("summaries", () => {
  it("taken from a long first paragraph are cut at a word in lists, meta tags and feeds", () => {
    const long = "Hypervisors are becoming a commodity, and the fight over who controls them is really a fight over management tools. ".repeat(12);
    const project = new Project({ ...MINIMAL_DATA, "posts/main/2008/long.md": post('title: Long\ndate: "2008-06-01"', `${long}\n\nSecond paragraph.\n`) });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const summary = decodeHTML(/<p class="summary">([^<]*)<\/p>/.exec(project.read("index.html"))?.[1] ?? "");
    assert.ok(summary.length > 100 && summary.length <= 280, `${summary.length}: ${summary}`);
    assert.match(summary, /^Hypervisors are becoming a commodity, .* [a-z]+…$/);
    const description = decodeHTML(/<meta name="description" content="([^"]*)"/.exec(project.read("main/2008/06/long/index.html"))?.[1] ?? "");
    assert.equal(description, summary);
    assert.ok(decodeHTML(project.read("feed.xml")).includes(summary), "the feed's summary is the same");
  });
});

describe("breadcrumbs and search results", () => {
  it("every page but home has breadcrumbs, and a post's byline is not part of its search text", () => {
    const project = new Project({}, { sample: true });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    for (const page of [
      "search/index.html",
      "404.html",
      "books/index.html",
      "reviews/index.html",
      "podcasts/converging-on-microsoft-podcast/index.html",
      "tags/index.html",
      "archive/index.html",
    ]) {
      assert.match(project.read(page), /<nav class="breadcrumbs" aria-label="Breadcrumb">\s*<ol>\s*<li>\s*<a href="\/">Home<\/a>/, page);
    }
    assert.doesNotMatch(project.read("index.html"), /class="breadcrumbs"/);
    const article = project.read("converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/index.html");
    assert.match(article, /<div class="post-meta" data-pagefind-ignore(="")?>/);
  });
});
