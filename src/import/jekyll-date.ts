/**
 * The dates of a Jekyll post, in the forms Jekyll (Ruby's `Time.parse`)
 * accepts, → the archive's form, on the day the post was written:
 *
 *   2014-09-08                    → 2014-09-08
 *   2014-9-8 10:00                → 2014-09-08T10:00:00 (+ the site's offset that day, when it names a timezone)
 *   2014-09-08 10:00:00 -0400     → 2014-09-08T10:00:00-04:00
 *   2016-03-23 09:00 EDT          → 2016-03-23T09:00:00-04:00
 *   September 8, 2014 / 8 Sep 2014 → 2014-09-08
 *
 * A time without an offset is in the site's `timezone` (`_config.yml`), and
 * written with that zone's offset on that day, so it stays on its day
 * whatever the archive's own zone; without a site timezone it is written
 * as a local time, read in the blog's zone. Pure.
 */
import { DateTime } from "luxon";

/** Offsets of the zone abbreviations Ruby's `Time.parse` knows, in minutes. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export type JekyllDate = { ok: true; value: string; day: string } | { ok: false; message: string };

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function offsetMinutes(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  if (Object.hasOwn(ABBREVIATIONS, upper)) return ABBREVIATIONS[upper];
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return match[1] === "-" ? -minutes : minutes;
}

const pad = (n: number) => String(n).padStart(2, "0");

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s*([ap]\.?m\.?))?)?(?:\s*(Z|[A-Za-z]{2,5}|[+-]\d{1,2}(?::?\d{2})?))?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`, "i");
const MONTH_FIRST = new RegExp(String.raw`^(?:[A-Za-z]+,?\s+)??([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, "i");
const DAY_FIRST = new RegExp(String.raw`^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})${TIME}$`, "i");

/** A front matter or file name date → the archive's form, or why it cannot be read. `zone`: the site's IANA timezone, if any. */
export function parseJekyllDate(text: string, zone?: string): JekyllDate {
  const trimmed = text.trim().replace(/\s+/g, " ");
  let parts: { year: number; month: number; day: number; time: (string | undefined)[] } | undefined;
  let m = ISO.exec(trimmed);
  if (m) parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time: m.slice(4) };
  else if ((m = MONTH_FIRST.exec(trimmed))) {
    const month = monthOf(m[1] ?? "");
    if (month) parts = { year: Number(m[3]), month, day: Number(m[2]), time: m.slice(4) };
  } else if ((m = DAY_FIRST.exec(trimmed))) {
    const month = monthOf(m[2] ?? "");
    if (month) parts = { year: Number(m[3]), month, day: Number(m[1]), time: m.slice(4) };
  }
  if (!parts) return { ok: false, message: `"${trimmed}" is not a date Jekyll reads` };
  const { year, month, day } = parts;
  const [h, min, s, meridiem, zoneText] = parts.time;
  const date = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
  if (!date.isValid || date.month !== month || date.day !== day) return { ok: false, message: `"${trimmed}" is no day of the calendar` };
  const dayText = `${year}-${pad(month)}-${pad(day)}`;
  if (h === undefined) {
    // A day alone stays that day.
    if (zoneText !== undefined && offsetMinutes(zoneText) === undefined) return { ok: false, message: `"${trimmed}": unknown time zone "${zoneText}"` };
    return { ok: true, value: dayText, day: dayText };
  }
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, message: `"${trimmed}" has no such hour` };
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  const minute = Number(min);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `"${trimmed}" has no such time` };
  const local = `${dayText}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (zoneText !== undefined) {
    const offset = offsetMinutes(zoneText);
    if (offset === undefined) return { ok: false, message: `"${trimmed}": unknown time zone "${zoneText}"` };
    return { ok: true, value: `${local}${offsetText(offset)}`, day: dayText };
  }
  if (zone) {
    const inZone = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
    if (inZone.isValid) return { ok: true, value: `${local}${offsetText(inZone.offset)}`, day: dayText };
  }
  return { ok: true, value: local, day: dayText };
}

/** `2014-09-08-the-slug.md` → its date and slug, or undefined when the name has no date. */
export function fromFileName(name: string): { date: string; slug: string } | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+?)(\.[^.]+)?$/.exec(name);
  if (!match) return undefined;
  return { date: `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`, slug: match[4] ?? "" };
}
