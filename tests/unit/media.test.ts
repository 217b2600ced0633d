/** Issue 13: a post's own files — which references name them, the PNGs made in code, the image HTML. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inPostFolder, mediaReference } from "../../src/media/folder.ts";
import { makePng } from "../../src/media/png.ts";
import { imageHtml, type ImageManifest } from "../../src/media/images.ts";

const SOURCE = "posts/main/2008/xen.md";
const URL = "/main/2008/06/xen/";
const ref = (href: string, image = true) => mediaReference(href, SOURCE, URL, image);

describe("mediaReference", () => {
  it("takes a path from the source file into the post's folder", () => {
    assert.deepEqual(ref("xen/diagram.png"), { kind: "media", name: "diagram.png" });
    assert.deepEqual(ref("./xen/shots/one.png"), { kind: "media", name: "shots/one.png" });
    assert.deepEqual(ref("../2008/xen/diagram.png"), { kind: "media", name: "diagram.png" });
  });
  it("takes a path from the page, which is the post's URL, into the same folder", () => {
    assert.deepEqual(ref("diagram.png"), { kind: "media", name: "diagram.png" });
    assert.deepEqual(ref("shots/my%20shot.png?v=2#x"), { kind: "media", name: "shots/my shot.png" });
  });
  it("names a relative image path that leaves the folder", () => {
    assert.deepEqual(ref("../2007/x.png"), { kind: "outside", resolved: "posts/main/2007/x.png" });
    assert.deepEqual(ref("../../x.png"), { kind: "outside", resolved: "posts/x.png" });
    assert.equal(ref("..\\x.png")?.kind, "outside");
  });
  it("leaves external, root-relative, fragment and page links alone", () => {
    for (const href of ["https://example.com/a.png", "//cdn.example.com/a.png", "/assets/a.png", "#top", "", "data:image/png;base64,AAAA", "mailto:a@b.c"]) {
      assert.equal(ref(href), undefined, href);
    }
    assert.equal(ref("../other-post/", false), undefined);
    assert.equal(ref("other.md", false), undefined);
    assert.equal(ref("page.html", false), undefined);
    assert.deepEqual(ref("slides.pdf", false), { kind: "media", name: "slides.pdf" });
    assert.equal(ref("../2007/old.pdf", false)?.kind, "outside");
  });
});

describe("inPostFolder", () => {
  const sources = new Set(["posts/main/2008/xen.md", "posts/main/2008/xen/notes.md"]);
  it("is true below a post's folder, false for posts themselves", () => {
    assert.equal(inPostFolder("posts/main/2008/xen/notes.md", sources), true);
    assert.equal(inPostFolder("posts/main/2008/xen/deep/more.md", sources), true);
    assert.equal(inPostFolder("posts/main/2008/xen.md", sources), false);
    assert.equal(inPostFolder("posts/main/2008/kvm/a.md", sources), false);
  });
});

describe("makePng", () => {
  it("makes the same bytes for the same options, a valid PNG header, other bytes for another seed", () => {
    const a = makePng({ width: 64, height: 32, seed: 2 });
    assert.deepEqual(a, makePng({ width: 64, height: 32, seed: 2 }));
    assert.notDeepEqual(a, makePng({ width: 64, height: 32, seed: 3 }));
    assert.equal(a.subarray(1, 4).toString("latin1"), "PNG");
    assert.equal(a.readUInt32BE(16), 64);
    assert.equal(a.readUInt32BE(20), 32);
    assert.throws(() => makePng({ width: 0, height: 1 }), /whole width and height/);
  });
});

describe("imageHtml", () => {
  const manifest: ImageManifest = {
    width: 960,
    height: 540,
    format: "png",
    sources: [{ format: "webp", type: "image/webp", files: [{ file: "k-480.webp", width: 480, height: 270, size: 1 }, { file: "k-960.webp", width: 960, height: 540, size: 2 }] }],
  };
  it("writes a picture with a modern source around the original's img, escaping text", () => {
    const html = imageHtml({ base: URL, name: "my diagram.png", alt: 'The "stack" <b>', first: false }, manifest, "100vw");
    assert.equal(
      html,
      '<picture><source type="image/webp" srcset="/main/2008/06/xen/my%20diagram.png.480w.webp 480w, /main/2008/06/xen/my%20diagram.png.960w.webp 960w" sizes="100vw">' +
        '<img src="/main/2008/06/xen/my%20diagram.png" srcset="/main/2008/06/xen/my%20diagram.png 960w" sizes="100vw" alt="The &quot;stack&quot; <b>" width="960" height="540" loading="lazy" decoding="async"></picture>',
    );
  });
  it("gives the img narrower copies of the original when no modern format paid", () => {
    const flat: ImageManifest = { width: 960, height: 540, format: "png", sources: [], narrower: [{ file: "k-480.png", width: 480, height: 270, size: 1 }] };
    assert.equal(
      imageHtml({ base: URL, name: "flat.png", alt: "a diagram", first: true }, flat, "100vw"),
      '<img src="/main/2008/06/xen/flat.png" srcset="/main/2008/06/xen/flat.png.480w.png 480w, /main/2008/06/xen/flat.png 960w" sizes="100vw" alt="a diagram" width="960" height="540">',
    );
  });
  it("loads the first image of a post at once", () => {
    assert.doesNotMatch(imageHtml({ base: URL, name: "a.png", alt: "a", first: true }, manifest), /loading|decoding/);
  });
  it("keeps an image it does not process as it is, with its dimensions", () => {
    const gif: ImageManifest = { width: 100, height: 50, format: "gif", sources: [] };
    assert.equal(imageHtml({ base: URL, name: "anim.gif", alt: "spinner", first: true }, gif), '<img src="/main/2008/06/xen/anim.gif" alt="spinner" width="100" height="50">');
  });
});
