import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown, DEFAULTS } from "../../src/markdown/index.ts";
import { highlightCache } from "../../src/markdown/highlight.ts";
import { markdownPlugin } from "../../src/plugins/markdown.ts";
import { slugify } from "../../src/slug.ts";
import type { UserConfig } from "../../src/types.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/markdown/", import.meta.url));

interface FixtureCase {
  title: string;
  input: string;
  expected: string;
  line: number;
}

/**
 * Cases in the markdown-it fixture format: title line(s), then `.`, the
 * markdown, `.`, the expected HTML, `.`; cases separated by blank lines.
 * Input and expected HTML each end with a newline, as a file would.
 */
function parseFixtures(text: string, file: string): FixtureCase[] {
  const lines = text.split("\n");
  const cases: FixtureCase[] = [];
  let i = 0;

  const block = (what: string): string => {
    const start = i;
    while (i < lines.length && lines[i] !== ".") i++;
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: ${what} has no closing "."`);
    const body = lines.slice(start, i);
    i++; // past "."
    return body.length === 0 ? "" : `${body.join("\n")}\n`;
  };

  while (i < lines.length) {
    if (lines[i]?.trim() === "") {
      i++;
      continue;
    }
    const line = i + 1;
    const title = block("title").trim().replaceAll("\n", " ");
    const input = block("input");
    const expected = block("expected HTML");
    cases.push({ title, input, expected, line });
  }
  return cases;
}

describe("markdown fixtures", () => {
  const files = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".txt"))
    .sort();

  it("has a fixture file for every feature", () => {
    for (const name of [
      "code.txt",
      "footnotes.txt",
      "headings.txt",
      "html.txt",
      "reply.txt",
      "tables.txt",
      "typography.txt",
    ]) {
      assert.ok(files.includes(name), `missing tests/fixtures/markdown/${name}`);
    }
  });

  for (const name of files) {
    const cases = parseFixtures(readFileSync(FIXTURES + name, "utf8"), name);
    describe(name, () => {
      it("holds at least one case", () => assert.ok(cases.length > 0));
      // One instance per file, as Eleventy renders every page with one instance.
      const md = createMarkdown();
      for (const c of cases) {
        it(`${c.title} (line ${c.line})`, () => {
          assert.equal(md.render(c.input), c.expected);
        });
      }
    });
  }
});

describe("reply container", () => {
  it("treats spaces after a bare `reply` as no name", () => {
    const html = createMarkdown().render("::: reply   \nHi.\n:::\n");
    assert.equal(
      html,
      '<figure class="reply">\n<blockquote>\n<p>Hi.</p>\n</blockquote>\n</figure>\n',
    );
  });

  it("links a cited comment through env.citeComment, with an id on the figure for the link back (issue: comments)", () => {
    const calls: [string, number | null, string][] = [];
    const env = {
      citeComment: (target: string, line: number | null, anchor: string) => {
        calls.push([target, line, anchor]);
        return target === "#comment-9" ? undefined : { href: `/p/#${target.split("#")[1]}`, label: "a comment on “<P>”" };
      },
    };
    const html = createMarkdown().render("Intro.\n\n::: reply Simon <S> p.md#comment-1\nQuote.\n:::\n\n::: reply #comment-2\nTwo.\n:::\n\n::: reply Z #comment-9\nNone.\n:::\n", env);
    assert.deepEqual(calls, [["p.md#comment-1", 2, "citation-1"], ["#comment-2", 6, "citation-2"], ["#comment-9", 10, "citation-3"]]);
    assert.equal(
      html,
      "<p>Intro.</p>\n" +
        '<figure class="reply" id="citation-1">\n<figcaption><cite>Simon &lt;S&gt;</cite> wrote in <a href="/p/#comment-1">a comment on “&lt;P&gt;”</a>:</figcaption>\n<blockquote>\n<p>Quote.</p>\n</blockquote>\n</figure>\n' +
        '<figure class="reply" id="citation-2">\n<figcaption>From <a href="/p/#comment-2">a comment on “&lt;P&gt;”</a>:</figcaption>\n<blockquote>\n<p>Two.</p>\n</blockquote>\n</figure>\n' +
        '<figure class="reply">\n<figcaption><cite>Z</cite> wrote:</figcaption>\n<blockquote>\n<p>None.</p>\n</blockquote>\n</figure>\n',
    );
  });
});

describe("heading anchors", () => {
  it("take their ids from the project's slugify", () => {
    const md = createMarkdown();
    for (const title of ["Über Xen", "C++ & Rust", "Red Hat's Cloud", "IPv6 -- at last"]) {
      const html = md.render(`## ${title}\n`);
      const id = /<h2 id="([^"]*)">/.exec(html)?.[1];
      assert.ok(id, `no id in ${html}`);
      // The heading text reaches slugify after typography (’ and –).
      const typeset = md.renderInline(title).replaceAll("&amp;", "&");
      assert.equal(id, slugify(typeset));
    }
  });

  it("restart for every document rendered with the same instance", () => {
    const md = createMarkdown();
    const first = md.render("## Intro\n");
    assert.match(first, /id="intro"/);
    assert.equal(md.render("## Intro\n"), first);
  });
});

describe("per-document state", () => {
  const doc = "## Notes\n\nText.[^1]\n\n[^1]: A note.\n";

  it("does not carry footnotes or slugs across renders sharing an env", () => {
    const md = createMarkdown();
    const env: Record<string, unknown> = { title: "A post" };
    const first = md.render(doc, env);
    const second = md.render(doc, env);
    assert.equal(second, first);
    assert.equal(first.match(/class="footnote-item"/g)?.length, 1);
    assert.match(first, /<h2 id="notes">/);
  });

  it("leaves the caller's env free of plugin state, other keys pass through", () => {
    const seen: unknown[] = [];
    const md = createMarkdown({
      plugins: [
        (m) =>
          m.core.ruler.push("probe", (state) => {
            seen.push(state.env.title);
            state.env.probed = true;
          }),
      ],
    });
    const env: Record<string, unknown> = { title: "A post" };
    md.render(doc, env);
    assert.deepEqual(seen, ["A post"]);
    assert.equal(env.probed, true);
    assert.ok(!("footnotes" in env), "footnotes leaked into env");
    assert.ok(!("markdownItAnchor" in env), "anchor slugs leaked into env");
  });

  it("is not confused by a front-matter key named like plugin state", () => {
    const env: Record<string, unknown> = { footnotes: true };
    const html = createMarkdown().render(doc, env);
    assert.match(html, /<li id="fn1" class="footnote-item"><p>A note\./);
    assert.equal(env.footnotes, true);
  });
});

describe("highlight cache", () => {
  const code = "const highlightCacheProbe: number = 42;\n";
  const block = `\`\`\`ts\n${code}\`\`\`\n`;
  const pre = (html: string): string[] => html.match(/<pre[\s\S]*?<\/pre>/g) ?? [];

  it("stores a repeated block once and returns identical output", () => {
    const before = highlightCache.size;
    const html = createMarkdown().render(`${block}\nBetween.\n\n${block}`);
    assert.equal(highlightCache.size, before + 1);

    const [a, b, ...rest] = pre(html);
    assert.equal(rest.length, 0);
    assert.ok(a?.includes('<span class="token keyword">const</span>'), `not highlighted: ${a}`);
    assert.equal(b, a);

    // Shared by every instance: another one hits the same entry.
    assert.deepEqual(pre(createMarkdown().render(block)), [a]);
    assert.equal(highlightCache.size, before + 1);
  });

  it("keys entries by language as well as code", () => {
    const before = highlightCache.size;
    const asTs = pre(createMarkdown().render(`\`\`\`ts\nlet languageKeyProbe = 1;\n\`\`\`\n`));
    const asText = pre(createMarkdown().render(`\`\`\`text\nlet languageKeyProbe = 1;\n\`\`\`\n`));
    assert.equal(highlightCache.size, before + 2);
    assert.match(asTs[0] ?? "", /class="language-ts"/);
    const plain = "let languageKeyProbe = 1;\n";
    assert.equal(
      asText[0],
      `<pre class="language-text" tabindex="0"><code class="language-text">${plain}</code></pre>`,
    );
  });
});

describe("createMarkdown options", () => {
  it("has the documented defaults, frozen", () => {
    assert.deepEqual(
      { ...DEFAULTS, plugins: [...DEFAULTS.plugins] },
      { html: true, linkify: true, typographer: true, highlight: true, plugins: [] },
    );
    assert.ok(Object.isFrozen(DEFAULTS));
    assert.ok(Object.isFrozen(DEFAULTS.plugins));
  });

  it("treats an explicit undefined as the default", () => {
    const md = createMarkdown({ plugins: undefined, typographer: undefined });
    assert.equal(md.render('"x"\n'), "<p>“x”</p>\n");
  });

  it("overrides only what it is given", () => {
    const md = createMarkdown({ html: false });
    assert.equal(md.render('<b>"x"</b>\n'), "<p>&lt;b&gt;“x”&lt;/b&gt;</p>\n");
  });

  it("can turn highlighting off", () => {
    const html = createMarkdown({ highlight: false }).render("```ts\nlet a = 1;\n```\n");
    assert.equal(html, '<pre tabindex="0"><code class="language-ts">let a = 1;\n</code></pre>\n');
  });

  it("applies plugins last, in order", () => {
    const order: string[] = [];
    const override = (md: MarkdownIt): void => {
      order.push("override");
      // Only works if the reply container is already registered.
      md.renderer.rules.container_reply_open = () => "<aside>\n";
      md.renderer.rules.container_reply_close = () => "</aside>\n";
    };
    const second = (): void => {
      order.push("second");
    };
    const html = createMarkdown({ plugins: [override, second] }).render("::: reply A\nHi.\n:::\n");
    assert.equal(html, "<aside>\n<p>Hi.</p>\n</aside>\n");
    assert.deepEqual(order, ["override", "second"]);
  });
});

describe("markdownPlugin", () => {
  it("sets the md library to an instance built with the given options", () => {
    const calls: Array<[string, unknown]> = [];
    const config = {
      setLibrary: (name: string, lib: unknown) => calls.push([name, lib]),
    } as unknown as UserConfig;
    markdownPlugin(config, { typographer: false });

    assert.equal(calls.length, 1);
    const [name, lib] = calls[0] ?? [];
    assert.equal(name, "md");
    const md = lib as MarkdownIt;
    assert.equal(md.render('"plain"\n'), "<p>&quot;plain&quot;</p>\n");
    assert.match(md.render("::: reply A\nHi.\n:::\n"), /^<figure class="reply">/);
  });
});
