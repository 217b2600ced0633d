/**
 * Every HTML file of a fresh build is valid HTML by html-validate's
 * recommended rules, less the few that `.htmlvalidate.json` turns off (each
 * with its reason there): the sample archive as it is, and the sample with a
 * post using every markdown feature (headings, footnotes, tables, code,
 * replies, quotes, lists, raw HTML) and enough posts for a second home page,
 * so the markdown's output and the pager are checked too.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { HtmlValidate, type ConfigData } from "html-validate";
import { FEATURES_FILES, FEATURES_URL, FILLER_FILES } from "../fixtures/markdown-features.ts";
import { Project, REPO } from "./project.ts";
import { THREAD_FILES, THREAD_POST_URL } from "../fixtures/comments.ts";

const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData);

/** Every `.html` file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** `file:line:column: message (rule)` for every problem in the built site. */
async function problems(site: string): Promise<{ files: number; lines: string[] }> {
  const files = htmlFiles(site);
  const lines: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        lines.push(`${path.relative(site, file)}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`);
      }
    }
  }
  return { files: files.length, lines };
}

const BUILDS: { label: string; files: Record<string, string>; pages: string[] }[] = [
  { label: "the sample archive", files: {}, pages: ["index.html", "404.html", "search/index.html"] },
  {
    label: "the sample archive with a post using every markdown feature, and a second page",
    files: { ...FEATURES_FILES, ...FILLER_FILES },
    pages: [`${FEATURES_URL.slice(1)}index.html`, "page/2/index.html"],
  },
  {
    label: "an archive with a comment thread, pingbacks and a hostile comment",
    files: THREAD_FILES,
    pages: [`${THREAD_POST_URL.slice(1)}index.html`],
  },
];

for (const { label, files, pages } of BUILDS) {
  describe(`valid HTML: ${label}`, () => {
    it("has no html-validate errors on any page", async () => {
      const project = new Project(files, { sample: !("_data/site.yaml" in files) });
      const result = project.build();
      assert.equal(result.status, 0, result.output);
      for (const page of pages) assert.ok(project.exists(page), `${page} was built`);
      const { files: count, lines } = await problems(path.join(project.root, "_site"));
      assert.ok(count > (files === THREAD_FILES ? 10 : 40), `${count} HTML files`);
      assert.equal(lines.length, 0, `${lines.length} problems in ${count} HTML files:\n${lines.join("\n")}`);
    });
  });
}

describe("the html-validate configuration", () => {
  it("gives a reason for every rule it turns off", () => {
    const config = JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as { rules: Record<string, unknown> };
    const keys = Object.keys(config.rules);
    for (const [rule, value] of Object.entries(config.rules)) {
      if (rule.startsWith("//") || value !== "off") continue;
      assert.ok(keys.some((key) => key.startsWith(`// ${rule}: `)), `no "// ${rule}: reason" comment for ${rule}`);
    }
  });

  it("still catches what it should", async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>t</title></head><body>' +
        '<ul aria-label="x"><li>a</li></ul><p id="a">a</p><p id="a">b</p><span><div>block in inline</div></span></body></html>',
    );
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    for (const rule of ["aria-label-misuse", "no-dup-id", "element-permitted-content"]) {
      assert.ok(rules.includes(rule), `${rule} in ${rules.join(", ")}`);
    }
  });
});
