/** Year and month archives, the archive overview and breadcrumbs on built pages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

/** The breadcrumb trail of a page: label, href and whether it is the current page. */
function crumbs(html: string): { label: string; href: string; current: boolean }[] {
  const nav = /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>(.*?)<\/ol><\/nav>/s.exec(html);
  if (!nav) return [];
  return [...(nav[1] ?? "").matchAll(/<li><a href="([^"]+)"( aria-current="page")?>(.*?)<\/a><\/li>/gs)].map((m) => ({
    href: m[1] ?? "",
    current: Boolean(m[2]),
    label: m[3] ?? "",
  }));
}

/** Titles of the listed posts, in page order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<li class="post-summary"><h2><a href="[^"]+">(.*?)<\/a><\/h2>/gs)].map((m) => m[1] ?? "");
}

function heading(html: string): string {
  return /<h1>(.*?)<\/h1>/s.exec(html)?.[1] ?? "";
}

/** `[label, count]` of every "label (count)" link in a fragment. */
function counts(fragment: string): [string, number][] {
  return [...fragment.matchAll(/<a href="[^"]+">([^<]+)<\/a> <span class="count">\((\d+)\)<\/span>/g)].map((m) => [m[1] ?? "", Number(m[2])]);
}

/** The path of a built page's file: `/main/2008/` → `main/2008/index.html`. */
const page = (url: string) => `${url.slice(1)}index.html`;

describe("year and month archives", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\nside:\n  title: Side Blog\n  author: ann\n",
    "posts/main/2007/dec.md": post('title: December Post\ndate: "2007-12-31"'),
    "posts/main/2008/early-june.md": post('title: Early June\ndate: "2008-06-02"'),
    "posts/main/2008/late-june.md": post('title: Late June\ndate: "2008-06-24T14:30"'),
    "posts/main/2008/some-day-in-june.md": post('title: Some Day In June\ndate: "2008-06"', ""),
    "posts/side/2008/side-june.md": post('title: Side June\ndate: "2008-06-10"'),
    "posts/side/2008/side-september.md": post('title: Side September\ndate: "2008-09-01"'),
    "posts/main/2009/new-year.md": post('title: New Year\ndate: "2009-01-05"'),
  });
  const result = project.build();
  const read = (url: string) => (result.status === 0 ? project.read(page(url)) : "");

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("every month and year with posts has a page, site-wide and per blog, where a trimmed post URL lands", () => {
    const postUrls = [
      "/main/2007/12/dec/",
      "/main/2008/06/early-june/",
      "/main/2008/06/late-june/",
      "/main/2008/06/some-day-in-june/",
      "/side/2008/06/side-june/",
      "/side/2008/09/side-september/",
      "/main/2009/01/new-year/",
    ];
    for (const url of postUrls) {
      assert.ok(project.exists(page(url)), `${url} is built`);
      const [, blog, year, month] = url.split("/");
      for (const trimmed of [`/${blog}/${year}/${month}/`, `/${blog}/${year}/`, `/${blog}/`, `/archive/${year}/${month}/`, `/archive/${year}/`]) {
        assert.ok(project.exists(page(trimmed)), `${trimmed} exists (from ${url})`);
      }
    }
    assert.ok(!project.exists(page("/main/2008/09/")), "no page for a month without posts of the blog");
    assert.ok(!project.exists(page("/archive/2008/07/")));
  });

  it("a month page: “June 2008”, its posts newest first", () => {
    const june = read("/archive/2008/06/");
    assert.equal(heading(june), "June 2008");
    assert.match(june, /<title>June 2008 · Test archive<\/title>/);
    assert.match(june, /4 posts across the archive\./);
    assert.deepEqual(listed(june), ["Late June", "Side June", "Early June", "Some Day In June"]);
    const blogJune = read("/main/2008/06/");
    assert.equal(heading(blogJune), "June 2008");
    assert.match(blogJune, /<title>June 2008 · Main Blog · Test archive<\/title>/);
    assert.deepEqual(listed(blogJune), ["Late June", "Early June", "Some Day In June"]);
    // The arrows may be written as character references.
    assert.match(june, /<a href="\/archive\/2008\/09\/">(?:←|&#8592;) September 2008<\/a>/);
    assert.match(june, /<a href="\/archive\/2007\/12\/">December 2007 (?:→|&#8594;)<\/a>/);
  });

  it("a year page: its posts newest first and its months with counts", () => {
    const year = read("/archive/2008/");
    assert.equal(heading(year), "2008");
    assert.deepEqual(listed(year), ["Side September", "Late June", "Side June", "Early June", "Some Day In June"]);
    const months = /<ul class="archive-months"[^>]*>(.*?)<\/ul>/s.exec(year)?.[1] ?? "";
    assert.deepEqual(counts(months), [
      ["September", 1],
      ["June", 4],
    ]);
    assert.match(months, /href="\/archive\/2008\/09\/"/);
    assert.deepEqual(counts(/<ul class="archive-months"[^>]*>(.*?)<\/ul>/s.exec(read("/side/2008/"))?.[1] ?? ""), [
      ["September", 1],
      ["June", 1],
    ]);
  });

  it("the overview: years → months with counts, then each blog", () => {
    const overview = read("/archive/");
    assert.equal(heading(overview), "Archive");
    assert.match(overview, /7 posts from 2007 to 2009\./);
    const sections = [...overview.matchAll(/<section class="archive-overview"[^>]*>(.*?)<\/section>/gs)].map((m) => m[1] ?? "");
    assert.equal(sections.length, 3, "all blogs, then Main Blog and Side Blog");
    assert.deepEqual(counts(sections[0] ?? ""), [
      ["2009", 1],
      ["January", 1],
      ["2008", 5],
      ["September", 1],
      ["June", 4],
      ["2007", 1],
      ["December", 1],
    ]);
    assert.match(sections[1] ?? "", /<a href="\/main\/">Main Blog<\/a> <span class="count">\(5 posts\)<\/span>/);
    assert.deepEqual(counts(sections[2] ?? ""), [
      ["2008", 2],
      ["September", 1],
      ["June", 1],
    ]);
    for (const href of [...overview.matchAll(/<section.*?<\/section>/gs)].flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => h[1] ?? ""))) {
      assert.ok(project.exists(page(href)), `${href} is a page`);
    }
  });

  it("a blog's index shows its years with counts", () => {
    const index = read("/main/");
    const years = /<nav class="blog-years"[^>]*>(.*?)<\/nav>/s.exec(index)?.[1] ?? "";
    assert.deepEqual(counts(years), [
      ["2009", 1],
      ["2008", 3],
      ["2007", 1],
    ]);
  });

  it("breadcrumbs on list pages, the last one the current page", () => {
    assert.deepEqual(crumbs(read("/main/2008/06/")), [
      { label: "Home", href: "/", current: false },
      { label: "Main Blog", href: "/main/", current: false },
      { label: "2008", href: "/main/2008/", current: false },
      { label: "June", href: "/main/2008/06/", current: true },
    ]);
    assert.deepEqual(crumbs(read("/archive/2008/")).map((c) => c.label), ["Home", "Archive", "2008"]);
    assert.deepEqual(crumbs(read("/archive/")).map((c) => c.href), ["/", "/archive/"]);
    assert.deepEqual(crumbs(read("/main/")).map((c) => [c.label, c.current]), [
      ["Home", false],
      ["Main Blog", true],
    ]);
    assert.deepEqual(crumbs(read("/authors/ann/")).map((c) => c.label), ["Home", "Ann Author"]);
    assert.equal(crumbs(read("/")).length, 0, "the home page has none");
  });

  it("breadcrumbs on an article: Home › Blog › Year › Month › the post", () => {
    assert.deepEqual(crumbs(read("/main/2008/06/late-june/")), [
      { label: "Home", href: "/", current: false },
      { label: "Main Blog", href: "/main/", current: false },
      { label: "2008", href: "/main/2008/", current: false },
      { label: "June", href: "/main/2008/06/", current: false },
      { label: "Late June", href: "/main/2008/06/late-june/", current: true },
    ]);
  });
});

describe("archive pagination", () => {
  const files: Record<string, string> = { ...MINIMAL_DATA };
  for (let i = 1; i <= 45; i++) {
    const n = String(i).padStart(2, "0");
    files[`posts/main/2008/post-${n}.md`] = post(`title: Post ${n}\ndate: "2008-06-${String(((i - 1) % 28) + 1).padStart(2, "0")}"\norder: ${i}`);
  }
  const project = new Project(files);
  const result = project.build();

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("pages at stable URLs, 20 a page, newest first across pages", () => {
    for (const base of ["/archive/2008/", "/archive/2008/06/", "/main/2008/", "/main/2008/06/"]) {
      assert.ok(project.exists(page(base)), base);
      assert.ok(project.exists(page(`${base}page/2/`)), `${base}page/2/`);
      assert.ok(project.exists(page(`${base}page/3/`)), `${base}page/3/`);
      assert.ok(!project.exists(page(`${base}page/4/`)), `no ${base}page/4/`);
    }
    const pages = ["/archive/2008/06/", "/archive/2008/06/page/2/", "/archive/2008/06/page/3/"].map((url) => listed(project.read(page(url))));
    assert.deepEqual(pages.map((p) => p.length), [20, 20, 5]);
    const titles = pages.flat();
    assert.equal(titles[0], "Post 28", "June 28 is the newest day");
    assert.equal(titles[44], "Post 01");
    assert.equal(new Set(titles).size, 45);
  });

  it("page 2 says so, links its neighbours and adds a crumb", () => {
    const second = project.read(page("/archive/2008/06/page/2/"));
    assert.equal(heading(second), "June 2008, page 2");
    assert.match(second, /<a rel="prev" href="\/archive\/2008\/06\/">/);
    assert.match(second, /<a rel="next" href="\/archive\/2008\/06\/page\/3\/">/);
    assert.deepEqual(crumbs(second).map((c) => [c.label, c.current]), [
      ["Home", false],
      ["Archive", false],
      ["2008", false],
      ["June", false],
      ["Page 2", true],
    ]);
  });

  it("the overview counts them all", () => {
    const overview = project.read("archive/index.html");
    assert.deepEqual(counts(overview), [
      ["2008", 45],
      ["June", 45],
    ]);
    assert.equal([...overview.matchAll(/<section class="archive-overview"/g)].length, 1, "one blog: no per-blog repeat");
  });
});

describe("the sample archive", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("every crumb of the seed article leads to a built page", () => {
    const html = project.read("converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/index.html");
    const trail = crumbs(html);
    assert.deepEqual(trail.map((c) => c.label).slice(0, 4), ["Home", "Converging on Microsoft", "2008", "June"]);
    for (const { href } of trail) assert.ok(project.exists(page(href)), `${href} is a page`);
    assert.equal(heading(project.read(page("/converging-on-microsoft/2008/06/"))), "June 2008");
  });
});
