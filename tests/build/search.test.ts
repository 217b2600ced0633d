/**
 * The search index (Pagefind) of real builds: what it holds (post text,
 * never lists, navigation, sidebars or drafts), where the search page loads
 * it from under a path prefix, and that `npm start` indexes after each build.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, REPO, post, until } from "./project.ts";

const SEED_URL = "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";
const SEED_TITLE = "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy";
const POST_URL = /^\/[^/]+\/\d{4}\/\d{2}\/[^/]+\/$/;

/** One indexed page, as Pagefind stores it in a fragment file. */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every page in the search index of the site in `site`. */
function indexedPages(site: string): Fragment[] {
  const dir = path.join(site, "pagefind", "fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => {
    // A fragment is gzipped `pagefind_dcd` + JSON.
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    return JSON.parse(text.replace(/^pagefind_dcd/, "")) as Fragment;
  });
}

/** Site path (`/tags/xen/`) → HTML of every page of the built site. */
function htmlPages(site: string): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".html")) {
        const url = "/" + path.relative(site, file).split(path.sep).join("/").replace(/index\.html$/, "");
        pages.set(url, readFileSync(file, "utf8"));
      }
    }
  };
  walk(site);
  return pages;
}

describe("search index of the sample archive", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();
  const site = path.join(project.root, "_site");
  const pages = result.status === 0 ? indexedPages(site) : [];
  const seed = pages.find((page) => page.url === SEED_URL);

  it("builds, with Pagefind's bundle and UI in /pagefind/", () => {
    assert.equal(result.status, 0, result.output);
    for (const file of ["pagefind-entry.json", "pagefind.js", "pagefind-ui.js", "pagefind-ui.css"]) {
      assert.ok(project.exists(`pagefind/${file}`), `pagefind/${file}`);
    }
  });

  it("holds the seed article, titled by its heading, with its blog and tags as filters", () => {
    assert.ok(seed, `${SEED_URL} in ${pages.map((page) => page.url).join(", ")}`);
    assert.equal(seed.meta.title, SEED_TITLE);
    assert.match(seed.content, /Simon Crosby/);
    assert.match(seed.content, /oVirt/);
    assert.deepEqual(seed.filters.blog, ["Converging on Microsoft"]);
    assert.ok(seed.filters.tag?.includes("oVirt"), `tags: ${seed.filters.tag}`);
    assert.ok(seed.filters.tag?.includes("Red Hat"), `tags: ${seed.filters.tag}`);
  });

  it("holds the post only: no navigation, breadcrumbs, sidebars or post footer", () => {
    assert.ok(seed);
    assert.doesNotMatch(seed.content, /Skip to content/);
    assert.doesNotMatch(seed.content, /Copyright ©/);
    assert.doesNotMatch(seed.content, /recent posts/i);
    assert.doesNotMatch(seed.content, /the archive/);
  });

  it("holds every post page and no other page", () => {
    const html = htmlPages(site);
    const marked = [...html].filter(([, text]) => text.includes("data-pagefind-body")).map(([url]) => url);
    const indexed = pages.map((page) => page.url);
    assert.ok(marked.length > 1);
    for (const url of marked) assert.match(url, POST_URL, `${url} is marked for the index`);
    assert.deepEqual([...indexed].sort(), [...marked].sort());
    for (const url of ["/", "/archive/", "/tags/", "/tags/xen/", "/search/", "/404.html"]) {
      assert.ok(html.has(url), `${url} was built`);
      assert.ok(!indexed.includes(url), `${url} is not indexed`);
    }
  });

  it("leaves out the archive's note on posts whose text was lost", () => {
    const lost = pages.filter((page) => /not preserved/i.test(htmlPages(site).get(page.url) ?? ""));
    assert.ok(lost.length > 0, "the sample has posts whose text was not preserved");
    for (const page of lost) assert.doesNotMatch(page.content, /was not preserved/, page.url);
  });

  it("the search page loads the UI and its own script from the site, with no inline script or style", () => {
    const html = project.read("search/index.html");
    assert.match(html, /<link rel="stylesheet" href="\/pagefind\/pagefind-ui\.css"/);
    assert.match(html, /<script src="\/pagefind\/pagefind-ui\.js" defer/);
    assert.match(html, /<script src="\/assets\/js\/search\.js" defer/);
    assert.ok(project.exists("assets/js/search.js"));
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/, "inline script");
    assert.doesNotMatch(html, /<style|\sstyle="/, "inline style");
    assert.match(html, /<noscript>.*JavaScript.*href="\/archive\/".*href="\/tags\/"/s);
    assert.match(project.read("index.html"), /<a href="\/search\/">Search<\/a>/);
  });
});

describe("search under a path prefix", () => {
  const project = new Project({}, { sample: true });
  const result = project.build({ PATH_PREFIX: "/archive/" });

  it("the search page loads Pagefind from /archive/pagefind/", () => {
    assert.equal(result.status, 0, result.output);
    const html = project.read("search/index.html");
    assert.match(html, /href="\/archive\/pagefind\/pagefind-ui\.css"/);
    assert.match(html, /src="\/archive\/pagefind\/pagefind-ui\.js"/);
    assert.match(html, /src="\/archive\/assets\/js\/search\.js"/);
    assert.doesNotMatch(html, /="\/pagefind\//);
  });

  it("the index is at the same place in the site, with root-relative URLs the UI puts under the prefix", () => {
    const pages = indexedPages(path.join(project.root, "_site"));
    // search.js passes the prefix (from its own address) as Pagefind's baseUrl.
    assert.ok(pages.some((page) => page.url === SEED_URL));
  });
});

describe("search index of an archive without published posts", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/not-yet.md": post('title: Not Yet\ndate: "2008-06-02"\ndraft: true', "Secretword draft text.\n"),
  });
  const result = project.build();

  it("is empty: pages without a post are never indexed whole", () => {
    assert.equal(result.status, 0, result.output);
    assert.ok(project.exists("pagefind/pagefind-ui.js"));
    assert.deepEqual(indexedPages(path.join(project.root, "_site")), []);
  });
});

describe("search index in the dev server (npm start)", () => {
  it("indexes after each build and leaves drafts out", async () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/published.md": post('title: Published\ndate: "2008-06-02"', "Firstword in a published post.\n"),
      "posts/main/2008/unfinished.md": post('title: Unfinished\ndate: "2008-06-03"\ndraft: true', "Draftword in a draft.\n"),
    });
    // npm start writes to _dev-site/, never _site/.
    const site = path.join(project.root, "_dev-site");
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/tools/start.ts", "--port", String(port)],
      { cwd: project.root, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json") }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const words = () => indexedPages(site).map((page) => page.content).join("\n");
    try {
      await until(() => /Firstword/.test(words()), "the first index").catch((error) => {
        throw new Error(`${error}\n${output}`);
      });
      assert.ok(existsSync(path.join(site, "main/2008/06/unfinished/index.html")), "the dev server builds drafts");
      assert.doesNotMatch(words(), /Draftword/);
      assert.deepEqual(indexedPages(site).map((page) => page.url), ["/main/2008/06/published/"]);

      // Edit a post once the watcher is up.
      await until(() => /Watching/.test(output), "the file watcher");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      project.write({ "posts/main/2008/published.md": post('title: Published\ndate: "2008-06-02"', "Secondword after an edit.\n") });
      await until(() => /Secondword/.test(words()), "the index of the rebuild").catch((error) => {
        throw new Error(`${error}\n${output}`);
      });
      assert.doesNotMatch(words(), /Firstword/, "the old fragment is gone");
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }
  });
});
