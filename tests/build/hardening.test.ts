/**
 * Issue "Hardening": names that every JavaScript object has, bytes that
 * would break the feeds, sizes and depths past the limits, and the smaller
 * cases of broken input each fail `npm run build` with a
 * `path:line: field: message` line (no stack trace), leaving the last good
 * `_site/` as it was; odd but valid input builds, with a warning.
 */
import assert from "node:assert/strict";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import { generateCorpus, writeCorpus } from "../../src/bench/corpus.ts";
import { MINIMAL_DATA, Project, REPO, buildSite, post, hashTree } from "./project.ts";

const GOOD = {
  ...MINIMAL_DATA,
  "posts/main/2008/good.md": post('title: Good\ndate: "2008-06-01"\ntags: [Xen]'),
};

const baseline = new Project(GOOD);
const baselineBuild = buildSite(baseline);

interface Case {
  name: string;
  files?: Record<string, string>;
  setup?: (root: string) => void;
  outcome: "error" | "ok";
  /** Lines the build's stderr must hold. */
  messages: RegExp[];
  /** For `ok`: files of the new site that must (true) or must not (false) exist. */
  pages?: Record<string, boolean>;
  /** Checked after the build, whatever its outcome. */
  after?: (root: string) => void;
}

const nested = (depth: number, marker: string) => `${"> ".repeat(depth)}${marker}\n`;
const nestedList = (depth: number, marker: string) =>
  Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n") + `\n${"  ".repeat(depth)}${marker}\n`;

const BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]"]
  .concat(Array.from({ length: 8 }, (_, i) => {
    const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`;
  }))
  .join("\n");

const CASES: Case[] = [
  {
    name: "author: constructor is an unknown author, not Object's constructor",
    files: { "posts/main/2008/proto.md": post('title: Proto\ndate: "2008-06-02"\nauthor: constructor') },
    outcome: "error",
    messages: [/posts\/main\/2008\/proto\.md:4: author: unknown author "constructor"; known authors: ann/],
  },
  {
    name: "posts/constructor/ and posts/hasOwnProperty/ are not blogs",
    files: {
      "posts/constructor/2008/a.md": post('title: A\ndate: "2008-06-02"'),
      "posts/hasOwnProperty/2008/b.md": post('title: B\ndate: "2008-06-02"'),
    },
    outcome: "error",
    messages: [
      /posts\/constructor\/2008\/a\.md: \(path\): the folder "constructor" is not a blog; known blogs: main/,
      /posts\/hasOwnProperty\/2008\/b\.md: \(path\): the folder "hasOwnProperty" is not a blog/,
    ],
  },
  {
    name: "a podcast host and a review author named after Object's members are unknown authors",
    files: {
      "_data/podcasts.yaml": "show:\n  title: The Show\n  host: constructor\n",
      "_data/reviews.yaml": '- title: A review\n  date: "2008-06-01"\n  author: valueof\n',
    },
    outcome: "error",
    messages: [/_data\/podcasts\.yaml:3: show\.host: unknown author "constructor"/, /_data\/reviews\.yaml:3: 0\.author: unknown author "valueof"/],
  },
  {
    name: '{"__proto__": …} in a JSON data file is an error naming file and line, and pollutes nothing',
    files: { "_data/authors.json": '{\n  "ann": { "name": "Ann Author" },\n  "__proto__": { "name": "Polluter", "polluted": true }\n}\n' },
    setup: (root) => rmSync(path.join(root, "_data/authors.yaml")),
    outcome: "error",
    messages: [/_data\/authors\.json:3: __proto__: "__proto__" cannot be a key or an id: every JavaScript object has a member of that name/],
  },
  {
    name: "constructor: as an id in a YAML data file is an error",
    files: { "_data/books.yaml": "constructor:\n  title: The Book\n" },
    outcome: "error",
    messages: [/_data\/books\.yaml:1: constructor: "constructor" cannot be a key or an id/],
  },
  {
    name: "a control character in a post (it would make the feeds unparseable XML)",
    files: { "posts/main/2008/bell.md": post('title: Bell\ndate: "2008-06-02"', "Intro.\n\nA bell \u0007 rings.\n") },
    outcome: "error",
    messages: [/posts\/main\/2008\/bell\.md:7: \(text\): control character U\+0007 \(column 8\) is not allowed/],
  },
  {
    name: "a control character written as a YAML escape in a title",
    files: { "posts/main/2008/esc.md": post('title: "Escape \\e here"\ndate: "2008-06-02"') },
    outcome: "error",
    messages: [/posts\/main\/2008\/esc\.md:2: title: control character U\+001B is not allowed/],
  },
  {
    name: "a control character in a data file",
    files: { "_data/authors.yaml": "ann:\n  name: Ann\u0001Author\n" },
    outcome: "error",
    messages: [/_data\/authors\.yaml:2: \(text\): control character U\+0001 \(column 12\)/],
  },
  {
    name: "blockquotes nested past markdown-it's limit (their text would be dropped)",
    files: { "posts/main/2008/deep.md": post('title: Deep\ndate: "2008-06-02"', `Intro.\n\n${nested(120, "deepest words")}`) },
    outcome: "error",
    messages: [/posts\/main\/2008\/deep\.md:7: \(markdown\): blockquotes and lists are nested too deeply here \(at most 100 levels/],
  },
  {
    name: "lists nested past the limit",
    files: { "posts/main/2008/lists.md": post('title: Lists\ndate: "2008-06-02"', `Intro.\n\n${nestedList(60, "- deepest item")}`) },
    outcome: "error",
    messages: [/posts\/main\/2008\/lists\.md:\d+: \(markdown\): blockquotes and lists are nested too deeply/],
  },
  {
    name: "blockquotes nested 90 levels deep are rendered whole",
    files: { "posts/main/2008/quoted.md": post('title: Quoted\ndate: "2008-06-02"', `Intro.\n\n${nested(90, "deepest words")}`) },
    outcome: "ok",
    messages: [],
    pages: { "main/2008/06/quoted/index.html": true },
    after: (root) => assert.match(readFileSync(path.join(root, "_site/main/2008/06/quoted/index.html"), "utf8"), /deepest words/),
  },
  {
    name: "a 300-character tag",
    files: { "posts/main/2008/long-tag.md": post(`title: Long tag\ndate: "2008-06-02"\ntags: [Xen, ${"virtualization".repeat(22)}]`) },
    outcome: "error",
    messages: [/posts\/main\/2008\/long-tag\.md:4: tags\.1: "virtualization.*…" is 308 characters long; a tag may have at most 100/],
  },
  {
    name: "more tags than a post may have",
    files: { "posts/main/2008/many-tags.md": post(`title: Many tags\ndate: "2008-06-02"\ntags: [${Array.from({ length: 101 }, (_, i) => `t${i}`).join(", ")}]`) },
    outcome: "error",
    messages: [/posts\/main\/2008\/many-tags\.md:4: tags: has 101 tags; a post may have at most 100/],
  },
  {
    name: "front matter past its size limit",
    files: { "posts/main/2008/big-fm.md": post(`title: Big\ndate: "2008-06-02"\nsummary: "${"word ".repeat(14_000)}"`) },
    outcome: "error",
    messages: [/posts\/main\/2008\/big-fm\.md:1: \(front matter\): is 69 KiB; the limit is 64 KiB/],
  },
  {
    name: "a front matter that is not closed",
    files: { "posts/main/2008/open.md": '---\ntitle: Open\ndate: "2008-06-02"\n\nThe text, with no closing line above.\n' },
    outcome: "error",
    messages: [/posts\/main\/2008\/open\.md:1: \(front matter\): is not closed: add a line `---`/],
  },
  {
    name: "a time the clocks skipped (DST gap)",
    files: { "posts/main/2008/gap.md": post('title: Gap\ndate: "2008-03-09T02:30"') },
    outcome: "error",
    messages: [/posts\/main\/2008\/gap\.md:3: date: "2008-03-09T02:30" does not exist in America\/New_York: the clocks went forward/],
  },
  {
    name: "a post dated in the future is published, with a warning",
    files: { "posts/main/2999/later.md": post('title: Later\ndate: "2999-01-01"') },
    outcome: "ok",
    messages: [/warning: posts\/main\/2999\/later\.md:3: date: "2999-01-01" is in the future; the post is published now \(set `future: hold`/],
    pages: { "main/2999/01/later/index.html": true },
  },
  {
    name: "with future: hold, a post dated in the future is held back",
    files: {
      "_data/site.yaml": `${MINIMAL_DATA["_data/site.yaml"]}future: hold\n`,
      "posts/main/2999/later.md": post('title: Later\ndate: "2999-01-01"'),
    },
    outcome: "ok",
    messages: [/warning: posts\/main\/2999\/later\.md:3: date: "2999-01-01" is in the future: the post is held back/],
    pages: { "main/2999/01/later/index.html": false, "main/2008/06/good/index.html": true },
    after: (root) => assert.doesNotMatch(readFileSync(path.join(root, "_site/index.html"), "utf8"), /Later/),
  },
  {
    name: "a script in _data/ is an error and is never run; another file there is a warning",
    files: {
      "_data/extra.cjs": 'require("node:fs").writeFileSync("ran-the-script", "");\nmodule.exports = {};\n',
      "_data/extra.js": 'import { writeFileSync } from "node:fs";\nwriteFileSync("ran-the-esm-script", "");\nexport default {};\n',
      "_data/notes.txt": "To do: the podcasts.\n",
    },
    outcome: "error",
    messages: [
      /_data\/extra\.cjs: \(file\): data files are YAML or JSON; a script here is never run/,
      /_data\/extra\.js: \(file\): data files are YAML or JSON/,
      /_data\/notes\.txt: \(file\): is not a YAML or JSON file; ignored/,
    ],
    after: (root) => {
      assert.equal(existsSync(path.join(root, "ran-the-script")), false, "the .cjs file was not run");
      assert.equal(existsSync(path.join(root, "ran-the-esm-script")), false, "the .js file was not run");
    },
  },
  {
    name: "a data file that is a folder",
    setup: (root) => mkdirSync(path.join(root, "_data/books.yaml")),
    outcome: "error",
    messages: [/_data\/books\.yaml: \(file\): is a folder, not a data file/],
  },
  {
    name: "a YAML alias bomb",
    files: { "_data/books.yaml": `${BOMB}\n` },
    outcome: "error",
    messages: [/_data\/books\.yaml:1: \(yaml\): aliases \(\*name\) expand too far/],
  },
  {
    name: "a NUL in an alias, escaped in YAML",
    files: { "posts/main/2008/nul.md": post('title: Nul\ndate: "2008-06-02"\naliases: ["/old/a\\0b.html"]') },
    outcome: "error",
    messages: [/posts\/main\/2008\/nul\.md:4: aliases\.0: control character U\+0000 is not allowed/],
  },
  {
    name: "a NUL in an alias, percent-encoded",
    files: { "posts/main/2008/nul2.md": post('title: Nul 2\ndate: "2008-06-02"\naliases: ["/old/a%00b.html"]') },
    outcome: "error",
    messages: [/posts\/main\/2008\/nul2\.md:4: aliases\.0: holds a control character \(such as NUL\)/],
  },
  {
    name: "an alias under /pagefind/ or /assets/",
    files: { "posts/main/2008/own.md": post('title: Own\ndate: "2008-06-02"\naliases:\n  - /pagefind/pagefind.js\n  - /assets/old.css') },
    outcome: "error",
    messages: [
      /posts\/main\/2008\/own\.md:5: aliases\.0: old path \/pagefind\/pagefind\.js is under \/pagefind, where the site keeps the search index/,
      /posts\/main\/2008\/own\.md:6: aliases\.1: old path \/assets\/old\.css is under \/assets/,
    ],
  },
  {
    name: "aliases that differ only in Unicode form or case: a warning",
    files: { "posts/main/2008/cafe.md": post('title: Café\ndate: "2008-06-02"\naliases:\n  - "/old/caf\\u00e9/"\n  - "/old/cafe\\u0301/"\n  - /Old/Post/\n  - /old/post/') },
    outcome: "ok",
    messages: [
      /warning: posts\/main\/2008\/cafe\.md:6: aliases\.1: old path \/old\/cafe%CC%81\/ and \/old\/caf%C3%A9\/ of aliases\.0 of this post differ only in their Unicode form/,
      /warning: posts\/main\/2008\/cafe\.md:8: aliases\.3: old path \/old\/post\/ and \/Old\/Post\/ of aliases\.2 of this post differ only in case/,
    ],
    pages: { "old/post/index.html": true, "Old/Post/index.html": true },
  },
  {
    name: "a podcast image that is not an http(s) URL",
    files: { "_data/podcasts.yaml": "show:\n  title: The Show\n  host: ann\n  image: javascript:alert(1)\n" },
    outcome: "error",
    messages: [/_data\/podcasts\.yaml:4: show\.image: "javascript:alert\(1\)" is not an http\(s\) URL or a path on the site/],
  },
];

describe("hardening: hostile and broken input gets a clear message, never a crash or a half-built site", { concurrency: 2 }, () => {
  it("the baseline site builds", async () => {
    assert.equal((await baselineBuild).status, 0, (await baselineBuild).output);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      assert.equal((await baselineBuild).status, 0);
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
      }
      for (const [file, exists] of Object.entries(c.pages ?? {})) assert.equal(project.exists(file), exists, `${file} ${exists ? "is" : "is not"} built`);
      for (const message of c.messages) assert.match(result.stderr, message);
      assert.doesNotMatch(result.output, /\n\s+at [^\n]+:\d+:\d+\)?\n/, "no stack trace");
      c.after?.(project.root);
    });
  }
});

describe("many posts, few file descriptors", () => {
  it("a 600-post archive builds under `ulimit -n 128` (the loader once opened every post at once)", async () => {
    const project = new Project();
    writeCorpus(project.root, generateCorpus(600));
    const result = await buildSite(project, { openFiles: 128 });
    assert.equal(result.status, 0, result.output.slice(-4000));
    assert.doesNotMatch(result.output, /EMFILE/);
    assert.ok(project.exists("index.html"));
  });
});

describe("a failed search index never ships", () => {
  it("a Pagefind that cannot write its files (a full disk) fails the build, and _site/ stays as it was", async () => {
    assert.equal((await baselineBuild).status, 0);
    const project = new Project(GOOD);
    cpSync(path.join(baseline.root, "_site"), path.join(project.root, "_site"), { recursive: true });
    const before = hashTree(path.join(project.root, "_site"));
    // The real indexer, with every file it writes limited to 0 bytes, as on a full disk.
    const real = createRequire(path.join(REPO, "node_modules/pagefind/package.json")).resolve(
      `@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`,
    );
    const fake = path.join(project.root, "full-disk-pagefind");
    writeFileSync(fake, `#!/bin/sh\ntrap '' XFSZ\nulimit -f 0\nexec "${real}" "$@"\n`);
    chmodSync(fake, 0o755);
    const result = await buildSite(project, { env: { PAGEFIND_BINARY_PATH: fake } });
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /\[backlist\] search index: /);
    assert.deepEqual(hashTree(path.join(project.root, "_site")), before, "the previous _site/ is unchanged");
    assert.ok(statSync(path.join(project.root, "_site/pagefind/pagefind.js")).size > 0);
  });
});
