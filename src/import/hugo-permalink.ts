/**
 * Where Hugo published a page: the `[permalinks]` pattern of its section
 * (`posts = "/:year/:month/:title/"`), filled in as Hugo's permalink
 * expander does, or, without one, its path in `content/` (`/posts/my-post/`,
 * the slug replacing the file's name). Every value is made a path the way
 * Hugo makes one (`urlize`: spaces to `-`, punctuation dropped, lower case).
 * Pure.
 *
 * Tokens: `:year :month :monthname :day :weekday :weekdayname :yearday
 * :section :sections :title :slug :slugorfilename :filename
 * :contentbasename :slugorcontentbasename`, and Go's date layouts
 * (`:2006 :06 :01 :1 :02 :2 :Jan :January :Mon :Monday`).
 */

export interface HugoPage {
  /** `YYYY-MM-DD`, the day the page was written. */
  day: string;
  /** The page's title. */
  title: string;
  /** The front matter's `slug`, if any. */
  slug?: string;
  /** The file's name without extension; a bundle's folder name. */
  filename: string;
  /** The folders of `content/` the page is in, outermost first (`["posts", "2019"]`); a bundle's own folder not included. */
  sections: readonly string[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * Text → a path as Hugo writes it (its `MakePathSanitized`): letters,
 * digits, marks and `. / _ - # + ~ @` kept, a space becomes `-` (one for a
 * run, none after a `-`), anything else dropped; lower case.
 */
export function hugoUrlize(text: string): string {
  let out = "";
  let hyphen = false;
  for (const c of text.trim()) {
    if (/[\p{L}\p{N}\p{M}./_#+~@-]/u.test(c)) {
      out += c;
      hyphen = c === "-";
    } else if (/\s/u.test(c) && !hyphen) {
      out += "-";
      hyphen = true;
    }
  }
  return out.toLowerCase();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The path of `page` under `pattern`: `/2019/03/hello-hugo/`. */
export function expandHugoPermalink(pattern: string, page: HugoPage): string {
  const [year = 0, month = 1, day = 1] = page.day.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const yearDay = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const weekday = date.getUTCDay();
  const segment = hugoUrlize;
  const title = segment(page.title);
  const slug = page.slug ? segment(page.slug) : undefined;
  const filename = hugoUrlize(page.filename);
  const values: Record<string, string> = {
    year: String(year),
    month: pad(month),
    monthname: MONTHS[month - 1]!.toLowerCase(),
    day: pad(day),
    weekday: String(weekday),
    weekdayname: WEEKDAYS[weekday]!.toLowerCase(),
    yearday: String(yearDay),
    section: hugoUrlize(page.sections[0] ?? ""),
    sections: page.sections.map(hugoUrlize).join("/"),
    title,
    slug: slug ?? title,
    slugorfilename: slug ?? filename,
    filename,
    contentbasename: filename,
    slugorcontentbasename: slug ?? filename,
    // Go's reference date, Mon Jan 2 2006.
    "2006": String(year),
    "06": pad(year % 100),
    "01": pad(month),
    "1": String(month),
    "02": pad(day),
    "2": String(day),
    January: MONTHS[month - 1]!.toLowerCase(),
    Jan: MONTHS[month - 1]!.slice(0, 3).toLowerCase(),
    Monday: WEEKDAYS[weekday]!.toLowerCase(),
    Mon: WEEKDAYS[weekday]!.slice(0, 3).toLowerCase(),
  };
  // Longest names first, so `:slugorfilename` is not read as `:slug`.
  const filled = pattern.replace(/:(slugorcontentbasename|slugorfilename|contentbasename|weekdayname|monthname|filename|sections|section|weekday|yearday|January|Monday|title|month|year|slug|2006|day|Jan|Mon|06|01|02|1|2)/g, (_whole, key: string) => values[key] ?? "");
  const path = `/${filled}`.replace(/\/{2,}/g, "/");
  // Hugo publishes `…/name/index.html` for a pattern without its closing slash.
  return path.endsWith("/") || /\.[A-Za-z0-9]+$/.test(path) ? path : `${path}/`;
}

/** The path Hugo gives a page without a permalink pattern: its folders in `content/`, then its slug or file name. */
export function defaultHugoPath(page: HugoPage, uglyUrls = false): string {
  const last = page.slug ? hugoUrlize(page.slug) : hugoUrlize(page.filename);
  const folders = page.sections.map(hugoUrlize).filter(Boolean);
  const path = `/${[...folders, last].join("/")}`;
  return uglyUrls ? `${path}.html` : `${path}/`;
}
