/**
 * Issue 13, items 3 and 4, the importer's side: which images and files of a
 * post are brought home, how their references are rewritten, alt text and
 * captions from a WordPress export's attachments, the engine's key for "the
 * same file", the report's lines and the import state's record of missing
 * files. Pure functions; the end-to-end run is tests/build/import-media.test.ts.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { attachmentOf, fullSizeUrl, indexAttachments, withAttachmentText } from "../../src/import/attachments.ts";
import { htmlToMarkdown } from "../../src/import/html.ts";
import { MediaRefs } from "../../src/import/media.ts";
import { mediaReportLines, printable } from "../../src/import/media-home.ts";
import type { Attachment } from "../../src/import/source.ts";
import { readState, stateText } from "../../src/import/state.ts";
import { sameFileKey } from "../../src/media/store.ts";

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const attachment = (over: Partial<Attachment>): Attachment => ({ id: "1", url: "https://old.example.com/wp-content/uploads/2008/06/a.png", title: "a", caption: "", alt: "", order: 0, ...over });
const INDEX = indexAttachments(
  new Map([
    ["101", attachment({ id: "101", url: "https://old.example.com/wp-content/uploads/2008/06/diagram.png", alt: "Architecture of Xen", caption: "How <em>Xen</em> sits" })],
    ["102", attachment({ id: "102", url: "https://old.example.com/wp-content/uploads/2008/06/console.png", alt: "The console", caption: "" })],
  ]),
);

describe("images and files a post brings home", () => {
  const refs = () => new MediaRefs(["https://old.example.com/", "http://www.old.example.com/2008/06/24/xen/"]);

  it("takes every http(s) image, and links to files of the old site only", () => {
    const media = refs();
    assert.match(media.image("https://images.elsewhere.example/x.png") ?? "", /^http:\/\/backlist-media\.invalid\/\d+$/);
    assert.equal(media.image("ftp://old.example.com/x.png"), undefined);
    assert.ok(media.link("https://old.example.com/wp-content/uploads/slides.pdf"));
    assert.ok(media.link("http://old.example.com/wp-content/uploads/2008/06/Full.JPG"), "any case of extension, www. or not");
    assert.equal(media.link("https://old.example.com/2008/06/24/xen/"), undefined, "a page is no file");
    assert.equal(media.link("https://old.example.com/about.html"), undefined);
    assert.equal(media.link("https://elsewhere.example/paper.pdf"), undefined, "another site's file stays a link");
  });

  it("finds the URLs of a converted body and rewrites them to references, or back to the URL", () => {
    const media = refs();
    const markdown = htmlToMarkdown(
      '<p><a href="/wp-content/uploads/2008/06/diagram.png"><img src="/wp-content/uploads/2008/06/diagram-300x200.png" alt="D"></a></p>' +
        '<p><img src="https://old.example.com/wp-content/uploads/2008/06/(gone).png" alt="G"> and again <img src="/wp-content/uploads/2008/06/diagram-300x200.png" alt="D2"></p>' +
        '<p><a href="https://elsewhere.example/paper.pdf">paper</a></p>',
      "https://old.example.com/2008/06/24/xen/",
      undefined,
      (href) => media.link(href),
      (src) => media.image(src),
    );
    assert.deepEqual(media.urlsIn(markdown), [
      "https://old.example.com/wp-content/uploads/2008/06/diagram-300x200.png",
      "https://old.example.com/wp-content/uploads/2008/06/diagram.png",
      "https://old.example.com/wp-content/uploads/2008/06/(gone).png",
    ]);
    const rewritten = media.rewrite(markdown, (url) => (url.includes("diagram") ? `xen/${url.split("/").pop()}` : undefined));
    assert.equal(
      rewritten,
      "[![D](xen/diagram-300x200.png)](xen/diagram.png)\n\n" +
        "![G](https://old.example.com/wp-content/uploads/2008/06/\\(gone\\).png) and again ![D2](xen/diagram-300x200.png)\n\n" +
        "[paper](https://elsewhere.example/paper.pdf)\n",
    );
    assert.equal(media.rewrite("no media here"), "no media here");
  });
});

describe("alt text and captions from the export's attachments", () => {
  it("finds an image's attachment by its wp-image class, else by its URL, resized copies included", () => {
    assert.equal(attachmentOf("/x.png", "alignnone wp-image-102", INDEX)?.id, "102");
    assert.equal(attachmentOf("/wp-content/uploads/2008/06/diagram-300x200.png", undefined, INDEX, "http://OLD.example.com/p/")?.id, "101");
    assert.equal(attachmentOf("/wp-content/uploads/2008/06/other.png", "", INDEX, "https://old.example.com/")?.id, undefined);
    assert.equal(fullSizeUrl("https://h/a/racks-1024x768.jpg?w=3"), "https://h/a/racks.jpg?w=3");
    assert.equal(fullSizeUrl("https://h/a/300x200.jpg"), "https://h/a/300x200.jpg");
  });

  it("gives an image without alt text its attachment's, and keeps what the post says", () => {
    assert.equal(withAttachmentText('<img class="wp-image-102" src="/c.png" alt="" />', INDEX), '<img class="wp-image-102" src="/c.png" alt="The console" />');
    assert.equal(withAttachmentText('<img class="wp-image-102" src="/c.png">', INDEX), '<img class="wp-image-102" src="/c.png" alt="The console">');
    assert.equal(withAttachmentText('<img class="wp-image-102" src="/c.png" alt="Mine">', INDEX), '<img class="wp-image-102" src="/c.png" alt="Mine">');
  });

  it("puts an image outside a figure, with the link around it, in a figure with the attachment's caption", () => {
    assert.equal(
      withAttachmentText('<p><a href="/full.png"><img class="wp-image-101" src="/t.png" alt="Mine"></a> text</p>', INDEX),
      '<p><figure><a href="/full.png"><img class="wp-image-101" src="/t.png" alt="Mine"></a><figcaption>How <em>Xen</em> sits</figcaption></figure> text</p>',
    );
    // A link that holds more than the image stays around it.
    assert.equal(
      withAttachmentText('<a href="/full.png"><img class="wp-image-101" src="/t.png" alt="x"> and text</a>', INDEX),
      '<a href="/full.png"><figure><img class="wp-image-101" src="/t.png" alt="x"><figcaption>How <em>Xen</em> sits</figcaption></figure> and text</a>',
    );
    assert.equal(
      withAttachmentText('<img class="wp-image-101" src="/t.png" alt="">', INDEX),
      '<figure><img class="wp-image-101" src="/t.png" alt="Architecture of Xen"><figcaption>How <em>Xen</em> sits</figcaption></figure>',
    );
  });

  it("adds the caption to a figure that has none, never to one that has its own", () => {
    assert.equal(
      withAttachmentText('<figure class="wp-block-image"><img class="wp-image-101" src="/t.png" alt="x"/></figure>', INDEX),
      '<figure class="wp-block-image"><img class="wp-image-101" src="/t.png" alt="x"/><figcaption>How <em>Xen</em> sits</figcaption></figure>',
    );
    const captioned = '<figure><img class="wp-image-101" src="/t.png" alt="x"><figcaption>Own</figcaption></figure>';
    assert.equal(withAttachmentText(captioned, INDEX), captioned);
    const plain = '<p><img src="/unknown.png" alt=""></p>';
    assert.equal(withAttachmentText(plain, INDEX), plain);
  });

  it("escapes the alt text it writes", () => {
    const index = indexAttachments(new Map([["7", attachment({ id: "7", alt: 'A "quoted" <b>' })]]));
    assert.equal(withAttachmentText('<img class="wp-image-7" src="/a.png">', index), '<img class="wp-image-7" src="/a.png" alt="A &quot;quoted&quot; &lt;b&gt;">');
  });
});

describe("the same file", () => {
  it("is one whatever the scheme, the host's case or a file's query", () => {
    assert.equal(sameFileKey("http://Old.Example.com/x.png"), sameFileKey("https://old.example.com/x.png"));
    assert.equal(sameFileKey("http://old.example.com/x.PNG?ver=2#top"), sameFileKey("http://old.example.com/x.PNG"));
    assert.notEqual(sameFileKey("http://old.example.com/image.php?id=1"), sameFileKey("http://old.example.com/image.php?id=2"));
    assert.notEqual(sameFileKey("http://old.example.com/a/x.png"), sameFileKey("http://old.example.com/b/x.png"));
  });
});

describe("the report's media lines", () => {
  it("counts and lists every file with its outcome, escaping what the export says", () => {
    const lines = mediaReportLines({
      active: true,
      posts: [
        {
          file: "posts/main/2008/xen.md",
          outcomes: [
            { url: "https://old.example.com/a.png", status: "local", file: "/p/xen/a.png", reference: "xen/a.png", from: "/u/a.png" },
            { url: "https://old.example.com/b.png", status: "archived", file: "/p/xen/b.png", reference: "xen/b.png", snapshot: { url: "https://web.archive.org/web/20080701120000/https://old.example.com/b.png", date: "2008-07-01T12:00:00Z" } },
            { url: "https://old.example.com/c\u001b[2J.png", status: "missing", reason: "HTTP 404; no archived copy" },
          ],
        },
      ],
    });
    assert.deepEqual(lines, [
      "Images and files: 3 files in 1 post: 1 local, 0 downloaded, 1 from the web archive, 0 already there, 1 missing",
      "  posts/main/2008/xen.md:",
      "    local      xen/a.png ← https://old.example.com/a.png",
      "    archived   xen/b.png ← https://old.example.com/b.png (snapshot of 2008-07-01T12:00:00Z: https://web.archive.org/web/20080701120000/https://old.example.com/b.png)",
      "    missing    https://old.example.com/c\\u{1b}[2J.png: HTTP 404; no archived copy",
      "  (a missing file keeps its absolute URL in the post)",
      "  (where each file came from is in its post folder's .sources.yaml)",
    ]);
  });

  it("says in one line that the images stay where they are when nothing is brought home", () => {
    assert.deepEqual(mediaReportLines({ active: false, posts: [{ file: "posts/main/2008/xen.md", outcomes: [{ url: "https://old.example.com/a.png", status: "missing", reason: "downloads are off" }] }] }), [
      "Images and files: 1 file in 1 post, left at their old addresses (--media <folder> or --fetch-media brings them home)",
    ]);
    assert.deepEqual(mediaReportLines({ active: true, posts: [] }), []);
  });

  it("escapes control, separator and bidirectional characters", () => {
    assert.equal(printable("a\u0007b\u2028c\u202ed"), "a\\u{7}b\\u{2028}c\\u{202e}d");
    assert.equal(printable("plain — text"), "plain — text");
  });
});

describe("the import state's missing files", () => {
  it("are written only when there are some, and read back", async () => {
    assert.doesNotMatch(stateText({ items: {} }), /missing/);
    const root = mkdtempSync(path.join(tmpdir(), "backlist-state-"));
    roots.push(root);
    mkdirSync(path.join(root, "posts/main"), { recursive: true });
    const state = { items: { "wp-post:1@old": { file: "2008/xen.md", sha256: "0".repeat(64) } }, missing: { "https://old.example.com/a.png": { reason: "HTTP 410; no archived copy", checked: "2026-12-02T09:30:00Z" } } };
    writeFileSync(path.join(root, "posts/main/.import-state.json"), stateText(state));
    assert.deepEqual(JSON.parse(JSON.stringify(await readState(root, "main"))), state);
  });
});
