/**
 * What the build makes of recorded links (issue 15): link keys, the anchors
 * of a page, dead links to their copies with Robust Links attributes, dead
 * links marked, moved links rewritten on request; the data file's schema
 * and its deterministic text; the keeper's report.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CORE_SCHEMA, load } from "js-yaml";
import { htmlLinks } from "../../src/links/collect.ts";
import { linksYaml } from "../../src/links/file.ts";
import { anchors } from "../../src/links/html.ts";
import { type LinkRecord, LinksFileSchema } from "../../src/links/model.ts";
import { linkTreatments, markLinks, type PresentOptions } from "../../src/links/present.ts";
import { buildReport, reportText } from "../../src/links/report.ts";
import { isExternal, linkKey } from "../../src/links/url.ts";

const KEEP: PresentOptions = { movedLinks: "keep", language: "en" };
const COPY = "https://web.archive.org/web/20080624101500/http://press.example.com/kvm.html";
const RECORDS: LinkRecord[] = [
  { url: "http://press.example.com/kvm.html", status: "dead", checked: "2026-12-01T00:00:00Z", code: 404, archived: { url: COPY, date: "2008-06-24T10:15:00Z" } },
  { url: "http://ovirt.example.org/beta", status: "dead", checked: "2026-12-01T00:00:00Z", code: 410 },
  { url: "http://old.example.net/notes", status: "moved", checked: "2026-12-01T00:00:00Z", code: 200, final_url: "https://new.example.net/notes" },
  { url: "https://xen.example.org/", status: "alive", checked: "2026-12-01T00:00:00Z", code: 200 },
  { url: "https://members.example.com/", status: "unchecked", checked: "2026-12-01T00:00:00Z", code: 403 },
];

describe("linkKey", () => {
  it("names one link one way: scheme and host case, an empty path, the fragment, protocol-relative", () => {
    assert.equal(linkKey("HTTPS://Example.COM"), "https://example.com/");
    assert.equal(linkKey(" https://example.com/a#top "), "https://example.com/a");
    assert.equal(linkKey("//example.com/a?b=1"), "https://example.com/a?b=1");
  });

  it("is undefined for anything but an absolute http(s) URL", () => {
    for (const href of ["/tags/xen/", "../x.md", "#top", "mailto:a@example.org", "javascript:alert(1)", "ftp://example.org/", "http://"]) {
      assert.equal(linkKey(href), undefined, href);
    }
  });

  it("tells the archive's own links from external ones", () => {
    assert.equal(isExternal("https://example.org/tags/", "https://example.org"), false);
    assert.equal(isExternal("https://example.com/", "https://example.org"), true);
  });
});

describe("anchors and htmlLinks", () => {
  it("reads every <a href> but those in comments, scripts and styles", () => {
    const html = [
      '<p><a href="https://a.example/?x=1&amp;y=2">a</a> <A HREF=https://b.example/>b</A>',
      "<a title='t' href='//c.example/p'>c</a></p>",
      '<!-- <a href="https://comment.example/"> -->',
      '<script>document.write("<a href=\\"https://script.example/\\">")</script>',
      '<style>a[href="https://style.example/"]{}</style>',
      '<a href="/local/">local</a><a name="x">anchor</a>',
    ].join("\n");
    assert.deepEqual(htmlLinks(html), ["https://a.example/?x=1&y=2", "https://b.example/", "https://c.example/p"]);
    assert.equal(anchors(html).length, 5);
  });
});

describe("markLinks", () => {
  const treatments = linkTreatments(RECORDS, KEEP);

  it("sends a dead link to its copy, with the Robust Links attributes and a note in the link's text", () => {
    const html = markLinks('<p>See <a href="http://press.example.com/kvm.html#section-2" rel="noopener">the press release</a>.</p>', treatments, KEEP);
    assert.equal(
      html,
      `<p>See <a href="${COPY}#section-2" rel="noopener" data-originalurl="http://press.example.com/kvm.html" data-versionurl="${COPY}" data-versiondate="2008-06-24" class="link-archived">the press release<span class="link-note" data-pagefind-ignore> (archived copy, June 24, 2008)</span></a>.</p>`,
    );
  });

  it("marks a dead link without a copy, keeping its classes", () => {
    const html = markLinks('<a class="book" href="http://OVIRT.example.org/beta">oVirt</a>', treatments, KEEP);
    assert.equal(html, '<a class="book link-dead" href="http://OVIRT.example.org/beta">oVirt<span class="link-note" data-pagefind-ignore> (dead link)</span></a>');
  });

  it("leaves alive, unchecked, unrecorded and (by default) moved links as written", () => {
    const html = '<a href="https://xen.example.org/">x</a><a href="https://members.example.com/">m</a><a href="https://else.example/">e</a><a href="http://old.example.net/notes">n</a>';
    assert.equal(markLinks(html, treatments, KEEP), html);
  });

  it("rewrites a moved link to where it leads with moved_links: rewrite", () => {
    const rewrite: PresentOptions = { movedLinks: "rewrite", language: "en" };
    assert.equal(
      markLinks('<a href="http://old.example.net/notes#n2">notes</a>', linkTreatments(RECORDS, rewrite), rewrite),
      '<a href="https://new.example.net/notes#n2">notes</a>',
    );
  });

  it("leaves links marked by hand, and the report's originals, alone", () => {
    const html = `<a href="http://press.example.com/kvm.html" data-versionurl="${COPY}">x</a><a href="http://ovirt.example.org/beta" data-link-as-written>y</a>`;
    assert.equal(markLinks(html, treatments, KEEP), html);
  });

  it("does not touch links in comments or scripts, and survives an unclosed link", () => {
    const html = '<!-- <a href="http://ovirt.example.org/beta">x</a> --><a href="http://ovirt.example.org/beta">open <a href="https://xen.example.org/">next</a>';
    assert.equal(
      markLinks(html, treatments, KEEP),
      '<!-- <a href="http://ovirt.example.org/beta">x</a> --><a href="http://ovirt.example.org/beta" class="link-dead">open <a href="https://xen.example.org/">next</a>',
    );
  });

  it("escapes what it writes into attributes", () => {
    const records: LinkRecord[] = [
      { url: "http://a.example/x", status: "dead", archived: { url: 'https://copy.example/web/1/http://a.example/x?"><script>', date: "2008-01-01T00:00:00Z" } },
    ];
    const html = markLinks('<a href="http://a.example/x">a</a>', linkTreatments(records, KEEP), KEEP);
    assert.doesNotMatch(html, /<script>|"><script/);
    assert.match(html, /data-versionurl="https:\/\/copy\.example\/web\/1\/http:\/\/a\.example\/x\?&quot;&gt;&lt;script&gt;"/);
  });
});

describe("_data/links.yaml", () => {
  it("is written in URL order with quoted strings, and read back as it was", () => {
    const text = linksYaml([...RECORDS].reverse());
    const back = LinksFileSchema.parse(load(text, { schema: CORE_SCHEMA }));
    assert.deepEqual(back.map((r) => r.url), [...RECORDS.map((r) => r.url)].sort());
    assert.equal(linksYaml(back), text, "writing what was read changes nothing");
    assert.match(text, /^- url: "http:\/\/old\.example\.net\/notes"\n {2}status: "moved"\n {2}checked: "2026-12-01T00:00:00Z"/m);
    assert.match(text, /^# The archive's external links/);
  });

  it("says what is wrong with a record", () => {
    const result = LinksFileSchema.safeParse([{ url: "ftp://x", status: "gone" }, { url: "https://a.example/", status: "moved" }]);
    assert.equal(result.success, false);
    const issues = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    assert.deepEqual(issues, [
      "0.url: must be an absolute http(s) URL",
      "0.status: must be one of alive, moved, dead, unchecked",
      "1.final_url: is required for a moved link",
    ]);
  });
});

describe("the keeper's report", () => {
  const post = { url: "/main/2008/06/xen/", title: "Xen" };
  const other = { url: "/main/2008/07/kvm/", title: "KVM" };
  const bySource = new Map([
    ["posts/main/2008/xen.md", post],
    ["posts/main/2008/kvm.md", other],
  ]) as unknown as Parameters<typeof buildReport>[0]["bySource"];
  const cite = (source: string) => ({ file: source, post: source });
  const citations = new Map([
    ["http://press.example.com/kvm.html", [cite("posts/main/2008/xen.md")]],
    ["http://ovirt.example.org/beta", [cite("posts/main/2008/kvm.md"), { file: "_data/books.yaml" }]],
    ["http://old.example.net/notes", [cite("posts/main/2008/xen.md")]],
    ["https://xen.example.org/", [cite("posts/main/2008/xen.md")]],
    ["https://members.example.com/", [cite("posts/main/2008/xen.md")]],
    ["https://never.example/", [cite("posts/main/2008/xen.md")]],
  ]);

  it("counts each state, ranks the posts with dead links without a copy first, and lists what needs a look", () => {
    const report = buildReport({ bySource }, citations, RECORDS);
    assert.deepEqual(report.counts, { alive: 1, moved: 1, "dead-with-copy": 1, "dead-without-copy": 1, unchecked: 1, "not-recorded": 1 });
    assert.deepEqual(report.worst.map((w) => [w.url, w.deadWithoutCopy, w.deadWithCopy]), [
      ["/main/2008/07/kvm/", 1, 0],
      ["/main/2008/06/xen/", 0, 1],
    ]);
    assert.deepEqual(report.attention.map((l) => l.state), ["not-recorded", "unchecked", "dead-without-copy", "dead-with-copy", "moved"]);
    assert.deepEqual(report.attention.find((l) => l.state === "dead-without-copy")?.files, ["_data/books.yaml"]);
    assert.equal(report.oldestCheck, "2026-12-01T00:00:00Z");
    const text = reportText(report);
    assert.match(text, /^6 external links:\n {2}1 alive\n {2}1 moved\n {2}1 dead, with an archived copy\n {2}1 dead, without a copy/);
    assert.match(text, /dead-without-copy {1,}http:\/\/ovirt\.example\.org\/beta \(HTTP 410\), checked 2026-12-01/);
    assert.match(text, /moved {1,}http:\/\/old\.example\.net\/notes \(HTTP 200, → https:\/\/new\.example\.net\/notes\)/);
  });
});
