/** `npm run bench`: builds a generated archive and prints its figures (no timing assertions). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { REPO } from "./project.ts";

function bench(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/tools/bench.ts", ...args], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

describe("npm run bench", () => {
  it("measures one size and keeps the corpus with --keep", () => {
    const result = bench("30", "--keep");
    assert.equal(result.status, 0, result.output);
    for (const field of [
      /Backlist build benchmark: 30 posts/,
      /build\s+ok/,
      /wall\s+\d+\.\d\d s/,
      /CPU\s+\d+\.\d\d s/,
      /peak RSS\s+\d+\.\d MiB/,
      /pages\s+\d+ \.html files/,
      /content load\s+\d+\.\d\d s/,
      /feeds\s+(n\/a|\d+\.\d\d s)/,
      /search index\s+(n\/a|\d+\.\d\d s)/,
      /eleventy: total\s+\d+\.\d\d s/,
      /floor\s+\d+\.\d\d s/,
      /ratio\s+×\d+\.\d\d wall without search \/ floor/,
    ]) {
      assert.match(result.stdout, field);
    }
    const pages = Number(/pages\s+(\d+)/.exec(result.stdout)?.[1]);
    assert.ok(pages > 30, `${pages} pages`);
    const kept = /kept at\s+(\S+)/.exec(result.stdout)?.[1];
    assert.ok(kept, "prints the corpus path");
    try {
      assert.ok(path.resolve(kept).startsWith(path.resolve(tmpdir())), "the corpus is in the OS temp folder");
      assert.ok(existsSync(path.join(kept, "posts")) && existsSync(path.join(kept, "_data", "site.yaml")));
      assert.ok(existsSync(path.join(kept, "_site", "index.html")));
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it("prints a table and the growth for a list of sizes, and deletes the corpora", () => {
    const result = bench("10,20");
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /^\| N \| build \| pages \| wall s \| search index s \| wall without search s \| CPU s \| peak MiB \|/m);
    assert.match(result.stdout, /^\| 10 \| ok \|/m);
    assert.match(result.stdout, /^\| 20 \| ok \|/m);
    assert.match(result.stdout, /Growth from 10 to 20 posts \(ideal linear ×2\.00\):/);
    assert.match(result.stdout, /- wall: ×\d+\.\d\d/);
    assert.doesNotMatch(result.stdout, /kept at/);
    for (const m of result.stderr.matchAll(/generating in (\S+)/g)) assert.ok(!existsSync(m[1]!), `${m[1]} deleted`);
  });

  it("builds k times with --runs k, after a first build it does not count, and says how busy the machine was", () => {
    const result = bench("12", "--runs", "2");
    assert.equal(result.status, 0, result.output);
    assert.match(result.stderr, /first build \(fills the image cache; not counted\)/);
    assert.match(result.stderr, /building 1\/2[\s\S]*floor 1\/2[\s\S]*building 2\/2[\s\S]*floor 2\/2/);
    assert.match(result.stdout, /runs\s+2 builds, median \(min–max\) s: wall \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)/);
    assert.match(result.stdout, /floor \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)/);
    assert.match(result.stdout, /first build\s+\d+\.\d\d s wall, images (n\/a|\d+\.\d\d) s, peak RSS \d+\.\d MiB \(empty image cache; not counted\)/);
    assert.match(result.stdout, /machine\s+\d+ cores; 1-minute load average \d+\.\d\d/);
    assert.equal(bench("12", "--runs", "0").status, 2);
  });

  it("times npm start with --edit: a text edit, a title edit and a new post, each until the page shows it", () => {
    const result = bench("12", "--edit");
    assert.equal(result.status, 0, result.output);
    const line = /dev loop\s+npm start's first build \d+\.\d\d s; text edit → its page \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\) s of 3; title edit → the home page \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\) s of 3; new post → its page \d+\.\d\d s; (\d+) quick rebuilds(, full ones: .*)?$/m.exec(result.stdout);
    assert.ok(line, result.stdout);
    // The three text edits and the three title edits are quick rebuilds; the new post is not.
    assert.ok(Number(line[1]) >= 6, line[0]);
    assert.match(line[0], /full ones: .*is a new post/);
  });

  it("rejects a bad size", () => {
    const result = bench("ten");
    assert.equal(result.status, 2);
    assert.match(result.stderr, /"ten" is not a number of posts/);
  });
});
