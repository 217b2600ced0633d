/**
 * Properties that must hold for every input, not just the examples of the
 * other unit tests (issue "Bad input and safety"): dates read as written in
 * any zone, slugs, and the escaping of text that lands in script elements
 * (JSON-LD).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseFragment, serialize } from "parse5";
import { parseArchiveDate } from "../../src/dates.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { withNoopener } from "../../src/markdown/external-links.ts";
import { slugify } from "../../src/slug.ts";
import { jsonForScript } from "../../src/views/head.ts";

/** Zones with odd offsets, day-line moves, DST at midnight, half-hour DST. */
const ZONES = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Havana",
  "Europe/London",
  "Europe/Moscow",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tehran",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Apia",
  "Pacific/Pago_Pago",
] as const;

const zone = fc.constantFrom(...ZONES);
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const daysIn = (year: number, month: number): number => new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
/** A real calendar date (proleptic Gregorian: the 400-year cycle repeats). */
const calendarDate = fc
  .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), dayIndex: fc.nat() })
  .map(({ year, month, dayIndex }) => ({ year, month, day: (dayIndex % daysIn(year, month)) + 1 }));
/** Samoa skipped 2011-12-30 when it moved across the date line: the one day that never was. */
const happened = (d: { year: number; month: number; day: number }, z: string): boolean =>
  !(z === "Pacific/Apia" && d.year === 2011 && d.month === 12 && d.day === 30);

describe("parseArchiveDate: dates are read as written", () => {
  it("a real day keeps its year, month and day in any zone", () => {
    fc.assert(
      fc.property(calendarDate, zone, (d, z) => {
        fc.pre(happened(d, z));
        const text = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
        const result = parseArchiveDate(text, z);
        assert.ok(result.ok, `${text} in ${z}: ${result.ok || result.message}`);
        const { date } = result;
        assert.deepEqual([date.year, date.month, date.dt.day], [d.year, d.month, d.day]);
        assert.equal(date.datetime, text);
        assert.ok(date.start <= date.end, "the day has a start before its end");
      }),
      { examples: [[{ year: 2008, month: 10, day: 19 }, "America/Sao_Paulo"], [{ year: 2011, month: 12, day: 31 }, "Pacific/Apia"]] },
    );
  });

  it("the day a zone skipped is refused, not moved to the next", () => {
    const result = parseArchiveDate("2011-12-30", "Pacific/Apia");
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.message, /did not happen in Pacific\/Apia/);
  });

  it("a month keeps its year and month in any zone", () => {
    fc.assert(
      fc.property(calendarDate, zone, (d, z) => {
        const text = `${pad(d.year, 4)}-${pad(d.month)}`;
        const result = parseArchiveDate(text, z);
        assert.ok(result.ok, `${text} in ${z}: ${result.ok || result.message}`);
        assert.deepEqual([result.date.year, result.date.month, result.date.precision], [d.year, d.month, "month"]);
        assert.ok(result.date.start <= result.date.end);
      }),
    );
  });

  it("a time with an offset is shown in that offset, whatever the zone", () => {
    const offset = fc.record({ sign: fc.constantFrom("+", "-"), hours: fc.integer({ min: 0, max: 14 }), minutes: fc.constantFrom(0, 30, 45) });
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), offset, zone, (d, hour, minute, o, z) => {
        const written = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(hour)}:${pad(minute)}${o.sign}${pad(o.hours)}:${pad(o.minutes)}`;
        const result = parseArchiveDate(written, z);
        assert.ok(result.ok, `${written}: ${result.ok || result.message}`);
        const { dt } = result.date;
        assert.deepEqual([dt.year, dt.month, dt.day, dt.hour, dt.minute], [d.year, d.month, d.day, hour, minute]);
      }),
    );
  });

  it("a local time away from the small hours, when clocks change, keeps every field in any zone", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 10, max: 21 }), fc.integer({ min: 0, max: 59 }), zone, (d, hour, minute, z) => {
        fc.pre(happened(d, z));
        const written = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(hour)}:${pad(minute)}`;
        const result = parseArchiveDate(written, z);
        assert.ok(result.ok, `${written} in ${z}: ${result.ok || result.message}`);
        const { dt } = result.date;
        assert.deepEqual([dt.year, dt.month, dt.day, dt.hour, dt.minute], [d.year, d.month, d.day, hour, minute]);
      }),
    );
  });

  it("an impossible month or day is always rejected, never rolled over", () => {
    const badMonth = fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 }));
    const year = fc.integer({ min: 1000, max: 9999 });
    fc.assert(
      fc.property(year, badMonth, fc.integer({ min: 1, max: 28 }), zone, (y, month, day, z) => {
        for (const text of [`${y}-${pad(month)}`, `${y}-${pad(month)}-${pad(day)}`, `${y}-${pad(month)}-${pad(day)}T12:00`]) {
          const result = parseArchiveDate(text, z);
          assert.equal(result.ok, false, text);
          assert.match(result.ok ? "" : result.message, /is not a real calendar date/);
        }
      }),
    );
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), zone, (y, month, day, z) => {
        fc.pre(day === 0 || day > daysIn(y, month));
        const text = `${y}-${pad(month)}-${pad(day)}`;
        const result = parseArchiveDate(text, z);
        assert.equal(result.ok, false, text);
        assert.match(result.ok ? "" : result.message, /is not a real calendar date/);
      }),
      { examples: [[2008, 2, 30, "UTC"], [1900, 2, 29, "UTC"], [2007, 2, 29, "UTC"], [2008, 4, 31, "UTC"]] },
    );
  });
});

describe("slugify", () => {
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."Aa Zz-_.,:;'’\"&+/#?!()[]ÄäÖößçéŒ€日本—–…  \t\n0123456789"), maxLength: 40 }),
  );

  it("gives only lower-case ASCII letters, digits and single hyphens, never at an end", () => {
    fc.assert(
      fc.property(text, (input) => {
        const slug = slugify(input);
        assert.match(slug, /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, JSON.stringify(input));
      }),
      { examples: [["Red Hat"], ["--x--"], ["ÆØÅ"], ["C++ & Rust"], ["Über Xen"]] },
    );
  });

  it("is idempotent: a slug is its own slug", () => {
    fc.assert(
      fc.property(text, (input) => {
        const slug = slugify(input);
        assert.equal(slugify(slug), slug);
      }),
    );
  });
});

describe("escaping", () => {
  it("jsonForScript: no `<` at all (so no `</script` or `<!--`), and the same JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = jsonForScript(value);
        assert.ok(!json.includes("<"), json);
        assert.doesNotMatch(json, /<\/script/i);
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(value)));
      }),
      { examples: [["</script><script>alert(1)</script>"], [{ headline: "</SCRIPT >\u2028<!--" }]] },
    );
  });

  it("jsonForScript: the script element holds exactly the JSON, however hostile the text", () => {
    const hostile = fc.string({ unit: fc.constantFrom("<", "/", "script", "SCRIPT", ">", "!--", "-->", " ", "\u2028", "é", "x"), maxLength: 30 });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), hostile), (value) => {
        const json = jsonForScript(value);
        const fragment = parseFragment(`<script type="application/ld+json">${json}</script><p>after</p>`);
        const [script, p, ...rest] = fragment.childNodes;
        assert.equal(rest.length, 0);
        assert.equal(script?.nodeName, "script");
        assert.equal(p?.nodeName, "p");
        const text = script && "childNodes" in script ? script.childNodes.map((n) => ("value" in n ? n.value : "")).join("") : "";
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("external links", () => {
  const hostname = fc.domain().map((d) => d.toLowerCase());

  it("get rel=noopener unless they lead to the archive's own host", () => {
    const md = createMarkdown();
    fc.assert(
      fc.property(hostname, hostname, fc.constantFrom("http", "https"), fc.webPath(), (own, other, scheme, webPath) => {
        fc.pre(own !== other);
        const env = { siteUrl: `https://${own}/` };
        const link = (host: string): string => md.renderInline(`[x](<${scheme}://${host}${webPath}>)`, env);
        assert.doesNotMatch(link(own), /rel=/);
        assert.match(link(other), /^<a href="[^"]*" rel="noopener">x<\/a>$/);
      }),
    );
  });

  it("keep any rel they had, adding noopener once", () => {
    const value = fc.constantFrom("nofollow", "ugc", "noopener", "NOOPENER", "external", "me");
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), fc.constantFrom(" ", "  ", "\t"), (values, gap) => {
        const rel = withNoopener(values.length ? values.join(gap) : null).split(" ");
        const had = values.some((v) => v.toLowerCase() === "noopener");
        assert.deepEqual(rel, had ? values : [...values, "noopener"]);
      }),
    );
  });
});
