/** `npm run build` ends with one line: pages, posts, drafts left out, redirects, output, times, warnings. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

describe("the build's summary line", () => {
  it("counts what was built and left out, in place of Eleventy's own totals", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/one.md": post('title: One\ndate: "2008-06-01"\naliases: [/old/one.html, /old/one-again.html]'),
      "posts/main/2008/two.md": post('title: Two\ndate: "2008-06-02"\nsummray: a typo, so a warning'),
      "posts/main/2008/three.md": post('title: Three\ndate: "2008-06-03"\ndraft: true'),
    });
    const result = project.run("src/tools/build.ts", ["--output=public/"]);
    assert.equal(result.status, 0, result.output);
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("[backlist] Built"));
    assert.equal(lines.length, 1, result.output);
    assert.match(
      lines[0] ?? "",
      /^\[backlist\] Built \d+ pages \(2 posts, 1 draft left out, 2 redirects\) into public\/ in \d+\.\d s; search index \d+\.\d s; 1 warning$/,
    );
    assert.doesNotMatch(result.stdout, /\[11ty\] .*Wrote \d+ files/);
    assert.doesNotMatch(result.output, /Writing pages/, "no progress line when the output is not a terminal");
  });

  it("shows a progress line on a terminal, cleared before the summary", () => {
    const project = new Project({ ...MINIMAL_DATA, "posts/main/2008/one.md": post('title: One\ndate: "2008-06-01"') });
    // `script` runs the build with a terminal for its output, as a person's shell does.
    const result = spawnSync("script", ["-qec", `${process.execPath} --import tsx src/tools/build.ts`, "/dev/null"], {
      cwd: project.root,
      env: { ...project.env(), CI: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /\rWriting pages \[#+\] (\d+)\/\1/);
    assert.match(result.stdout, /\r\u001b\[2K\[backlist\] Built /);
  });
});
