/** Post pages written by Backlist itself (src/build/pages.ts): transforms in order, files in place, nothing outside. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { type Transform, applyTransforms, pageFile, writePages } from "../../src/build/pages.ts";

describe("applyTransforms", () => {
  it("runs every transform in order, each with the page as Eleventy gives it", async () => {
    const seen: string[] = [];
    const transforms: Record<string, Transform> = {
      first(content) {
        seen.push(`${this.url} ${this.page.inputPath} ${path.basename(this.outputPath)}`);
        return content.replace("a", "b");
      },
      async second(content, outputPath) {
        seen.push(outputPath);
        return `${content}!`;
      },
    };
    const page = { url: "/main/2008/06/x/", inputPath: "posts/main/2008/x.md", outputPath: "/out/main/2008/06/x/index.html" };
    assert.equal(await applyTransforms(transforms, "a page", page), "b page!");
    assert.deepEqual(seen, ["/main/2008/06/x/ posts/main/2008/x.md index.html", "/out/main/2008/06/x/index.html"]);
  });

  it("names the transform that returned no text", async () => {
    const transforms: Record<string, Transform> = { broken: () => undefined };
    await assert.rejects(applyTransforms(transforms, "x", { url: "/a/", inputPath: "a.md", outputPath: "/o/a/index.html" }), /the broken transform did not return text for \/a\//);
  });
});

describe("pageFile", () => {
  it("puts a page's URL folder under the output as index.html", () => {
    assert.equal(pageFile("/out", "/main/2008/06/slug/"), path.join("/out", "main", "2008", "06", "slug", "index.html"));
  });

  it("puts a file at its own path", () => {
    assert.equal(pageFile("/out", "/main/feed/archive/3.xml"), path.join("/out", "main", "feed", "archive", "3.xml"));
  });

  it("refuses URLs that are not paths inside the site", () => {
    for (const url of ["/main/../../etc/", "main/2008/", "/./x/", "/a//b/", "/a\\..\\b/"]) {
      assert.throws(() => pageFile("/out", url), /is not the URL of a page in the site/, url);
    }
  });
});

describe("writePages", () => {
  it("writes each page, transformed, and hands it on once written", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "backlist-pages-"));
    try {
      const handed: string[] = [];
      const written = await writePages(["one", "two"], {
        output: out,
        transforms: { upper: (content: string) => content.toUpperCase() },
        url: (item) => `/blog/${item}/`,
        inputPath: (item) => `posts/${item}.md`,
        render: (item) => `<p>${item}</p>`,
        onPage: (url, html) => {
          // The file is there before the page is handed on.
          assert.equal(readFileSync(path.join(out, url, "index.html"), "utf8"), html);
          handed.push(`${url} ${html}`);
        },
      });
      assert.equal(written, 2);
      assert.deepEqual(handed, ["/blog/one/ <P>ONE</P>", "/blog/two/ <P>TWO</P>"]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
