/**
 * Issue 13, items 3 and 4, end to end: `npm run import` of a WordPress
 * export (tests/fixtures/import/wordpress-media.xml) and an RSS feed whose
 * images are partly on the old host, partly only in the web archive, partly
 * in a local copy of the uploads folder and partly gone — against local
 * servers on 127.0.0.1 playing the old host and the archive's availability
 * API. Every image found is stored beside its post and referenced
 * relatively, the rest listed in the report; nothing is written outside
 * posts/; the archive builds with the images served; importing again
 * changes nothing and asks no one.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { CORE_SCHEMA, load } from "js-yaml";
import { ARCHIVED, DIAGRAM, HOSTILE, SCREENSHOT, THUMBNAIL, OLD, mediaArchive, oldHost, type MediaServer } from "../support/media-servers.ts";
import { Project, REPO, hashTree } from "./project.ts";
import { makePng } from "../../src/media/png.ts";

const run = promisify(execFile);
const FIXTURES = path.join(REPO, "tests/fixtures/import");
const LOCAL_ONLY = makePng({ width: 24, height: 16, seed: 21 });

const DATA: Record<string, string> = {
  "_data/site.yaml": "title: Media archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\n",
  "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\nside:\n  title: Side Blog\n  author: ann\n",
};

let host: MediaServer;
let archive: MediaServer & { endpoint: string; asked: string[] };
let project: Project;
const at = (p: string) => `${host.origin}${p}`;

/** `npm run import -- …args` in the project, while this process serves the old host and the archive. */
async function importing(args: string[]): Promise<{ code: number; stdout: string; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/tools/import.ts", ...args], {
      cwd: project.root,
      env: project.env({ BACKLIST_ARCHIVE_ENDPOINT: archive.endpoint }),
      timeout: 120_000,
    });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

const WXR_ARGS = ["export.xml", "--blog", "main", "--media", "old-uploads", "--fetch-media", "--media-timeout", "1", "--media-max-size", "0.0625"];
const source = (file: string) => readFileSync(path.join(project.root, file), "utf8");
const bytes = (file: string) => readFileSync(path.join(project.root, file));

/** Every file of the project that is not a link into the repository, relative. */
function ownFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(file);
      else out.push(path.relative(project.root, file).split(path.sep).join("/"));
    }
  };
  walk(project.root);
  return out.sort();
}

let first: Awaited<ReturnType<typeof importing>>;
let before_: string[];

before(async () => {
  host = await oldHost();
  archive = await mediaArchive({
    [at(OLD.gone)]: "20080701120000",
    "http://images.old-blog.invalid/2008/07/dns.png": "20080712080000",
  });
  project = new Project(DATA);
  const hostPort = host.origin.replace(/^http:\/\//, "");
  project.write({
    "export.xml": readFileSync(path.join(FIXTURES, "wordpress-media.xml"), "utf8").replaceAll("OLD_HOST", hostPort),
    "feed.rss": readFileSync(path.join(FIXTURES, "feed-media.rss"), "utf8").replaceAll("OLD_HOST", hostPort),
  });
  mkdirSync(path.join(project.root, "old-uploads/2008/05"), { recursive: true });
  writeFileSync(path.join(project.root, "old-uploads/2008/05/local-only.png"), LOCAL_ONLY);
  before_ = ownFiles();
  first = await importing(WXR_ARGS);
});
after(async () => {
  await host.close();
  await archive.close();
});

describe("importing posts with their images", () => {
  it("stores every image it could find beside its post and rewrites the references to relative ones", () => {
    assert.equal(first.code, 0, first.output);
    const xen = source("posts/main/2008/xen-diagrams.md");
    // The resized copy links to the full image; the attachment gives the alt text and the caption the post lacked.
    assert.match(xen, /\[!\[Architecture of the Xen hypervisor\]\(xen-diagrams\/diagram-300x200\.png\)\]\(xen-diagrams\/diagram\.png\)\n\nHow the _hypervisor_ sits under the guests\n/);
    // The post's own caption and alt text win over the attachment's.
    assert.match(xen, /!\[The console in 2008\]\(xen-diagrams\/gone\.png\)\n\nThe console, as it was\n/);
    assert.doesNotMatch(xen, /Not used/);
    assert.match(xen, /!\[Rack from the front\]\(xen-diagrams\/local-only\.png\)/);
    assert.match(xen, /\[the slides\]\(xen-diagrams\/slides\.pdf\), or \[the paper\]\(http:\/\/elsewhere\.invalid\/paper\.pdf\) on another site/);
    assert.ok(bytes("posts/main/2008/xen-diagrams/diagram-300x200.png").equals(THUMBNAIL));
    assert.ok(bytes("posts/main/2008/xen-diagrams/diagram.png").equals(DIAGRAM));
    assert.ok(bytes("posts/main/2008/xen-diagrams/gone.png").equals(ARCHIVED), "the snapshot's original bytes");
    assert.ok(bytes("posts/main/2008/xen-diagrams/local-only.png").equals(LOCAL_ONLY));

    const kvm = source("posts/main/2008/kvm-notes.md");
    assert.match(kvm, /!\[The diagram, again\]\(kvm-notes\/diagram\.png\)/);
    assert.match(kvm, /!\[A host that is gone\]\(kvm-notes\/dns\.png\)/);
    assert.match(kvm, /!\[A screenshot\]\(kvm-notes\/Screenshot\.PNG\)/);
    assert.ok(bytes("posts/main/2008/kvm-notes/Screenshot.PNG").equals(SCREENSHOT));
    // What no one has keeps its absolute URL.
    assert.ok(kvm.includes(`![Lost for good](${at(OLD.lost)})`), kvm);

    const trouble = source("posts/main/2008/trouble-with-files.md");
    assert.match(trouble, /!\[A name that climbs\]\(trouble-with-files\/evil\.png\)/);
    assert.match(trouble, /!\[A name that climbs, encoded\]\(trouble-with-files\/x\.png\)/);
    assert.match(trouble, /!\[A name with control characters\]\(trouble-with-files\/bad-name\.png\)/);
    assert.match(trouble, /!\[The diagram, a third time\]\(trouble-with-files\/diagram\.png\)/);
    assert.ok(bytes("posts/main/2008/trouble-with-files/bad-name.png").equals(HOSTILE));
    for (const p of [OLD.slow, OLD.loopA, OLD.huge, OLD.page]) assert.ok(trouble.includes(`](${at(p)})`), `${p} keeps its URL`);
  });

  it("downloads a file once however many posts use it, over http or https, with or without a query", () => {
    const diagram = host.requests.filter((r) => r.startsWith(`GET ${OLD.diagram}`));
    assert.equal(diagram.length, 1, host.requests.join("\n"));
    assert.ok(bytes("posts/main/2008/trouble-with-files/diagram.png").equals(DIAGRAM));
    // The local copy was taken without asking the host.
    assert.ok(!host.requests.some((r) => r.includes("local-only")));
    // The archive was asked for the snapshot nearest each post's date.
    assert.ok(archive.asked.includes(`${at(OLD.gone)} @ 20080624143000`), archive.asked.join("\n"));
    assert.ok(archive.asked.includes("http://images.old-blog.invalid/2008/07/dns.png @ 20080710130000"), archive.asked.join("\n"));
  });

  it("writes nothing outside posts/, and nothing but the posts' own files in their folders", () => {
    const added = ownFiles().filter((f) => !before_.includes(f));
    assert.deepEqual(added.filter((f) => !f.startsWith("posts/main/")), []);
    assert.deepEqual(
      added.filter((f) => /\/(xen-diagrams|kvm-notes|trouble-with-files)\//.test(f)),
      [
        "posts/main/2008/kvm-notes/.sources.yaml",
        "posts/main/2008/kvm-notes/Screenshot.PNG",
        "posts/main/2008/kvm-notes/diagram.png",
        "posts/main/2008/kvm-notes/dns.png",
        "posts/main/2008/trouble-with-files/.sources.yaml",
        "posts/main/2008/trouble-with-files/bad-name.png",
        "posts/main/2008/trouble-with-files/diagram.png",
        "posts/main/2008/trouble-with-files/evil.png",
        "posts/main/2008/trouble-with-files/x.png",
        "posts/main/2008/xen-diagrams/.sources.yaml",
        "posts/main/2008/xen-diagrams/diagram-300x200.png",
        "posts/main/2008/xen-diagrams/diagram.png",
        "posts/main/2008/xen-diagrams/gone.png",
        "posts/main/2008/xen-diagrams/local-only.png",
        "posts/main/2008/xen-diagrams/slides.pdf",
      ],
    );
  });

  it("lists every image in the report: local, downloaded, archived with the snapshot's date, or missing with the reason", () => {
    const out = first.stdout;
    assert.match(out, /^Images and files: 17 files in 3 posts: 1 local, 9 downloaded, 2 from the web archive, 0 already there, 5 missing$/m);
    assert.match(out, /^    local      xen-diagrams\/local-only\.png ← http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2008\/05\/local-only\.png$/m);
    assert.match(out, /^    downloaded xen-diagrams\/diagram-300x200\.png ← /m);
    assert.ok(out.includes(`    archived   xen-diagrams/gone.png ← ${at(OLD.gone)} (snapshot of 2008-07-01T12:00:00Z: ${archive.origin}/web/20080701120000/${at(OLD.gone)})`), out);
    assert.ok(out.includes(`    missing    ${at(OLD.lost)}: HTTP 410; no archived copy`), out);
    assert.ok(out.includes(`    missing    ${at(OLD.slow)}: timeout; no archived copy`), out);
    assert.ok(out.includes(`    missing    ${at(OLD.loopA)}: redirect loop at ${at(OLD.loopA)}; no archived copy`), out);
    assert.ok(out.includes(`    missing    ${at(OLD.huge)}: larger than 64 KiB, the size cap`), out);
    assert.ok(out.includes(`    missing    ${at(OLD.page)}: not an image or a file a post keeps (text/html); no archived copy`), out);
    assert.doesNotMatch(out, /[\u0007\u001b]/, "no control character reaches the terminal");
  });

  it("records where each file came from beside the post", () => {
    const records = load(source("posts/main/2008/xen-diagrams/.sources.yaml"), { schema: CORE_SCHEMA }) as Record<string, string>[];
    const gone = records.find((r) => r.file === "gone.png");
    assert.equal(gone?.url, at(OLD.gone));
    assert.equal(gone?.from, "archive");
    assert.equal(gone?.snapshot, `${archive.origin}/web/20080701120000/${at(OLD.gone)}`);
    assert.equal(gone?.snapshot_date, "2008-07-01T12:00:00Z");
    assert.match(gone?.fetched ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(records.find((r) => r.file === "local-only.png")?.from, "local");
    assert.equal(records.find((r) => r.file === "diagram.png")?.from, "host");
  });

  describe("the built archive", () => {
    let built: ReturnType<Project["build"]> | undefined;
    const build = () => (built ??= project.build());

    it("builds, with the imported images served responsively and their records unpublished", () => {
      assert.equal(build().status, 0, build().output);
      const page = project.read("main/2008/06/xen-diagrams/index.html");
      const thumb = /<img\b[^>]*src="\/main\/2008\/06\/xen-diagrams\/diagram-300x200\.png"[^>]*>/.exec(page)?.[0] ?? "";
      assert.ok(thumb, page);
      assert.match(thumb, /\swidth="30"/);
      assert.match(thumb, /\sheight="20"/);
      assert.match(thumb, /\ssrcset="/);
      assert.match(thumb, /alt="Architecture of the Xen hypervisor"/);
      assert.match(page, /href="\/main\/2008\/06\/xen-diagrams\/diagram\.png"/);
      assert.ok(project.exists("main/2008/06/xen-diagrams/gone.png"));
      assert.ok(project.exists("main/2008/07/kvm-notes/Screenshot.PNG"));
      assert.ok(project.exists("main/2008/06/xen-diagrams/slides.pdf"));
      assert.ok(!project.exists("main/2008/06/xen-diagrams/.sources.yaml"));
    });
  });

  describe("importing again", () => {
    it("changes nothing and asks no one", async () => {
      const posts = hashTree(path.join(project.root, "posts"));
      const asked = host.requests.length + archive.requests.length;
      const again = await importing(WXR_ARGS);
      assert.equal(again.code, 0, again.output);
      assert.match(again.stdout, /0 created, 0 updated, 3 unchanged/);
      assert.match(again.stdout, /^Images and files: 17 files in 3 posts: 0 local, 0 downloaded, 0 from the web archive, 12 already there, 5 missing$/m);
      assert.match(again.stdout, /^    kept       xen-diagrams\/gone\.png ← /m);
      assert.ok(again.stdout.includes(`${at(OLD.lost)}: HTTP 410; no archived copy (asked `), again.stdout);
      assert.deepEqual(hashTree(path.join(project.root, "posts")), posts);
      assert.equal(host.requests.length + archive.requests.length, asked, "no request on a re-import");
    });

    it("asks again for what was missing with --retry-missing, and still changes nothing when no one has it", async () => {
      const posts = hashTree(path.join(project.root, "posts"));
      const before = host.requests.length;
      const again = await importing([...WXR_ARGS, "--retry-missing"]);
      assert.equal(again.code, 0, again.output);
      assert.ok(host.requests.slice(before).some((r) => r.startsWith(`GET ${OLD.lost}`)));
      assert.ok(!host.requests.slice(before).some((r) => r.startsWith(`GET ${OLD.diagram}`)), "what is there is not asked for");
      // Only the import's record changes: when the missing files were last asked for.
      const now = hashTree(path.join(project.root, "posts"));
      for (const tree of [now, posts]) tree.delete("main/.import-state.json");
      assert.deepEqual(now, posts);
    });

    it("keeps the images brought home when imported again without --fetch-media", async () => {
      const posts = hashTree(path.join(project.root, "posts"));
      const asked = host.requests.length + archive.requests.length;
      const again = await importing(["export.xml", "--blog", "main"]);
      assert.equal(again.code, 0, again.output);
      assert.match(again.stdout, /3 unchanged/);
      assert.deepEqual(hashTree(path.join(project.root, "posts")), posts);
      assert.equal(host.requests.length + archive.requests.length, asked);
    });
  });
});

describe("importing a feed with its images", () => {
  it("brings a feed's images home too, relative URLs and archived copies included", async () => {
    const result = await importing(["feed.rss", "--blog", "side", "--fetch-media"]);
    assert.equal(result.code, 0, result.output);
    const text = source("posts/side/2008/diagrams-in-a-feed.md");
    assert.match(text, /!\[The diagram, from a feed\]\(diagrams-in-a-feed\/diagram\.png\)/);
    assert.match(text, /!\[The console, from a feed\]\(diagrams-in-a-feed\/gone\.png\)/);
    assert.ok(bytes("posts/side/2008/diagrams-in-a-feed/gone.png").equals(ARCHIVED));
    assert.match(result.stdout, /^Images and files: 2 files in 1 post: 0 local, 1 downloaded, 1 from the web archive, 0 already there, 0 missing$/m);
  });
});
