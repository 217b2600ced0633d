/**
 * Issue "Bad input and safety": every kind of bad input fails `npm run build`
 * with a message naming the file, the field and (where known) the line, and
 * the previously built `_site/` is left byte for byte as it was. Inputs that
 * are odd but valid build, with a warning where the author should know.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, REPO, buildSite, hashTree, post } from "./project.ts";

/** Folders a build may leave next to `_site` (none, once it has finished). */
function sideFolders(project: Project): string[] {
  return readdirSync(project.root).filter((name) => /^_site\.(tmp|old)-/.test(name));
}

const GOOD = {
  ...MINIMAL_DATA,
  "posts/main/2008/good.md": post('title: Good\ndate: "2008-06-01"\ntags: [Xen]'),
};

/** The site every case starts from: built once by `npm run build`, copied into each case's project. */
const baseline = new Project(GOOD);
const baselineBuild = buildSite(baseline);

interface Case {
  name: string;
  files?: Record<string, string>;
  /** Anything `files` cannot express: bytes, symbolic links. */
  setup?: (root: string) => void;
  /** `error`: exit 1, `_site/` unchanged; `ok`: exit 0. */
  outcome: "error" | "ok";
  /** What the output must say: `path:line: field: message` lines. */
  messages: RegExp[];
  /** What the new site must hold (for `ok` cases): a file and a pattern in it. */
  page?: [string, RegExp];
}

const FIVE_MB = Array.from({ length: 40_000 }, (_, i) => `Paragraph ${i}: ${"the hypervisor wars of 2008 ".repeat(4)}\n`).join("\n");

const CASES: Case[] = [
  {
    name: "malformed YAML",
    files: { "posts/main/2008/broken.md": "---\ntitle: Broken\ndate: [2008-06-02\n---\nText.\n" },
    outcome: "error",
    messages: [/posts\/main\/2008\/broken\.md:3: \(yaml\): Flow sequence/],
  },
  {
    name: "a missing title",
    files: { "posts/main/2008/untitled.md": post('date: "2008-06-02"') },
    outcome: "error",
    messages: [/posts\/main\/2008\/untitled\.md:2: title: is required/],
  },
  {
    name: "an empty title",
    files: { "posts/main/2008/empty.md": post('title: ""\ndate: "2008-06-02"') },
    outcome: "error",
    messages: [/posts\/main\/2008\/empty\.md:2: title: must not be empty/],
  },
  {
    name: "an impossible date",
    files: { "posts/main/2008/bad-date.md": post('title: Bad date\ndate: "2008-13-45"') },
    outcome: "error",
    messages: [/posts\/main\/2008\/bad-date\.md:3: date: "2008-13-45" is not a real calendar date/],
  },
  {
    name: "an unknown author",
    files: { "posts/main/2008/stranger.md": post('title: Stranger\ndate: "2008-06-03"\nauthor: zed') },
    outcome: "error",
    messages: [/posts\/main\/2008\/stranger\.md:4: author: unknown author "zed"; known authors: ann/],
  },
  {
    name: "a folder under posts/ that is not a blog",
    files: { "posts/nope/2008/lost.md": post('title: Lost\ndate: "2008-06-03"') },
    outcome: "error",
    messages: [/posts\/nope\/2008\/lost\.md: \(path\): the folder "nope" is not a blog; known blogs: main/],
  },
  {
    name: "an unknown podcast host",
    files: { "_data/podcasts.yaml": "show:\n  title: The Show\n  host: zed\n" },
    outcome: "error",
    messages: [/_data\/podcasts\.yaml:3: show\.host: unknown author "zed"; known authors: ann/],
  },
  {
    name: "an unknown book recommender",
    files: { "_data/books.yaml": "xen-book:\n  title: The Book of Xen\n  recommended_by:\n    - ann\n    - zed\n" },
    outcome: "error",
    messages: [/_data\/books\.yaml:5: xen-book\.recommended_by\.1: unknown author "zed"/],
  },
  {
    name: "two posts with the same URL",
    files: {
      "posts/main/2008/twin.md": post('title: Twin\ndate: "2008-06-04"'),
      "posts/main/2009/twin.md": post('title: Twin again\ndate: "2008-06-05"'),
    },
    outcome: "error",
    messages: [/posts\/main\/2009\/twin\.md: \(url\): \/main\/2008\/06\/twin\/ is also the URL of posts\/main\/2008\/twin\.md/],
  },
  {
    name: "two posts with the same alias",
    files: {
      "posts/main/2008/first.md": post('title: First\ndate: "2008-06-04"\naliases: [/old/post.html]'),
      "posts/main/2008/second.md": post('title: Second\ndate: "2008-06-05"\naliases: [/old/post.html]'),
    },
    outcome: "error",
    messages: [/posts\/main\/2008\/second\.md:4: aliases\.0: old path \/old\/post\.html is already claimed by posts\/main\/2008\/first\.md/],
  },
  {
    name: "an alias with a query on the home page's address other than WordPress's ?p=N",
    files: {
      "posts/main/2008/queried.md": post('title: Queried\ndate: "2008-06-04"\naliases:\n  - /?p=12\n  - /?cat=3'),
      "posts/main/2008/twice.md": post('title: Twice\ndate: "2008-06-05"\naliases:\n  - https://old.example.com/index.php?p=12'),
    },
    outcome: "error",
    messages: [
      /posts\/main\/2008\/queried\.md:6: aliases\.1: "\/\?cat=3": a static host serves \/ by its path only, so the query \?cat=3 cannot lead to a post; only WordPress's \?p=N and \?page_id=N/,
      /posts\/main\/2008\/twice\.md:5: aliases\.0: old address \?p=12 is already claimed by posts\/main\/2008\/queried\.md \(aliases\.0\)/,
    ],
  },
  {
    name: "a broken cross-link",
    files: { "posts/main/2008/linker.md": post('title: Linker\ndate: "2008-06-06"', "Intro.\n\nSee [the lost one](lost-post.md).\n") },
    outcome: "error",
    messages: [/posts\/main\/2008\/linker\.md:7: \(link\): → lost-post\.md: no such post/],
  },
  {
    name: "a file that is not UTF-8 (error: its text would be lost to U+FFFD)",
    setup: (root) =>
      writeFileSync(
        path.join(root, "posts/main/2008/latin1.md"),
        Buffer.concat([Buffer.from('---\ntitle: Caf\xe9\ndate: "2008-06-07"\n---\n', "latin1"), Buffer.from("Le caf\xe9 est servi.\n", "latin1")]),
      ),
    outcome: "error",
    messages: [/posts\/main\/2008\/latin1\.md:2: \(encoding\): is not UTF-8/],
  },
  {
    name: "a data file that is not UTF-8",
    setup: (root) => writeFileSync(path.join(root, "_data/authors.yaml"), Buffer.from("ann:\n  name: Ann\n  bio: Caf\xe9 owner\n", "latin1")),
    outcome: "error",
    messages: [/_data\/authors\.yaml:3: \(encoding\): is not UTF-8/],
  },
  {
    name: "an unknown key and no title: the title is the error, the key a warning",
    files: { "posts/main/2008/typo.md": post('tittle: Typo\ndate: "2008-06-08"') },
    outcome: "error",
    messages: [
      /posts\/main\/2008\/typo\.md:2: title: is required/,
      /posts\/main\/2008\/typo\.md:2: tittle: unknown front-matter key, ignored \(did you mean "title"\?\)/,
    ],
  },
  {
    name: "a post that is only front matter",
    files: { "posts/main/2008/lost-text.md": post('title: Lost text\ndate: "2008-06-09"', "") },
    outcome: "ok",
    messages: [],
    page: ["main/2008/06/lost-text/index.html", /The text of this post was not preserved/],
  },
  {
    name: "a 5 MB post",
    files: { "posts/main/2008/huge.md": post('title: Huge\ndate: "2008-06-10"', FIVE_MB) },
    outcome: "ok",
    messages: [],
    page: ["main/2008/06/huge/index.html", /Paragraph 39999: /],
  },
  {
    name: "a file name with spaces and capitals",
    files: { "posts/main/2008/My First Post.md": post('title: My First Post\ndate: "2008-06-11"') },
    outcome: "ok",
    messages: [/warning: posts\/main\/2008\/My First Post\.md: \(path\): file name is not a slug; the post's URL uses "my-first-post"/],
    page: ["main/2008/06/my-first-post/index.html", /<h1[^>]*>My First Post<\/h1>/],
  },
  {
    name: "a symbolic link loop in posts/",
    setup: (root) => {
      symlinkSync("..", path.join(root, "posts/main/2008/up"));
      symlinkSync("self", path.join(root, "posts/main/self"));
    },
    outcome: "ok",
    messages: [
      /warning: posts\/main\/2008\/up: \(path\): is a symbolic link to a folder, which is not followed; skipped/,
      /warning: posts\/main\/self: \(path\): is a symbolic link loop; skipped/,
    ],
    page: ["main/2008/06/good/index.html", /Good/],
  },
  {
    name: "an unknown key beside a title",
    files: { "posts/main/2008/typo.md": post('title: Typo\ntittle: Typo\ndate: "2008-06-08"') },
    outcome: "ok",
    messages: [/warning: posts\/main\/2008\/typo\.md:3: tittle: unknown front-matter key, ignored \(did you mean "title"\?\)/],
    page: ["main/2008/06/typo/index.html", /Typo/],
  },
  {
    name: "three errors in three files: all three are reported",
    files: {
      "posts/main/2008/no-title.md": post('date: "2008-06-02"'),
      "posts/main/2008/bad-date.md": post('title: Bad date\ndate: "2008-13-45"'),
      "posts/main/2008/stranger.md": post('title: Stranger\ndate: "2008-06-03"\nauthor: zed'),
    },
    outcome: "error",
    messages: [
      /3 errors in the content/,
      /posts\/main\/2008\/bad-date\.md:3: date: "2008-13-45" is not a real calendar date/,
      /posts\/main\/2008\/no-title\.md:2: title: is required/,
      /posts\/main\/2008\/stranger\.md:4: author: unknown author "zed"/,
    ],
  },
];

describe("bad input fails `npm run build` and leaves the last good _site/ untouched", { concurrency: 2 }, () => {
  it("the baseline site builds", async () => {
    const result = await baselineBuild;
    assert.equal(result.status, 0, result.output);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const base = await baselineBuild;
      assert.equal(base.status, 0, base.output);
      const project = new Project({ ...GOOD, ...c.files });
      c.setup?.(project.root);
      cpSync(path.join(baseline.root, "_site"), path.join(project.root, "_site"), { recursive: true });
      const before = hashTree(path.join(project.root, "_site"));

      const result = await buildSite(project);
      if (c.outcome === "error") {
        assert.equal(result.status, 1, result.output);
        assert.deepEqual(hashTree(path.join(project.root, "_site")), before, "the previous _site/ is unchanged");
      } else {
        assert.equal(result.status, 0, result.output);
        const [file, pattern] = c.page ?? ["index.html", /./];
        assert.match(project.read(file), pattern);
      }
      for (const message of c.messages) assert.match(result.stderr, message);
      assert.doesNotMatch(result.output, /\n\s+at [^\n]+:\d+:\d+\)?\n/, "no stack trace");
      assert.deepEqual(sideFolders(project), [], "no temporary folder is left behind");
    });
  }
});

/** A config that runs the real one and then a step of its own after every page is written (where the search index is made). */
function configWithAfter(step: string): string {
  return `import base, { config as dirs } from "./.eleventy.js";
import { writeFileSync } from "node:fs";
export default function (config) {
  base(config);
  config.on("eleventy.after", async () => { ${step} });
}
export const config = dirs;
`;
}

describe("the site is swapped in only when the whole build succeeded", { concurrency: 2 }, () => {
  it("a failure after the pages are written (as of the search index) leaves _site/ as it was", async () => {
    assert.equal((await baselineBuild).status, 0);
    const project = new Project({ ...GOOD, "late.config.js": configWithAfter('throw new Error("the index could not be written");') });
    cpSync(path.join(baseline.root, "_site"), path.join(project.root, "_site"), { recursive: true });
    const before = hashTree(path.join(project.root, "_site"));
    const result = await buildSite(project, { args: ["--config=late.config.js"] });
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /the index could not be written/);
    assert.deepEqual(hashTree(path.join(project.root, "_site")), before);
    assert.deepEqual(sideFolders(project), []);
  });

  it("an interrupted build (SIGINT) removes its temporary folder and leaves _site/ as it was", async () => {
    assert.equal((await baselineBuild).status, 0);
    const marker = "after-started";
    const project = new Project({
      ...GOOD,
      "slow.config.js": configWithAfter(`writeFileSync(${JSON.stringify(marker)}, ""); await new Promise((r) => setTimeout(r, 60_000));`),
    });
    cpSync(path.join(baseline.root, "_site"), path.join(project.root, "_site"), { recursive: true });
    const before = hashTree(path.join(project.root, "_site"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/tools/build.ts", "--config=slow.config.js"], {
      cwd: project.root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json") },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    // Stop it once every page is written to the temporary folder.
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(project.root, marker))) {
      assert.ok(Date.now() < deadline, `the build never reached eleventy.after: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(sideFolders(project).length, 1, "the build writes into a temporary folder");
    child.kill("SIGINT");
    assert.equal(await exited, 130, stderr);
    assert.match(stderr, /SIGINT: stopping the build; _site\/ is left as it was/);
    assert.deepEqual(hashTree(path.join(project.root, "_site")), before);
    assert.deepEqual(sideFolders(project), []);
  });

  it("a build clears what a killed build left, and puts back a site it had moved aside", async () => {
    assert.equal((await baselineBuild).status, 0);
    const project = new Project({ ...GOOD, "posts/main/2008/no-title.md": post('date: "2008-06-02"') });
    // A dead build's leftovers: its half-written folder, and the last good site it had renamed.
    const dead = 2 ** 22 + 1;
    mkdirSync(path.join(project.root, `_site.tmp-${dead}`));
    cpSync(path.join(baseline.root, "_site"), path.join(project.root, `_site.old-${dead}`), { recursive: true });
    const result = await buildSite(project);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /put back _site\.old-\d+ as _site/);
    assert.deepEqual(hashTree(path.join(project.root, "_site")), hashTree(path.join(baseline.root, "_site")));
    assert.deepEqual(sideFolders(project), []);
  });

  it("a successful build replaces the old site, leaving no file of it behind", async () => {
    assert.equal((await baselineBuild).status, 0);
    const project = new Project({ ...GOOD, "posts/main/2008/good.md": post('title: Better\ndate: "2008-06-01"') });
    cpSync(path.join(baseline.root, "_site"), path.join(project.root, "_site"), { recursive: true });
    writeFileSync(path.join(project.root, "_site", "stale.html"), "from an old build");
    const result = await buildSite(project);
    assert.equal(result.status, 0, result.output);
    assert.match(project.read("main/2008/06/good/index.html"), /Better/);
    assert.equal(project.exists("stale.html"), false);
    assert.deepEqual(sideFolders(project), []);
  });
});
