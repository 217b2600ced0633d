/**
 * Where Jekyll published a post: `permalink` of `_config.yml` (a style —
 * `date`, `pretty`, `ordinal`, `none` — or a pattern with `:year`,
 * `:month`, `:day`, `:title`, `:categories`…), or the post's own
 * `permalink`, filled in from the post's date, slug and categories, as
 * Jekyll's URL drop does. Pure.
 */

export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export interface PermalinkPost {
  /** `YYYY-MM-DD`, the day the post was written. */
  day: string;
  /** `HH:mm:ss` where the post's date has a time. */
  time?: string;
  /** The slug of the file name (`:title`), or the front matter's `slug`. */
  slug: string;
  categories: readonly string[];
  /** The post's title, for `:slugified_title`. */
  title?: string;
}

/** The pattern of a style name, or the pattern itself. */
export function permalinkPattern(style: string | undefined): string {
  const value = style?.trim() || "date";
  return PERMALINK_STYLES[value] ?? value;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function yearDay(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - start) / 86_400_000 + 1) / 7);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Jekyll's `slugify` (default mode): lower case, runs of anything but letters and digits as one `-`. */
function jekyllSlug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

/** The path of a post under `pattern` (a style or pattern), as Jekyll writes it: `/2014/09/08/foo.html`. */
export function expandPermalink(pattern: string, post: PermalinkPost): string {
  const [year = 0, month = 1, day = 1] = post.day.split("-").map(Number);
  const [hour = "00", minute = "00", second = "00"] = (post.time ?? "").split(":").filter(Boolean);
  const categories = [...new Set(post.categories.map((c) => c.toLowerCase()))].map((c) => encodeURIComponent(c).replace(/%2F/gi, "/")).join("/");
  const values: Record<string, string> = {
    year: String(year),
    short_year: pad(year % 100),
    month: pad(month),
    i_month: String(month),
    short_month: new Date(Date.UTC(year, month - 1, day)).toLocaleString("en", { month: "short", timeZone: "UTC" }),
    long_month: new Date(Date.UTC(year, month - 1, day)).toLocaleString("en", { month: "long", timeZone: "UTC" }),
    day: pad(day),
    i_day: String(day),
    y_day: pad(yearDay(year, month, day), 3),
    week: pad(isoWeek(year, month, day)),
    short_day: WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? "",
    hour,
    minute,
    second,
    title: encodeURIComponent(post.slug),
    slug: encodeURIComponent(post.slug),
    name: encodeURIComponent(post.slug),
    slugified_title: jekyllSlug(post.title ?? post.slug),
    categories,
    output_ext: ".html",
  };
  const filled = permalinkPattern(pattern).replace(/:([a-z_]+)/g, (whole, key: string) => values[key] ?? whole);
  // Empty parts (no categories) leave no double slash.
  const path = `/${filled}`.replace(/\/{2,}/g, "/");
  return path;
}
