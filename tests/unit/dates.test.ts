import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatArchiveDate, isOnOrBefore, parseArchiveDate, type ArchiveDate } from "../../src/dates.ts";

function date(value: string, zone = "America/New_York"): ArchiveDate {
  const result = parseArchiveDate(value, zone);
  assert.ok(result.ok, `expected ${value} to parse: ${result.ok ? "" : result.message}`);
  return result.date;
}

describe("parseArchiveDate", () => {
  it("reads a month as month precision, shown as 'June 2008'", () => {
    const d = date("2008-06");
    assert.equal(d.precision, "month");
    assert.equal(d.datetime, "2008-06");
    assert.equal(formatArchiveDate(d), "June 2008");
    assert.equal(d.year, 2008);
    assert.equal(d.month, 6);
  });

  it("reads a day in the given zone, whatever the machine's zone", () => {
    // The tests run under several TZ values (see package.json); the day never moves.
    const d = date("2008-06-24", "Pacific/Kiritimati");
    assert.equal(d.datetime, "2008-06-24");
    assert.equal(formatArchiveDate(d), "June 24, 2008");
    assert.equal(d.dt.day, 24);
    const la = date("2008-01-01", "America/Los_Angeles");
    assert.equal(formatArchiveDate(la), "January 1, 2008");
    assert.equal(la.year, 2008);
  });

  it("reads a local time in the blog's zone and an offset time in its own offset", () => {
    const local = date("2008-06-24T23:30", "America/New_York");
    assert.equal(local.datetime, "2008-06-24T23:30-04:00");
    const offset = date("2008-06-24T23:30:00+09:00", "America/New_York");
    assert.equal(offset.datetime, "2008-06-24T23:30+09:00");
    assert.equal(offset.dt.day, 24, "shown as written, in its own offset");
    const utc = date("2008-06-24T23:30Z");
    assert.equal(utc.dt.day, 24);
    assert.equal(utc.datetime, "2008-06-24T23:30Z");
  });

  it("rejects impossible dates instead of rolling them over", () => {
    for (const bad of ["2008-13-45", "2008-02-30", "2008-13", "2008-06-24T25:00", "2009-02-29"]) {
      const result = parseArchiveDate(bad, "UTC");
      assert.equal(result.ok, false, bad);
      assert.match(result.ok ? "" : result.message, /not a real calendar date/);
    }
  });

  it("rejects text that is no date and YAML timestamps", () => {
    const words = parseArchiveDate("last Tuesday", "UTC");
    assert.equal(words.ok, false);
    assert.match(words.ok ? "" : words.message, /"last Tuesday" is not a date: use YYYY-MM/);
    assert.equal(parseArchiveDate(new Date(), "UTC").ok, false);
    assert.equal(parseArchiveDate(2008, "UTC").ok, false);
  });
});

describe("isOnOrBefore", () => {
  it("compares month precision by the month", () => {
    const june = date("2008-06");
    assert.ok(isOnOrBefore(june, date("2008-06-01")));
    assert.ok(isOnOrBefore(date("2008-06-30"), june));
    assert.ok(!isOnOrBefore(date("2008-07-01"), june));
    assert.ok(!isOnOrBefore(june, date("2008-05-31")));
  });
});

describe("periods across daylight-saving changes", () => {
  it("a day ends at the next local midnight, whatever its length", () => {
    const spring = date("2008-03-09", "America/New_York"); // 23 hours long
    assert.equal(spring.end - spring.start + 1, 23 * 3600_000);
    const fall = date("2008-11-02", "America/New_York"); // 25 hours long
    assert.equal(fall.end - fall.start + 1, 25 * 3600_000);
    const december = date("2008-12", "America/New_York");
    assert.equal(december.end + 1, date("2009-01-01", "America/New_York").start);
  });
});

describe("a local time the clocks skipped", () => {
  it("says that the time does not exist in the zone, not that the date is unreal", () => {
    const gap = parseArchiveDate("2008-03-09T02:30", "America/New_York");
    assert.deepEqual(gap, {
      ok: false,
      message: '"2008-03-09T02:30" does not exist in America/New_York: the clocks went forward (write the time after the change, or give the offset)',
    });
    // The hour after the change, and a truly impossible time, as before.
    assert.ok(parseArchiveDate("2008-03-09T03:30", "America/New_York").ok);
    assert.deepEqual(parseArchiveDate("2008-03-09T25:30", "America/New_York"), { ok: false, message: '"2008-03-09T25:30" is not a real calendar date' });
    assert.deepEqual(parseArchiveDate("2008-02-30T10:00", "America/New_York"), { ok: false, message: '"2008-02-30T10:00" is not a real calendar date' });
  });
});
