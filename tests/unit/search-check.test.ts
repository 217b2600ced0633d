/** The search bundle is checked before a build may succeed (src/search/check.ts). */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { REQUIRED_FILES, SearchBundleError, checkSearchBundle, searchBundleProblems } from "../../src/search/check.ts";

function bundle(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "backlist-bundle-")), "pagefind");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ENTRY = JSON.stringify({ version: "1.6.0", languages: { en: { hash: "en_1", wasm: "en", page_count: 3 } } });
const SOUND: Record<string, string> = {
  ...Object.fromEntries(REQUIRED_FILES.map((name) => [name, `/* ${name} */`])),
  "pagefind-entry.json": ENTRY,
  "wasm.en.pagefind": "wasm",
  "fragment/en_1.pf_fragment": "fragment",
};

describe("searchBundleProblems", () => {
  it("finds nothing wrong with a sound bundle that counts the expected pages", async () => {
    assert.deepEqual(await searchBundleProblems(bundle(SOUND), 3), []);
  });

  it("reports a 0-byte pagefind.js and any other empty file", async () => {
    const problems = await searchBundleProblems(bundle({ ...SOUND, "pagefind.js": "", "fragment/en_1.pf_fragment": "" }), 3);
    assert.deepEqual(problems.sort(), ["pagefind/fragment/en_1.pf_fragment is empty (0 bytes)", "pagefind/pagefind.js is empty (0 bytes)"]);
  });

  it("reports missing files, a missing folder, a broken entry file and a page count short of the build's", async () => {
    const { "pagefind-ui.js": _, ...withoutUi } = SOUND;
    assert.deepEqual(await searchBundleProblems(bundle(withoutUi), 3), ["pagefind/pagefind-ui.js is missing"]);
    assert.deepEqual(await searchBundleProblems(path.join(tmpdir(), "no-such-bundle-here", "pagefind")), ["pagefind/ was not written"]);
    assert.deepEqual(await searchBundleProblems(bundle({ ...SOUND, "pagefind-entry.json": "{" })), ["pagefind/pagefind-entry.json is not valid JSON"]);
    assert.deepEqual(await searchBundleProblems(bundle(SOUND), 5), ["pagefind/pagefind-entry.json counts 3 pages, but the build marked 5 for the index"]);
  });

  it("checkSearchBundle throws a SearchBundleError listing them", async () => {
    await assert.rejects(checkSearchBundle(bundle({ ...SOUND, "pagefind.js": "" })), (error: unknown) => {
      assert.ok(error instanceof SearchBundleError);
      assert.match(error.message, /the written bundle is broken, so the site was not replaced:\n {2}pagefind\/pagefind\.js is empty/);
      return true;
    });
  });
});
