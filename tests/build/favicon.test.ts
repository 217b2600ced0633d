/** A favicon at /favicon.ico (where browsers and crawlers ask) and linked from every page, under a prefix too. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

describe("the favicon", () => {
  const files = { ...MINIMAL_DATA, "posts/main/2008/one.md": post('title: One\ndate: "2008-06-01"') };

  it("is an icon file at the root, linked from every kind of page", () => {
    const project = new Project(files);
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const icon = readFileSync(path.join(project.root, "_site/favicon.ico"));
    assert.deepEqual([...icon.subarray(0, 4)], [0, 0, 1, 0], "an ICO header");
    assert.match(project.read("assets/favicon.svg"), /^<svg /);
    for (const page of ["index.html", "main/2008/06/one/index.html", "404.html", "tags/index.html"]) {
      assert.match(project.read(page), /<link rel="icon" href="\/favicon\.ico" sizes="32x32"\/?>/, page);
      assert.match(project.read(page), /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml"\/?>/, page);
    }
  });

  it("is linked under the path prefix", () => {
    const project = new Project(files);
    const result = project.build({ PATH_PREFIX: "/archive/" });
    assert.equal(result.status, 0, result.output);
    assert.match(project.read("index.html"), /<link rel="icon" href="\/archive\/favicon\.ico"/);
  });
});
