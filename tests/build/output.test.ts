/**
 * The output folder is Backlist's alone: `npm run build -- --output=DIR`
 * refuses any folder it did not write itself (and the project's own
 * folders, files tracked by git, the project itself), removes nothing it
 * did not create, accepts a trailing slash, and a build killed outright
 * takes its Eleventy process with it.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MARKER } from "../../src/build/output.ts";
import { MINIMAL_DATA, Project, REPO, post } from "./project.ts";

const GOOD = { ...MINIMAL_DATA, "posts/main/2008/good.md": post('title: Good\ndate: "2008-06-01"') };

const build = (project: Project, args: string[] = []) => project.run("src/tools/build.ts", args);
const noStack = /\n\s+at [^\n]+:\d+:\d+\)?\n/;

/** Every file under `dir` with its text, so that a refused build can be shown to have changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

describe("the output folder", { concurrency: 2 }, () => {
  it("refuses the project's own folders and the project itself, changing nothing", () => {
    const project = new Project(GOOD);
    const before = snapshot(path.join(project.root, "posts"));
    for (const [output, message] of [
      ["posts", /refusing to build into posts\/: it is the project's posts\/ folder\. Nothing was written or removed\./],
      ["posts/main", /refusing to build into posts\/main\/: it is inside the project's posts\/ folder/],
      ["_data/", /refusing to build into _data\/: it is the project's _data\/ folder/],
      [".", /refusing to build into \.\/: it is the project folder itself/],
      ["..", /it holds the project folder/],
    ] as const) {
      const result = build(project, [`--output=${output}`]);
      assert.equal(result.status, 1, `${output}: ${result.output}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.output, noStack);
    }
    assert.deepEqual(snapshot(path.join(project.root, "posts")), before);
    assert.deepEqual(readdirSync(project.root).filter((name) => /\.(tmp|old)-\d+$/.test(name)), []);
  });

  it("refuses a folder with a file in it that no build wrote, and the file is still there", () => {
    const project = new Project({ ...GOOD, "notes/ideas.txt": "not a site\n" });
    const result = build(project, ["--output", "notes"]);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /refusing to build into notes\/: it exists and was not written by a Backlist build \(it has no \.backlist-site file; it holds ideas\.txt\)/);
    assert.equal(readFileSync(path.join(project.root, "notes/ideas.txt"), "utf8"), "not a site\n");
    assert.deepEqual(readdirSync(path.join(project.root, "notes")), ["ideas.txt"]);
  });

  it("refuses a folder that holds files tracked by git, even one a build wrote", () => {
    const project = new Project({ ...GOOD, [`public/${MARKER}`]: "committed\n", "public/index.html": "<p>committed</p>\n" });
    const git = (...args: string[]) => spawnSync("git", args, { cwd: project.root, encoding: "utf8" });
    assert.equal(git("init", "-q").status, 0);
    assert.equal(git("add", "public").status, 0);
    const result = build(project, ["--output=public"]);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /refusing to build into public\/: it holds public\/(\.backlist-site|index\.html), a file tracked by git/);
    assert.equal(readFileSync(path.join(project.root, "public/index.html"), "utf8"), "<p>committed</p>\n");
  });

  it("builds into a new folder, an empty one, or its own, with or without a trailing slash, marking each", () => {
    const project = new Project(GOOD);
    mkdirSync(path.join(project.root, "empty"));
    for (const output of ["_site/", "_site", "site/out", "empty/"]) {
      const result = build(project, [`--output=${output}`]);
      assert.equal(result.status, 0, `${output}: ${result.output}`);
      const dir = path.join(project.root, output);
      assert.ok(existsSync(path.join(dir, "main/2008/06/good/index.html")), output);
      assert.ok(existsSync(path.join(dir, MARKER)), `${output} carries the marker`);
      assert.equal(existsSync(path.join(dir, `.tmp-${0}`)), false);
    }
    assert.deepEqual(readdirSync(project.root).filter((name) => /\.(tmp|old)-\d+$/.test(name)), []);
    assert.deepEqual(readdirSync(path.join(project.root, "_site")).filter((name) => name.startsWith(".tmp")), [], "nothing inside _site/ from the trailing slash");
  });

  it("replaces a site built before the marker existed", () => {
    const project = new Project(GOOD);
    assert.equal(project.build().status, 0, "Eleventy on its own writes no marker");
    assert.equal(project.exists(MARKER), false);
    writeFileSync(path.join(project.root, "_site/stale.html"), "old");
    const result = build(project);
    assert.equal(result.status, 0, result.output);
    assert.equal(project.exists("stale.html"), false);
    assert.ok(project.exists(MARKER));
  });

  it("leaves alone a folder next to the output that only looks like a build's leftover", () => {
    const project = new Project({ ...GOOD, [`_site.tmp-${2 ** 22 + 3}/mine.txt`]: "keep\n" });
    const result = build(project);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stderr, /left _site\.tmp-\d+ alone/);
    assert.equal(readFileSync(path.join(project.root, `_site.tmp-${2 ** 22 + 3}/mine.txt`), "utf8"), "keep\n");
  });

  it("says plainly when it cannot write next to the output", () => {
    const project = new Project({ ...GOOD, "blocked": "a file, not a folder\n" });
    const result = build(project, ["--output=blocked/site"]);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /cannot write the new site next to blocked\/site\/ \(blocked\/site\.tmp-\d+: (ENOTDIR|EEXIST)\); blocked\/site\/ is left as it was/);
    assert.doesNotMatch(result.output, noStack);
  });
});

describe("a build killed outright", () => {
  it("takes its Eleventy process with it", async () => {
    const marker = "after-started";
    const project = new Project({
      ...GOOD,
      "slow.config.js": `import base, { config as dirs } from "./.eleventy.js";
import { writeFileSync } from "node:fs";
export default function (config) {
  base(config);
  config.on("eleventy.after", async () => { writeFileSync(${JSON.stringify(marker)}, ""); await new Promise((r) => setTimeout(r, 60_000)); });
}
export const config = dirs;
`,
    });
    const parent = spawn(process.execPath, ["--import", "tsx", "src/tools/build.ts", "--config=slow.config.js"], {
      cwd: project.root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json") },
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(project.root, marker))) {
      assert.ok(Date.now() < deadline, "the build never reached eleventy.after");
      await new Promise((r) => setTimeout(r, 50));
    }
    const eleventy = () =>
      spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
        .stdout.split("\n")
        .filter((line) => line.includes("cmd.cjs") && line.includes(project.root));
    assert.equal(eleventy().length, 1, "Eleventy runs in a child process");
    parent.kill("SIGKILL");
    const gone = Date.now() + 20_000;
    while (eleventy().length) {
      assert.ok(Date.now() < gone, `Eleventy outlived its build: ${eleventy().join("; ")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The next build clears the killed build's temporary folder.
    const next = build(project);
    assert.equal(next.status, 0, next.output);
    assert.deepEqual(readdirSync(project.root).filter((name) => /\.(tmp|old)-\d+$/.test(name)), []);
  });
});
