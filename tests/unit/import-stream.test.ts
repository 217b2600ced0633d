/**
 * A WordPress export read one item at a time, and a Blogger export read one
 * entry at a time, give exactly what reading them as one tree gives, and
 * the quick readers of WordPress dates give exactly what luxon gives.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { writeWxr } from "../../src/bench/wxr.ts";
import { dateMillis } from "../../src/import/comments.ts";
import { decodeSource, withoutDoctype } from "../../src/import/decode.ts";
import { ATOM_ENTRIES, sliceItems } from "../../src/import/slices.ts";
import { parseBlogger } from "../../src/import/blogger.ts";
import { wordPressDate, wordPressDateFast } from "../../src/import/source.ts";
import { parseWxr } from "../../src/import/wxr.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/import");
const read = (file: string) => withoutDoctype(decodeSource(readFileSync(file), file), file);

describe("items found by a scan", () => {
  it("cuts out each item of <rss><channel>, whatever its CDATA, comments and attributes hold", () => {
    const xml =
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n' +
      '<item a="x>y" b=\'</item>\'><title><![CDATA[<item></item> ]]]]></title><!-- <item> --></item>\n' +
      "<wp:author><wp:author_login>a</wp:author_login></wp:author>\n" +
      "<item/><item><title>two</title><item>nested</item></item>\n</channel></rss>\n";
    const { rest, items } = sliceItems(xml);
    assert.deepEqual(items, [
      '<item a="x>y" b=\'</item>\'><title><![CDATA[<item></item> ]]]]></title><!-- <item> --></item>',
      "<item/>",
      "<item><title>two</title><item>nested</item></item>",
    ]);
    assert.equal(rest, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n\n<wp:author><wp:author_login>a</wp:author_login></wp:author>\n\n</channel></rss>\n');
  });

  it("leaves a document without items of <rss><channel> whole", () => {
    const xml = "<feed><item>x</item></feed>";
    assert.deepEqual(sliceItems(xml), { rest: xml, items: [] });
  });

  for (const name of ["wordpress.xml", "wordpress-quirks.xml", "latin1.xml"]) {
    it(`reads ${name} item by item as it reads it whole`, () => {
      const xml = read(path.join(FIXTURES, name));
      assert.ok(sliceItems(xml).items.length > 0);
      assert.deepEqual(parseWxr(xml, name), parseWxr(xml, name, { sliced: false }));
    });
  }

  it("reads a generated export of 300 posts item by item as it reads it whole", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "backlist-stream-")), "export.xml");
    writeWxr(file, 300);
    const xml = read(file);
    const sliced = parseWxr(xml, file);
    assert.ok(sliced.items.length > 300);
    assert.deepEqual(sliced, parseWxr(xml, file, { sliced: false }));
  });

  it("reads an export with two channels as one tree, as before", () => {
    const xml = '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>A</title><item><title>x</title></item></channel><channel><item><title>y</title></item></channel></rss>';
    assert.deepEqual(parseWxr(xml, "two.xml"), parseWxr(xml, "two.xml", { sliced: false }));
  });
});

describe("Blogger entries found by a scan", () => {
  it("cuts out each entry of <feed>, and no entry nested deeper", () => {
    const xml = "<feed><title>T</title><entry a='</entry>'><content type='html'><![CDATA[<entry>]]></content></entry><author><entry>not one</entry></author><entry/></feed>";
    const { rest, items } = sliceItems(xml, ATOM_ENTRIES);
    assert.deepEqual(items, ["<entry a='</entry>'><content type='html'><![CDATA[<entry>]]></content></entry>", "<entry/>"]);
    assert.equal(rest, "<feed><title>T</title><author><entry>not one</entry></author></feed>");
  });

  for (const name of ["blogger.xml", "blogger-new.xml"]) {
    it(`reads ${name} entry by entry as it reads it whole`, () => {
      const xml = read(path.join(FIXTURES, name));
      const entries = (xml.match(/<entry>/g) ?? []).length;
      assert.equal(sliceItems(xml, ATOM_ENTRIES).items.length, entries, "every entry is a piece of its own");
      assert.deepEqual(parseBlogger(xml, name), parseBlogger(xml, name, { sliced: false }));
    });
  }

  it("reads a generated export of 300 posts, their comments and replies, entry by entry as it reads it whole", () => {
    const entries: string[] = [];
    for (let n = 1; n <= 300; n++) {
      const post = `tag:blogger.com,1999:blog-42.post-${n}`;
      entries.push(
        `<entry><id>${post}</id><blogger:type>POST</blogger:type><blogger:status>${n % 50 === 0 ? "DRAFT" : "LIVE"}</blogger:status>` +
          `<author><name>Writer ${n % 3}</name></author><title>Post &amp; number ${n}</title>` +
          `<content type='html'>&lt;p&gt;Body ${n} with a &lt;a href="http://big.blogspot.com/2019/01/post-${n - 1}.html"&gt;link&lt;/a&gt;&lt;/p&gt;</content>` +
          `<published>2019-01-01T10:00:00-05:00</published><category scheme='tag:blogger.com,1999:blog-42' term='Label ${n % 7}'/>` +
          `<blogger:filename>/2019/01/post-${n}.html</blogger:filename></entry>`,
        `<entry><id>tag:blogger.com,1999:blog-42.post-${1000 + n}</id><blogger:parent>${post}</blogger:parent><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>` +
          `<author><name>Reader</name></author><content type='html'>Comment on ${n}</content><published>2019-01-02T10:00:00-05:00</published></entry>`,
        `<entry><id>tag:blogger.com,1999:blog-42.post-${2000 + n}</id><blogger:parent>tag:blogger.com,1999:blog-42.post-${1000 + n}</blogger:parent><blogger:type>COMMENT</blogger:type>` +
          `<blogger:status>${n % 10 === 0 ? "DELETED" : "LIVE"}</blogger:status><author><name>Writer</name></author><content type='html'>Reply on ${n}</content><published>2019-01-03T10:00:00-05:00</published></entry>`,
      );
    }
    const xml = `<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'><id>tag:blogger.com,1999:blog-42</id><title>Big</title>\n${entries.join("\n")}\n</feed>\n`;
    assert.equal(sliceItems(xml, ATOM_ENTRIES).items.length, 900);
    const sliced = parseBlogger(xml, "big.xml");
    assert.equal(sliced.items.length, 300);
    assert.equal(sliced.site, "http://big.blogspot.com/");
    assert.deepEqual(sliced.items[10]?.comments.map((c) => [c.id, c.parent]), [["1011", undefined], ["2011", "1011"]]);
    assert.deepEqual(sliced, parseBlogger(xml, "big.xml", { sliced: false }));
  });
});

describe("WordPress dates without luxon", () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  // A fixed walk through the edges: month and day ends, leap years, far offsets, zero dates, other forms.
  const locals: string[] = [];
  for (const year of [999, 1000, 1900, 2000, 2023, 2024, 9999]) {
    for (const [month, day] of [[1, 1], [2, 28], [2, 29], [2, 30], [4, 31], [12, 31], [13, 1], [0, 10], [6, 0]] as const) {
      for (const time of ["00:00:00", "09:30:00", "23:59:59", "24:00:00", "12:60:00", "12:00:61"]) locals.push(`${pad(year, 4)}-${pad(month)}-${pad(day)} ${time}`);
    }
  }
  locals.push("2009-03-01", "2009-03-01 09:30:00.250", " 2009-03-01 09:30:00 ", "2009-03-01T09:30:00", "junk");
  const gmts = (local: string): (string | undefined)[] => {
    const base = Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16)), Number(local.slice(17, 19)));
    const shifted = [0, 60, -330, 345, 840, 841, -840, -900, 0.5].map((minutes) => {
      const d = new Date(base - minutes * 60_000);
      return Number.isNaN(d.getTime()) ? "x" : `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    });
    return [...shifted, undefined, "", "0000-00-00 00:00:00", "2009-03-01"];
  };

  it("writes every date as luxon does, or leaves it to luxon", () => {
    let quick = 0;
    for (const local of locals) {
      for (const gmt of gmts(local)) {
        const fast = wordPressDateFast(local, gmt);
        if (fast === undefined) continue;
        quick++;
        assert.equal(fast, wordPressDate(local, gmt), `${local} / ${gmt}`);
      }
    }
    assert.ok(quick > 500, `${quick} dates read quickly`);
  });

  it("orders comments by the moment luxon reads", () => {
    for (const local of locals) {
      for (const offset of ["+00:00", "-00:00", "+05:30", "-11:45", "+14:00", "+24:00", "-01:60"]) {
        const date = `${local.replace(" ", "T")}${offset}`;
        const expected = DateTime.fromISO(date, { setZone: true }).toMillis();
        const got = dateMillis(date);
        assert.ok(got === expected || (Number.isNaN(got) && Number.isNaN(expected)), date);
      }
    }
  });
});
