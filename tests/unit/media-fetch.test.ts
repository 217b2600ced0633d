/**
 * Issue 13, items 3 and 4: the importers' download engine against local
 * servers playing the old blog host and the web archive. No test touches
 * the network: `.invalid` names never resolve, everything else is 127.0.0.1.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { CORE_SCHEMA, load } from "js-yaml";
import { ARCHIVED, DIAGRAM, HOSTILE, HUGE, OLD, mediaArchive, oldHost, type MediaServer } from "../support/media-servers.ts";
import { MediaFetcher, fileNameFor, localCandidates, type MediaOutcome } from "../../src/media/store.ts";
import { originalBytesUrl } from "../../src/media/wayback.ts";
import { download } from "../../src/media/fetch.ts";

let host: MediaServer;
let archive: MediaServer & { endpoint: string; asked: string[] };
const roots: string[] = [];
const at = (p: string) => `${host.origin}${p}`;
const POST_DATE = Date.UTC(2008, 5, 24, 14, 30);

/** A project's posts/ folder and a post's folder in it. */
function project(): { posts: string; folder: string; root: string } {
  const root = mkdtempSync(path.join(tmpdir(), "backlist-media-"));
  roots.push(root);
  const posts = path.join(root, "posts");
  mkdirSync(posts);
  return { root, posts, folder: path.join(posts, "main/2008/xen") };
}

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const fetcher = (extra: ConstructorParameters<typeof MediaFetcher>[0] = {}) =>
  new MediaFetcher({ fetch: true, archiveEndpoint: archive.endpoint, download: { timeout: 400, maxBytes: 64 * 1024 }, now: () => Date.UTC(2026, 11, 2, 9, 30), ...extra });

before(async () => {
  host = await oldHost();
  // The archive keeps copies of the 404ed image and of the image on the dead host.
  archive = await mediaArchive({ [at(OLD.gone)]: "20080701120000", ["http://old-blog.invalid/wp-content/uploads/2008/06/dns.png"]: "20080625080000" });
});
after(async () => {
  await host.close();
  await archive.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("the media engine", () => {
  it("downloads what the old host still has, follows redirects, and records where it came from", async () => {
    const { posts, folder } = project();
    const engine = fetcher();
    const [diagram, moved, slides] = await engine.fetchAll([
      { url: at(OLD.diagram), postDate: POST_DATE, folder, within: posts },
      { url: at(OLD.moved), postDate: POST_DATE, folder, within: posts },
      { url: at(OLD.slides), postDate: POST_DATE, folder, within: posts },
    ]);
    assert.deepEqual(diagram, { url: at(OLD.diagram), status: "downloaded", file: path.join(folder, "diagram.png"), reference: "xen/diagram.png" });
    assert.ok(readFileSync(path.join(folder, "diagram.png")).equals(DIAGRAM));
    // Same bytes under the same name: one file.
    assert.equal(moved?.status, "downloaded");
    assert.equal((moved as { reference: string }).reference, "xen/diagram.png");
    assert.equal((slides as { reference: string }).reference, "xen/slides.pdf");
    assert.deepEqual(files(folder), [".sources.yaml", "diagram.png", "slides.pdf"]);
    const records = load(readFileSync(path.join(folder, ".sources.yaml"), "utf8"), { schema: CORE_SCHEMA }) as Record<string, string>[];
    assert.deepEqual(records.find((r) => r.url === at(OLD.diagram)), { file: "diagram.png", url: at(OLD.diagram), from: "host", fetched: "2026-12-02T09:30:00Z" });
  });

  it("asks the web archive for the snapshot nearest the post's date when the host fails, and takes its original bytes", async () => {
    const { posts, folder } = project();
    const before = archive.requests.length;
    const [gone, dns] = await fetcher().fetchAll([
      { url: at(OLD.gone), postDate: POST_DATE, folder, within: posts },
      { url: "http://old-blog.invalid/wp-content/uploads/2008/06/dns.png", postDate: POST_DATE, folder, within: posts },
    ]);
    assert.equal(gone?.status, "archived");
    assert.deepEqual((gone as Extract<MediaOutcome, { status: "archived" }>).snapshot, { url: `${archive.origin}/web/20080701120000/${at(OLD.gone)}`, date: "2008-07-01T12:00:00Z" });
    assert.ok(readFileSync(path.join(folder, "gone.png")).equals(ARCHIVED));
    assert.equal(dns?.status, "archived");
    assert.ok(archive.asked.includes(`${at(OLD.gone)} @ 20080624143000`), archive.asked.join("\n"));
    // The bytes came from the `id_` form, not the replay page.
    assert.ok(archive.requests.slice(before).some((r) => r.startsWith("GET /web/20080701120000id_/")));
    const records = load(readFileSync(path.join(folder, ".sources.yaml"), "utf8"), { schema: CORE_SCHEMA }) as Record<string, string>[];
    assert.deepEqual(records.find((r) => r.file === "gone.png"), {
      file: "gone.png",
      url: at(OLD.gone),
      from: "archive",
      snapshot: `${archive.origin}/web/20080701120000/${at(OLD.gone)}`,
      snapshot_date: "2008-07-01T12:00:00Z",
      fetched: "2026-12-02T09:30:00Z",
    });
  });

  it("says why each file that cannot be had is missing, and writes nothing for it", async () => {
    const { posts, folder } = project();
    const outcomes = await fetcher().fetchAll(
      [OLD.lost, OLD.slow, OLD.loopA, OLD.huge, OLD.streamed, OLD.page].map((p) => ({ url: at(p), postDate: POST_DATE, folder, within: posts })),
    );
    const reasons = outcomes.map((o) => (o.status === "missing" ? o.reason : `not missing: ${o.status}`));
    assert.deepEqual(reasons, [
      "HTTP 410; no archived copy",
      "timeout; no archived copy",
      `redirect loop at ${at(OLD.loopA)}; no archived copy`,
      "larger than 64 KiB, the size cap",
      "larger than 64 KiB, the size cap",
      "not an image or a file a post keeps (text/html); no archived copy",
    ]);
    assert.ok(HUGE > 64 * 1024);
    assert.deepEqual(files(posts), []);
  });

  it("keeps hostile names inside the post's folder", async () => {
    const { root, posts, folder } = project();
    const outcomes = await fetcher().fetchAll([
      { url: at(OLD.hostileEncoded), folder, within: posts },
      { url: at(OLD.hostileDots), folder, within: posts },
      { url: at(OLD.noExtension), folder, within: posts },
    ]);
    assert.deepEqual(outcomes.map((o) => (o.status === "downloaded" ? o.reference : o.status)), ["xen/x.png", "xen/evil.png", "xen/photo.jpg"]);
    assert.ok(readFileSync(path.join(folder, "x.png")).equals(HOSTILE));
    assert.deepEqual(files(root), ["posts/main/2008/xen/.sources.yaml", "posts/main/2008/xen/evil.png", "posts/main/2008/xen/photo.jpg", "posts/main/2008/xen/x.png"]);
    // A post folder outside posts/ is refused before anything is asked.
    const outside = await fetcher().fetch({ url: at(OLD.diagram), folder: path.join(root, "elsewhere"), within: posts });
    assert.equal(outside.status, "missing");
    assert.match((outside as { reason: string }).reason, /outside its folder|leaves its folder/);
  });

  it("gives a file it cannot write an outcome, and goes on with the others", async () => {
    const { posts, folder } = project();
    // Where the post's folder should be there is a file; and a record that is a link out of the folder.
    mkdirSync(path.dirname(folder), { recursive: true });
    writeFileSync(folder, "not a folder");
    const other = path.join(posts, "main/2008/kvm");
    mkdirSync(other, { recursive: true });
    symlinkSync(path.join(tmpdir(), "elsewhere.yaml"), path.join(other, ".sources.yaml"));
    const [blocked, linked, fine] = await fetcher().fetchAll([
      { url: at(OLD.diagram), folder, within: posts },
      { url: at(OLD.slides), folder: other, within: posts },
      { url: at(OLD.diagram), folder: path.join(posts, "main/2008/ok"), within: posts },
    ]);
    assert.equal(blocked?.status, "missing");
    assert.match((blocked as { reason: string }).reason, /^cannot be written: /);
    assert.equal(linked?.status, "missing");
    assert.match((linked as { reason: string }).reason, /^cannot be written: .*symbolic link/);
    assert.equal(fine?.status, "downloaded");
    assert.ok(!existsSync(path.join(tmpdir(), "elsewhere.yaml")));
  });

  it("downloads a URL once per run, however many posts use it, and skips what an earlier run brought home", async () => {
    const { posts } = project();
    const a = path.join(posts, "main/2008/xen");
    const b = path.join(posts, "main/2009/kvm");
    const engine = fetcher();
    const before = host.requests.length;
    const outcomes = await engine.fetchAll([
      { url: at(OLD.diagram), folder: a, within: posts },
      { url: at(OLD.diagram), folder: b, within: posts },
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ["downloaded", "downloaded"]);
    assert.equal(host.requests.length - before, 1);
    assert.ok(readFileSync(path.join(b, "diagram.png")).equals(DIAGRAM));
    const again = await fetcher().fetchAll([{ url: at(OLD.diagram), folder: a, within: posts }]);
    assert.equal(again[0]?.status, "kept");
    assert.equal(host.requests.length - before, 1);
  });

  it("finds files in a local copy of the uploads folder by their URL path, without asking anyone", async () => {
    const { root, posts, folder } = project();
    const uploads = path.join(root, "uploads");
    mkdirSync(path.join(uploads, "2008/06"), { recursive: true });
    writeFileSync(path.join(uploads, "2008/06/diagram.png"), DIAGRAM);
    const before = host.requests.length;
    const engine = fetcher({ mediaDir: uploads, fetch: false });
    const [found, absent] = await engine.fetchAll([
      { url: "https://old-blog.invalid/wp-content/uploads/2008/06/diagram.png", folder, within: posts },
      { url: "https://old-blog.invalid/wp-content/uploads/2008/06/other.png", folder, within: posts },
    ]);
    assert.equal(found?.status, "local");
    assert.equal((found as { from: string }).from, path.join(uploads, "2008/06/diagram.png"));
    assert.deepEqual(absent, { url: "https://old-blog.invalid/wp-content/uploads/2008/06/other.png", status: "missing", reason: "not in the media folder (downloads are off)" });
    assert.equal(host.requests.length, before);
    assert.equal(engine.downloads, 0);
  });
});

describe("the engine's pieces", () => {
  it("names files safely", () => {
    assert.equal(fileNameFor("http://h/a/%2e%2e%2f%2e%2e%2fx.png"), "x.png");
    assert.equal(fileNameFor("http://h/a/..%5C..%5Cevil.png"), "evil.png");
    assert.equal(fileNameFor("http://h/.htaccess"), "htaccess");
    assert.equal(fileNameFor("http://h/My%20Screen%20Shot%20(2).PNG"), "My-Screen-Shot-2.PNG");
    assert.equal(fileNameFor("http://h/", "image/png"), "file.png");
    assert.equal(fileNameFor("http://h/photo?id=3", "image/jpeg"), "photo.jpg");
    assert.ok(fileNameFor(`http://h/${"a".repeat(300)}.png`).length <= 100);
  });
  it("tries the whole URL path, then shorter tails, in a local uploads folder", () => {
    assert.deepEqual(localCandidates("https://h/wp-content/uploads/2008/06/x.png"), ["wp-content/uploads/2008/06/x.png", "uploads/2008/06/x.png", "2008/06/x.png", "06/x.png"]);
    assert.deepEqual(localCandidates("https://h/x.png"), ["x.png"]);
  });
  it("asks for a snapshot's original bytes", () => {
    assert.equal(originalBytesUrl("https://web.archive.org/web/20080624101500/http://old/x.png"), "https://web.archive.org/web/20080624101500id_/http://old/x.png");
    assert.equal(originalBytesUrl("https://web.archive.org/web/20080624101500im_/http://old/x.png"), "https://web.archive.org/web/20080624101500id_/http://old/x.png");
  });
  it("refuses other schemes", async () => {
    assert.deepEqual(await download("file:///etc/passwd"), { ok: false, reason: "not an http(s) URL (file:)", hostFailed: false });
  });
});
