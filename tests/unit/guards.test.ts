/** Checks that keep hostile or broken input out of the pages (src/content/guards.ts, src/markdown/nesting.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  LIMITS,
  PROTOTYPE_NAMES,
  controlCharacterProblems,
  dataFolderProblems,
  futurePost,
  hasId,
  mapLimit,
  nestingProblem,
  ownRecord,
  tagProblems,
  valueProblems,
} from "../../src/content/guards.ts";
import { parseYaml } from "../../src/content/source.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { formatProblem } from "../../src/content/source.ts";
import type { Problem } from "../../src/types.ts";

const lines = (problems: readonly Problem[]) => problems.map(formatProblem);

describe("ids are own keys only", () => {
  it("finds no Object.prototype member in a record", () => {
    const authors = ownRecord({ ann: { name: "Ann" } });
    assert.equal(hasId(authors, "ann"), true);
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      assert.equal(hasId(authors, name), false, name);
      assert.equal((authors as Record<string, unknown>)[name], undefined, name);
    }
    assert.ok(PROTOTYPE_NAMES.has("__proto__") && PROTOTYPE_NAMES.has("constructor") && PROTOTYPE_NAMES.has("prototype"));
  });

  it("a prototype name as a key of a data file is an error on its line, at any depth", () => {
    const text = 'ann:\n  name: Ann\n  links:\n    - title: Home\n      constructor: x\n"__proto__":\n  name: P\n';
    const yaml = parseYaml(text, "_data/authors.yaml");
    assert.deepEqual(lines(valueProblems(yaml.value, "_data/authors.yaml", yaml.lineOf)), [
      '_data/authors.yaml:5: ann.links.0.constructor: "constructor" cannot be a key or an id: every JavaScript object has a member of that name',
      '_data/authors.yaml:6: __proto__: "__proto__" cannot be a key or an id: every JavaScript object has a member of that name',
    ]);
    assert.equal(({} as Record<string, unknown>).name, undefined, "Object.prototype is untouched");
  });
});

describe("control characters", () => {
  it("are reported with line, column and code point; tab, CR and LF are fine", () => {
    assert.deepEqual(controlCharacterProblems("a\tb\r\nc\n", "x.md"), []);
    assert.deepEqual(lines(controlCharacterProblems("one\ntwo \u0000\nthree\u001b\u0007\n\uffff", "x.md")), [
      "x.md:2: (text): control character U+0000 (column 5) is not allowed in the text (feeds and pages could not carry it); remove it",
      "x.md:3: (text): control character U+001B (column 6) is not allowed in the text (feeds and pages could not carry it); remove it",
      "x.md:4: (text): control character U+FFFF (column 1) is not allowed in the text (feeds and pages could not carry it); remove it",
    ]);
  });

  it("written as YAML escapes are found in the parsed values", () => {
    const yaml = parseYaml('title: "a\\x07b"\ntags: [ok, "b\\0"]\n', "x.md", 2);
    assert.deepEqual(lines(valueProblems(yaml.value, "x.md", yaml.lineOf)).map((line) => line.split(" is not")[0]), [
      "x.md:2: title: control character U+0007",
      "x.md:3: tags.1: control character U+0000",
    ]);
  });
});

describe("limits", () => {
  it("nesting in data deeper than the limit is an error, not a stack overflow", () => {
    let value: unknown = "leaf";
    for (let i = 0; i < 1000; i++) value = [value];
    const problems = valueProblems(value, "_data/books.yaml", () => 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? "", new RegExp(`is nested more than ${LIMITS.dataDepth} levels deep`));
  });

  it("tags: too many, or too long by characters or by slug", () => {
    const tag = (name: string, slug = name) => ({ name, slug });
    assert.deepEqual(tagProblems([tag("Xen"), tag("KVM")], "x.md", 4), []);
    assert.deepEqual(lines(tagProblems(Array.from({ length: 101 }, (_, i) => tag(`t${i}`)), "x.md", 4)), ["x.md:4: tags: has 101 tags; a post may have at most 100"]);
    const long = "a".repeat(101);
    assert.match(lines(tagProblems([tag(long)], "x.md", 4))[0] ?? "", /x\.md:4: tags\.0: "a{40}…" is 101 characters long; a tag may have at most 100/);
    // 60 characters whose slug is longer than the limit (transliteration).
    assert.equal(tagProblems([tag("щ".repeat(60), "shch".repeat(60))], "x.md", 4).length, 1);
  });
});

describe("future-dated posts", () => {
  const now = Date.UTC(2020, 0, 1);
  it("a warning, and held back only with future: hold", () => {
    assert.equal(futurePost({ start: now - 1, source: "2019-12-31" }, "x.md", 3, "publish", now), undefined);
    const published = futurePost({ start: now + 1, source: "2020-01-02" }, "x.md", 3, undefined, now);
    assert.equal(published?.hold, false);
    assert.equal(published?.problem.severity, "warning");
    assert.match(published?.problem.message ?? "", /is in the future; the post is published now/);
    const held = futurePost({ start: now + 1, source: "2020-01-02" }, "x.md", 3, "hold", now);
    assert.equal(held?.hold, true);
    assert.match(held?.problem.message ?? "", /held back until a build after that date/);
  });
});

describe("files in _data/", () => {
  it("scripts are errors, other files warnings, data files and dot files nothing", () => {
    assert.deepEqual(
      dataFolderProblems(["site.yaml", "authors.json", "blogs.yml", ".DS_Store", "extra.cjs", "x.mjs", "y.ts", "notes.txt"], "_data").map((p) => `${p.severity} ${p.file}`),
      ["error _data/extra.cjs", "warning _data/notes.txt", "error _data/x.mjs", "error _data/y.ts"],
    );
  });
});

describe("mapLimit", () => {
  it("keeps the order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit(Array.from({ length: 50 }, (_, i) => i), 4, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 2;
    });
    assert.deepEqual(out, Array.from({ length: 50 }, (_, i) => i * 2));
    assert.equal(most, 4);
  });
});

describe("markdown nested past markdown-it's limit", () => {
  const render = (body: string) => {
    const env: Record<string, unknown> = {};
    const html = createMarkdown().render(body, env);
    return { html, problem: nestingProblem(env, "x.md", 5) };
  };
  it("is an error on the line where text would be dropped", () => {
    const deep = render(`Intro.\n\n${"> ".repeat(120)}lost words\n`);
    assert.doesNotMatch(deep.html, /lost words/, "markdown-it drops it, hence the error");
    assert.equal(deep.problem?.line, 7);
    assert.match(deep.problem?.message ?? "", /nested too deeply here \(at most 100 levels/);
  });
  it("nothing to report when everything is rendered", () => {
    const fine = render(`${"> ".repeat(90)}kept words\n`);
    assert.match(fine.html, /kept words/);
    assert.equal(fine.problem, undefined);
  });
});

describe("YAML aliases", () => {
  it("a few aliases read as before; an alias bomb is an error, not an endless walk", () => {
    const few = parseYaml("base: &b {name: Ann}\ncopy: *b\n", "x.yaml");
    assert.deepEqual(few.problems, []);
    assert.deepEqual(few.value, { base: { name: "Ann" }, copy: { name: "Ann" } });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const parsed = parseYaml(bomb.join("\n"), "x.yaml");
    assert.equal(parsed.value, undefined);
    assert.match(lines(parsed.problems).join("\n"), /x\.yaml:1: \(yaml\): aliases \(\*name\) expand too far/);
  });
});
