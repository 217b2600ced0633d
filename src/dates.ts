/**
 * Archive dates, read as written. A date is a string (YAML's timestamp type
 * is never used), parsed with luxon in an explicit zone, so a post never
 * moves to another day because of the build machine's `TZ`.
 *
 * Accepted forms (see README, "Front matter"):
 *   YYYY-MM                  month precision, shown as "June 2008"
 *   YYYY-MM-DD               a day in the blog's time zone
 *   YYYY-MM-DDTHH:mm[:ss]    a local time in the blog's time zone
 *   full ISO 8601 with an offset (Z or ±hh:mm), shown in its own offset
 */
import { DateTime, IANAZone } from "luxon";

export type DatePrecision = "month" | "day" | "minute";

export interface ArchiveDate {
  /** What the source said, verbatim. */
  readonly source: string;
  readonly precision: DatePrecision;
  /** The moment (start of the month or day for coarser precisions), in the post's zone or offset. */
  readonly dt: DateTime;
  readonly year: number;
  readonly month: number;
  /** Epoch milliseconds of `dt`: the sort key. */
  readonly start: number;
  /** Epoch milliseconds of the last instant the date covers (end of its month, day or minute). */
  readonly end: number;
  /** Value for `<time datetime>`: `2008-06`, `2008-06-24` or `2008-06-24T14:30-04:00`. */
  readonly datetime: string;
}

export type DateResult = { ok: true; date: ArchiveDate } | { ok: false; message: string };

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const FORMS = "YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:mm, or ISO 8601 with an offset";

/** True when `zone` is an IANA time zone name luxon knows, e.g. `America/New_York`. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Parse a front-matter or data date. `zone` is the IANA zone used when the
 * value carries no offset.
 */
export function parseArchiveDate(value: unknown, zone: string): DateResult {
  if (value instanceof Date) {
    return { ok: false, message: `must be a quoted string (${FORMS}), not a YAML timestamp` };
  }
  if (typeof value !== "string") {
    return { ok: false, message: `must be a date string (${FORMS})` };
  }
  const text = value.trim();
  let m: RegExpExecArray | null;

  if ((m = MONTH.exec(text))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return impossible(text);
    const dt = startOfDay(zone, year, month, 1);
    if (!dt.isValid) return impossible(text);
    const next = month === 12 ? startOfDay(zone, year + 1, 1, 1) : startOfDay(zone, year, month + 1, 1);
    return ok(text, "month", dt, next.toMillis() - 1, text);
  }
  if ((m = DAY.exec(text))) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return impossible(text);
    const dt = startOfDay(zone, year, month, day);
    if (!dt.isValid) return impossible(text);
    // A day a zone skipped (Samoa's 2011-12-30) would otherwise become the next one.
    if (dt.day !== day) return { ok: false, message: `"${text}" did not happen in ${zone}: the zone skipped that day` };
    const following = utcDate(year, month - 1, day + 1);
    const next = startOfDay(zone, following.getUTCFullYear(), following.getUTCMonth() + 1, following.getUTCDate());
    return ok(text, "day", dt, next.toMillis() - 1, text);
  }
  if ((m = LOCAL_TIME.exec(text))) {
    const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
    if (!dt.isValid || dt.month !== month || dt.day !== day || dt.hour !== hour || dt.minute !== minute) {
      // A real day whose clock time the zone skipped (luxon moves it on by the gap).
      if (dt.isValid && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour < 24 && minute < 60) {
        return { ok: false, message: `"${text}" does not exist in ${zone}: the clocks went forward (write the time after the change, or give the offset)` };
      }
      return impossible(text);
    }
    return ok(text, "minute", dt, endOfMinute(dt), isoMinute(dt));
  }
  if (WITH_OFFSET.test(text)) {
    const dt = DateTime.fromISO(text.replace(" ", "T"), { setZone: true });
    if (!dt.isValid) return impossible(text);
    return ok(text, "minute", dt, endOfMinute(dt), isoMinute(dt));
  }
  return { ok: false, message: `"${text}" is not a date: use ${FORMS}` };
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** `Date.UTC` reads years 0–99 as 1900–1999; this keeps the year as given. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/**
 * Midnight starting a day in a zone. Archives have many posts per day and
 * month, and luxon's zone arithmetic is the costly part of reading a date,
 * so each (zone, day) is computed once.
 */
const dayStarts = new Map<string, DateTime>();
function startOfDay(zone: string, year: number, month: number, day: number): DateTime {
  const key = `${zone} ${year}-${month}-${day}`;
  let dt = dayStarts.get(key);
  if (!dt) dayStarts.set(key, (dt = DateTime.fromObject({ year, month, day }, { zone })));
  return dt;
}

/** Zone offsets change by whole minutes, so a minute always lasts 60 s. */
function endOfMinute(dt: DateTime): number {
  return dt.startOf("minute").toMillis() + 59_999;
}

function isoMinute(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? dt.toString();
}

function impossible(text: string): DateResult {
  return { ok: false, message: `"${text}" is not a real calendar date` };
}

function ok(source: string, precision: DatePrecision, dt: DateTime, end: number, datetime: string): DateResult {
  return {
    ok: true,
    date: { source, precision, dt, year: dt.year, month: dt.month, start: dt.toMillis(), end, datetime },
  };
}

const formatted = new WeakMap<ArchiveDate, Map<string, string>>();

/**
 * Human form of a date: "June 2008", "June 24, 2008" or "June 24, 2008,
 * 2:30 PM EDT". Memoized per date: a post's date appears in many sidebars.
 */
export function formatArchiveDate(date: ArchiveDate, locale = "en"): string {
  let byLocale = formatted.get(date);
  if (!byLocale) formatted.set(date, (byLocale = new Map()));
  let text = byLocale.get(locale);
  if (text === undefined) byLocale.set(locale, (text = formatUncached(date, locale)));
  return text;
}

function formatUncached(date: ArchiveDate, locale: string): string {
  const dt = date.dt.setLocale(locale);
  switch (date.precision) {
    case "month":
      return dt.toFormat("LLLL yyyy");
    case "day":
      return dt.toLocaleString(DateTime.DATE_FULL);
    case "minute":
      return dt.toLocaleString({ ...DateTime.DATE_FULL, hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  }
}

/**
 * "As of" comparison: is `item` published on or before `asOf`? A coarse
 * date compares by its whole period, so a June 2008 post is on or before
 * any day of June 2008 and every June 2008 day is on or before it.
 */
export function isOnOrBefore(item: ArchiveDate, asOf: ArchiveDate): boolean {
  return item.start <= asOf.end;
}

/** Comparator for chronological order: start instant, then precision-neutral source. */
export function compareDates(a: ArchiveDate, b: ArchiveDate): number {
  return a.start - b.start;
}
