/**
 * Issue 15 end to end: `npm run links` in a throwaway project against local
 * servers playing the old web and the web archive writes `_data/links.yaml`;
 * a second run within the age limit asks nothing; a build with the servers
 * gone shows each state (archived copy with Robust Links attributes, dead,
 * moved, alive, "not preserved"), the provenance line, JSON-LD and the
 * canonical option, and the keeper's report; the pages are valid HTML.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { HtmlValidate, type ConfigData } from "html-validate";
import { CORE_SCHEMA, load } from "js-yaml";
import { Project, REPO, MINIMAL_DATA, post } from "./project.ts";
import { type CountingServer, PATHS, oldWeb, webArchive } from "../support/link-servers.ts";
import { PLAIN_URL, XEN_URL, linkedArchive } from "../fixtures/links/archive.ts";

const run = promisify(execFile);
let web: CountingServer;
let archive: CountingServer & { endpoint: string };
let project: Project;
const at = (p: string) => `${web.origin}${p}`;

/** `npm run links -- …args` in the project, while this process keeps serving the old web. */
async function links(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/tools/links.ts", ...args], {
      cwd: project.root,
      env: project.env({ BACKLIST_ARCHIVE_ENDPOINT: archive.endpoint, ...env }),
      timeout: 120_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

const recorded = () => readFileSync(path.join(project.root, "_data/links.yaml"), "utf8");
type Rec = { url: string; status: string; final_url?: string; code?: number; error?: string; archived?: { url: string; date: string } };
const records = () => load(recorded(), { schema: CORE_SCHEMA }) as Rec[];

before(async () => {
  web = await oldWeb();
  // The archive has a copy of the press release, and none of anything else.
  archive = await webArchive({ [`${web.origin}${PATHS.notFound}`]: "20080624101500" });
  project = new Project(linkedArchive(web.origin));
});
after(async () => {
  await web.close();
  await archive.close();
});

describe("npm run links", () => {
  it("prints its options with --help", async () => {
    const result = await links(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.output, /--older-than AGE/);
    assert.match(result.output, /BACKLIST_ARCHIVE_ENDPOINT/);
  });

  it("refuses an age it cannot read", async () => {
    const result = await links(["--older-than", "soon"]);
    assert.equal(result.code, 1);
    assert.match(result.output, /backlist links: --older-than takes an age such as 90d/);
  });

  it("records every external link of posts, comments and data, once each, in URL order", async () => {
    const result = await links(["--timeout", "0.5"]);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Wrote _data\/links\.yaml\./);
    const list = records();
    const byUrl = new Map(list.map((r) => [r.url, r]));
    assert.deepEqual(list.map((r) => r.url), [...list.map((r) => r.url)].sort());
    assert.equal(byUrl.get(at(PATHS.live))?.status, "alive");
    assert.deepEqual([byUrl.get(at(PATHS.chainStart))?.status, byUrl.get(at(PATHS.chainStart))?.final_url], ["moved", at(PATHS.chainEnd)]);
    // The fragment is not part of the link: one record for the press release, with its copy.
    assert.deepEqual(byUrl.get(at(PATHS.notFound)), {
      ...byUrl.get(at(PATHS.notFound)),
      status: "dead",
      code: 404,
      archived: { url: `${archive.origin}/web/20080624101500/${at(PATHS.notFound)}`, date: "2008-06-24T10:15:00Z" },
    });
    assert.deepEqual([byUrl.get(at(PATHS.gone))?.status, byUrl.get(at(PATHS.gone))?.code, byUrl.get(at(PATHS.gone))?.archived], ["dead", 410, undefined]);
    assert.deepEqual([byUrl.get(at(PATHS.reset))?.status, byUrl.get(at(PATHS.reset))?.error], ["dead", "connection reset"]);
    // From the comments file, and the original address of the post (its old blog redirects it to the home page).
    assert.equal(byUrl.get(at("/slides/missing.pdf"))?.status, "dead");
    assert.equal(byUrl.get(at("/blog/2008/06/24/xen-summit-notes/"))?.status, "dead");
    // Each URL was asked with HEAD once (then GET where HEAD got no good answer), never twice.
    const heads = web.requests.filter((line) => line.startsWith("HEAD "));
    assert.equal(new Set(heads).size, heads.length, heads.join("\n"));
    // The archive was asked about the dead links only, as of the earliest post citing each.
    assert.ok(archive.requests.length >= 4);
    assert.ok(archive.requests.every((line) => /timestamp=2008062/.test(line)), archive.requests.join("\n"));
    assert.ok(!archive.requests.some((line) => line.includes(encodeURIComponent(PATHS.live))));
  });

  it("asks nothing when run again within the age limit, and leaves the file as it was", async () => {
    const before = recorded();
    const [webCount, archiveCount] = [web.requests.length, archive.requests.length];
    const result = await links([]);
    assert.equal(result.code, 0, result.output);
    assert.equal(web.requests.length, webCount, "no request to the old web");
    assert.equal(archive.requests.length, archiveCount, "no request to the web archive");
    assert.match(result.output, /Checked 0 of \d+ external links/);
    assert.equal(recorded(), before);
  });

  it("prints the recorded state with --report, asking nothing", async () => {
    const webCount = web.requests.length;
    const result = await links(["--report"]);
    assert.equal(result.code, 0, result.output);
    assert.equal(web.requests.length, webCount);
    assert.match(result.output, /1 alive/);
    assert.match(result.output, /1 moved/);
    assert.match(result.output, /1 dead, with an archived copy/);
    assert.match(result.output, /Posts with the most dead links:\n {2}\/main\/2008\/06\/xen-summit-notes\//);
  });
});

describe("a build with the recorded links and no network", () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData);
  let html = "";

  before(async () => {
    // The old web and the archive are gone: the build must not need them.
    await web.close();
    await archive.close();
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    html = project.read(`${XEN_URL.slice(1)}index.html`);
  });

  it("sends a dead link with a copy to the copy, with Robust Links attributes and a note in its name", () => {
    const snapshot = `${archive.origin}/web/20080624101500/${at(PATHS.notFound)}`;
    assert.ok(
      html.includes(
        `<a href="${snapshot}#kvm" rel="noopener" data-originalurl="${at(PATHS.notFound)}" data-versionurl="${snapshot}" data-versiondate="2008-06-24" class="link-archived">announcement<span class="link-note" data-pagefind-ignore> (archived copy, June 24, 2008)</span></a>`,
      ),
      html,
    );
    // The related article's link is the same dead page.
    assert.match(html, new RegExp(`<a href="${snapshot}" data-originalurl="[^"]+" data-versionurl="[^"]+" data-versiondate="2008-06-24" class="link-archived">Red Hat's KVM press release`));
  });

  it("marks a dead link without a copy, in markdown and in raw HTML", () => {
    assert.ok(html.includes(`<a href="${at(PATHS.gone)}" rel="noopener" class="link-dead">the oVirt beta<span class="link-note" data-pagefind-ignore> (dead link)</span></a>`), html);
    assert.ok(html.includes(`<a href="${at(PATHS.reset)}" title="raw HTML" class="link-dead">Citrix’s page<span class="link-note" data-pagefind-ignore> (dead link)</span></a>`), html);
  });

  it("leaves alive and moved links as written by default", () => {
    assert.ok(html.includes(`<a href="${at(PATHS.live)}" rel="noopener">summit’s programme</a>`), html);
    assert.ok(html.includes(`<a href="${at(PATHS.chainStart)}" rel="noopener">session notes</a>`));
  });

  it("keeps the related article whose URL was not preserved as a note", () => {
    assert.match(html, /<cite>VMware's CEO talks Microsoft, security, EMC and cloud computing<\/cite> <span class="note">\(the link was not preserved\)<\/span>/);
  });

  it("says where the post was first published, and points the canonical URL at the archive", () => {
    assert.match(html, /Originally published at <a [^>]*class="link-dead">127\.0\.0\.1:\d+\/blog\/2008\/06\/24\/xen-summit-notes<span class="link-note" data-pagefind-ignore> \(dead link\)<\/span><\/a> on <time datetime="2008-06-24T10:00-04:00">/);
    assert.ok(html.includes(`<link rel="canonical" href="https://example.org${XEN_URL}"/>`) || html.includes(`<link rel="canonical" href="https://example.org${XEN_URL}">`), html.slice(0, 800));
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
    assert.equal(jsonLd.url, `https://example.org${XEN_URL}`);
    assert.equal(jsonLd.sameAs, at("/blog/2008/06/24/xen-summit-notes/"));
    assert.deepEqual(jsonLd.isBasedOn, { "@type": "BlogPosting", url: at("/blog/2008/06/24/xen-summit-notes/"), datePublished: "2008-06-24T10:00:00-04:00" });
  });

  it("leaves a page without external links alone", () => {
    assert.doesNotMatch(project.read(`${PLAIN_URL.slice(1)}index.html`), /link-note|Originally published/);
  });

  it("writes the keeper's report: counts, worst posts, last checks; noindex, not linked, not in the sitemap", () => {
    const report = project.read("links-report/index.html");
    assert.match(report, /<meta name="robots" content="noindex"/);
    assert.match(report, /<tr data-state="dead-with-copy"><th scope="row">dead, with an archived copy<\/th><td>1<\/td><\/tr>/);
    assert.match(report, /<tr data-state="alive"><th scope="row">alive<\/th><td>1<\/td><\/tr>/);
    assert.match(report, /<ol class="worst-posts"><li><a href="\/main\/2008\/06\/xen-summit-notes\/">Notes from the Xen Summit<\/a>/);
    // The originals are listed as written, not replaced by their copies.
    assert.ok(report.includes(`<a href="${at(PATHS.notFound)}" data-link-as-written>${at(PATHS.notFound)}</a>`), report);
    assert.match(report, /Links were checked between <time datetime="\d{4}-\d\d-\d\dT/);
    assert.doesNotMatch(project.read("sitemap.xml"), /links-report/);
    assert.doesNotMatch(project.read("index.html"), /links-report/);
    assert.doesNotMatch(report, /data-pagefind-body/);
  });

  it("gives valid HTML on the pages with marked links and on the report", async () => {
    for (const page of [`${XEN_URL.slice(1)}index.html`, "links-report/index.html", "books/index.html"]) {
      const result = await validator.validateString(project.read(page));
      const messages = result.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`));
      assert.deepEqual(messages, []);
    }
  });

  it("rewrites moved links to where they lead with `moved_links: rewrite`, and names the original as canonical with `canonical: original`", () => {
    project.write({ "_data/site.yaml": `${MINIMAL_DATA["_data/site.yaml"]}moved_links: rewrite\ncanonical: original\n` });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const page = project.read(`${XEN_URL.slice(1)}index.html`);
    assert.ok(page.includes(`<a href="${at(PATHS.chainEnd)}" rel="noopener">session notes</a>`), page);
    assert.match(page, new RegExp(`<link rel="canonical" href="${at("/blog/2008/06/24/xen-summit-notes/").replace(/[.?]/g, "\\$&")}"`));
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? "{}") as Record<string, unknown>;
    assert.equal(jsonLd.url, at("/blog/2008/06/24/xen-summit-notes/"));
    assert.equal(jsonLd.archivedAt, `https://example.org${XEN_URL}`);
  });
});

describe("a links file that is wrong", () => {
  it("fails the build naming the file, line and field", () => {
    const bad = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/a.md": post('title: A\ndate: "2008-06-24"'),
      "_data/links.yaml": "- url: https://example.com/a\n  status: alive\n- url: https://example.com/b\n  status: gone\n  checked: yesterday\n",
    });
    const result = bad.build();
    assert.notEqual(result.status, 0);
    assert.match(result.output, /_data\/links\.yaml:4: 1\.status: must be one of alive, moved, dead, unchecked/);
    assert.match(result.output, /_data\/links\.yaml:5: 1\.checked: must be an ISO 8601 date and time/);
    assert.ok(!bad.exists("index.html"));
  });
});
