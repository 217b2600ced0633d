/**
 * Issue "Bad input and safety": text from posts and data is text wherever it
 * lands. An archive whose title, tag, summary, author, blog and site names
 * all try to break out of their place (tests/fixtures/bad-input/hostile.ts)
 * is built, and every written file is read back with real parsers: HTML with
 * parse5 (as a browser parses it), feeds with feed readers, JSON-LD as JSON.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed } from "feedsmith";
import { parse, parseFragment } from "parse5";
import { type Element, attr, elements, text } from "../support/dom.ts";
import { HOSTILE_AUTHOR, HOSTILE_SERIES, HOSTILE_FILES, HOSTILE_POST_URL, HOSTILE_SUMMARY, HOSTILE_TAG, HOSTILE_TITLE } from "../fixtures/bad-input/hostile.ts";
import { Project } from "./project.ts";
import { slugify } from "../../src/slug.ts";

/**
 * What no page may hold, whatever its text: an element the hostile text
 * spells (`b`, `img`), an event-handler attribute, or a script that runs
 * inline. Scripts are files (`src`) or JSON-LD data that parses as JSON.
 */
function assertInert(html: string, where: string): Element[] {
  const all = elements(parse(html));
  for (const el of all) {
    assert.ok(!["b", "img"].includes(el.tagName), `${where}: a <${el.tagName}> element was created`);
    const handler = el.attrs.find((a) => /^on/i.test(a.name));
    assert.equal(handler, undefined, `${where}: <${el.tagName} ${handler?.name}> runs script`);
    if (el.tagName === "script") {
      if (attr(el, "src")) continue;
      assert.equal(attr(el, "type"), "application/ld+json", `${where}: an inline script`);
      assert.doesNotThrow(() => JSON.parse(text(el)), `${where}: JSON-LD that is not JSON`);
    }
  }
  return all;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe("hostile text stays text", () => {
  const project = new Project(HOSTILE_FILES);
  const result = project.build();
  const site = path.join(project.root, "_site");
  const tagPage = `tags/${slugify(HOSTILE_TAG)}/index.html`;
  const postPage = `${HOSTILE_POST_URL.slice(1)}index.html`;

  it("builds", () => {
    assert.equal(result.status, 0, result.output);
  });

  it("(the check itself catches a title that broke out)", () => {
    const broken = `<title>${HOSTILE_TITLE}</title><h1>${HOSTILE_TITLE}</h1>`;
    assert.throws(() => assertInert(broken, "broken"), /a <b> element was created|an inline script/);
    assert.throws(() => assertInert(`<p>${HOSTILE_SUMMARY}</p>`, "broken"), /<img/);
  });

  it("no HTML page anywhere holds an element, handler or script made from the text", () => {
    const pages = files(site).filter((file) => file.endsWith(".html"));
    assert.ok(pages.includes(postPage) && pages.includes(tagPage) && pages.includes("index.html"), pages.join(", "));
    for (const page of pages) assertInert(project.read(page), page);
  });

  it("the post's page shows the title as written: heading, <title>, Open Graph, breadcrumbs, JSON-LD", () => {
    const all = assertInert(project.read(postPage), postPage);
    const h1 = all.filter((el) => el.tagName === "h1");
    assert.deepEqual(h1.map(text), [HOSTILE_TITLE]);
    const title = all.find((el) => el.tagName === "title");
    assert.ok(title && text(title).startsWith(`${HOSTILE_TITLE} · `), title && text(title));
    const og = all.find((el) => el.tagName === "meta" && attr(el, "property") === "og:title");
    assert.equal(og && attr(og, "content"), HOSTILE_TITLE);
    const description = all.find((el) => el.tagName === "meta" && attr(el, "name") === "description");
    assert.equal(description && attr(description, "content"), HOSTILE_SUMMARY);

    const scripts = all.filter((el) => el.tagName === "script" && attr(el, "type") === "application/ld+json");
    assert.equal(scripts.length, 1);
    const ld = JSON.parse(text(scripts[0]!)) as { headline: string; description: string; keywords: string; author: { name: string } };
    assert.equal(ld.headline, HOSTILE_TITLE);
    assert.equal(ld.description, HOSTILE_SUMMARY);
    assert.equal(ld.author.name, HOSTILE_AUTHOR);
    assert.ok(ld.keywords.includes(HOSTILE_TAG), ld.keywords);

    const crumb = all.find((el) => el.tagName === "a" && attr(el, "aria-current") === "page");
    assert.equal(crumb && text(crumb), HOSTILE_TITLE);

    const tagLink = all.find((el) => el.tagName === "a" && attr(el, "rel") === "tag" && text(el) === HOSTILE_TAG);
    assert.ok(tagLink, "the tag is linked by its name, as text");
  });

  it("a series name, phrases from data and a linking sentence stay text (issue 16, issue 17 item 4)", () => {
    const seriesPage = `series/${slugify(HOSTILE_SERIES)}/index.html`;
    const onSeries = assertInert(project.read(seriesPage), seriesPage);
    assert.deepEqual(onSeries.filter((el) => el.tagName === "h1").map(text), [HOSTILE_SERIES]);
    const all = assertInert(project.read(postPage), postPage);
    const place = all.find((el) => el.tagName === "p" && attr(el, "class") === "series-place");
    assert.equal(place && text(place), `<i>Part</i> 1 of 1: ${HOSTILE_SERIES}`);
    const about = all.find((el) => el.tagName === "h2" && attr(el, "id") === "about-author");
    assert.equal(about && text(about), `<b>About</b> ${HOSTILE_AUTHOR} <script>window.__pwned=7</script>`);
    const context = all.find((el) => el.tagName === "p" && attr(el, "class") === "backlink-context");
    assert.equal(context && text(context), "Links to the hostile one <b>x</b> <script>window.__pwned=8</script> in its sentence.");
    const scripts = all.filter((el) => el.tagName === "script" && attr(el, "type") === "application/ld+json");
    const ld = JSON.parse(text(scripts[0]!)) as { isPartOf: { name: string }[] };
    assert.equal(ld.isPartOf.at(-1)?.name, HOSTILE_SERIES);
  });

  it("the home page and the tag page list the post by its title, as text", () => {
    for (const page of ["index.html", tagPage, "main/index.html", "archive/2008/06/index.html"]) {
      const links = assertInert(project.read(page), page).filter((el) => el.tagName === "a" && attr(el, "href") === HOSTILE_POST_URL);
      assert.ok(links.some((a) => text(a) === HOSTILE_TITLE), `${page}: no link reading ${HOSTILE_TITLE}`);
    }
    const heading = elements(parse(project.read(tagPage))).find((el) => el.tagName === "h1");
    assert.ok(heading && text(heading).includes(HOSTILE_TAG), heading && text(heading));
  });

  it("Atom feeds give the title, summary and tag back exactly, as text, and their HTML content is inert", () => {
    for (const feed of ["feed.xml", "main/feed.xml"]) {
      const xml = project.read(feed);
      const read = parseFeed(xml).items.find((item) => item.url === `https://example.org${HOSTILE_POST_URL}`);
      assert.equal(read?.title, HOSTILE_TITLE, feed);
      const entry = parseAtomFeed(xml).entries?.find((e) => e.id === `https://example.org${HOSTILE_POST_URL}`);
      assert.deepEqual(entry?.title, { value: HOSTILE_TITLE, type: "text" }, feed);
      assert.deepEqual(entry?.summary, { value: HOSTILE_SUMMARY, type: "text" }, feed);
      assert.ok(entry?.categories?.some((c) => c.term === HOSTILE_TAG), feed);
      const content = entry?.content;
      const html = typeof content === "object" && content && "value" in content ? String(content.value) : "";
      for (const el of elements(parseFragment(html))) assert.ok(!["b", "img", "script"].includes(el.tagName), `${feed}: <${el.tagName}> in content`);
    }
  });

  it("JSON feeds carry the text as plain strings, and their HTML content is inert", () => {
    for (const feed of ["feed.json", "main/feed.json"]) {
      const doc = JSON.parse(project.read(feed)) as { items: { id: string; title: string; summary?: string; content_html: string; tags?: string[] }[] };
      const item = doc.items.find((i) => i.id === `https://example.org${HOSTILE_POST_URL}`);
      assert.equal(item?.title, HOSTILE_TITLE, feed);
      assert.equal(item?.summary, HOSTILE_SUMMARY, feed);
      assert.ok(item?.tags?.includes(HOSTILE_TAG), feed);
      for (const el of elements(parseFragment(item?.content_html ?? ""))) assert.ok(!["b", "img", "script"].includes(el.tagName), `${feed}: <${el.tagName}> in content_html`);
    }
  });
});
