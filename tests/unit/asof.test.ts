import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ArchiveDate, parseArchiveDate } from "../../src/dates.ts";
import { countUpTo, newestBefore } from "../../src/sidebars/asof.ts";

function d(text: string): ArchiveDate {
  const result = parseArchiveDate(text, "America/New_York");
  if (!result.ok) throw new Error(result.message);
  return result.date;
}

// Items sorted by start, as the archive keeps them.
const items = ["2008-05-20", "2008-06", "2008-06-10", "2008-06-10T18:00", "2008-07-01"].map((text) => ({ text, date: d(text) }));
const start = (item: (typeof items)[number]) => item.date.start;

describe("countUpTo (as of a date)", () => {
  it("counts items before, on and after the date", () => {
    assert.equal(countUpTo(items, start, d("2008-05-19").end), 0, "before everything");
    assert.equal(countUpTo(items, start, d("2008-05-20").end), 1, "on the first item's day");
    assert.equal(countUpTo(items, start, d("2008-06-10").end), 4, "a day includes its own later times");
    assert.equal(countUpTo(items, start, d("2008-06-09").end), 2, "June (month) is on or before June 9");
    assert.equal(countUpTo(items, start, d("2099-01-01").end), 5, "after everything");
  });

  it("compares a month-precision date by its month", () => {
    // As of "June 2008", everything of June counts, even days after the 1st.
    assert.equal(countUpTo(items, start, d("2008-06").end), 4);
    assert.equal(countUpTo(items, start, d("2008-05").end), 1);
  });

  it("works on an empty list", () => {
    assert.equal(countUpTo([], start, Date.now()), 0);
  });
});

describe("newestBefore", () => {
  it("takes the newest first, skipping the excluded item", () => {
    const got = newestBefore(items, 4, 2, items[3]).map((item) => item.text);
    assert.deepEqual(got, ["2008-06-10", "2008-06"]);
  });
  it("stops at the start of the list", () => {
    assert.deepEqual(newestBefore(items, 1, 5).map((item) => item.text), ["2008-05-20"]);
  });
});
