/**
 * What the build makes of the recorded links (`_data/links.yaml`), applied
 * to every `<a href>` of every page — post bodies, raw HTML in them,
 * sidebars, related articles, provenance lines, comments — so that no
 * component has to know about it:
 *
 * - dead, with an archived copy: the link goes to the copy, and carries the
 *   Robust Links attributes (`data-originalurl`, `data-versionurl`,
 *   `data-versiondate`, https://robustlinks.mementoweb.org/spec/); its text
 *   ends with "(archived copy, 24 June 2008)", part of the link's name, so
 *   screen readers and readers without JavaScript are told too;
 * - dead, with no copy: the link stays, marked `class="link-dead"` and
 *   "(dead link)" in its text;
 * - moved, when `moved_links: rewrite`: the link goes to where it now leads;
 * - anything else (alive, moved and kept, unchecked, not recorded) is left
 *   as it is.
 *
 * A link that already carries `data-versionurl` (written by hand) or
 * `data-link-as-written` (the keeper's report, which lists originals) is
 * left alone.
 */
import { decodeHTMLAttribute } from "entities";
import { DateTime } from "luxon";
import type { LinkRecord } from "./model.ts";
import { type Anchor, anchors, attribute, closingTag, hasAttribute, escapeAttribute, escapeText, startTag } from "./html.ts";
import { fragmentOf, linkKey } from "./url.ts";

export type LinkTreatment =
  | { kind: "archived"; original: string; version: string; versionDate: string }
  | { kind: "dead"; original: string; why: string }
  | { kind: "rewrite"; original: string; to: string };

export interface PresentOptions {
  movedLinks: "keep" | "rewrite";
  /** Locale of the dates in the notes. */
  language: string;
}

/** The links the build changes, by link key. Computed once per build. */
export function linkTreatments(records: readonly LinkRecord[], options: PresentOptions): Map<string, LinkTreatment> {
  const treatments = new Map<string, LinkTreatment>();
  for (const record of records) {
    const key = linkKey(record.url);
    if (!key) continue;
    if (record.status === "dead" && record.archived) {
      treatments.set(key, { kind: "archived", original: record.url, version: record.archived.url, versionDate: record.archived.date });
    } else if (record.status === "dead") {
      treatments.set(key, { kind: "dead", original: record.url, why: record.code ? `HTTP ${record.code}` : record.error ?? "dead" });
    } else if (record.status === "moved" && record.final_url && options.movedLinks === "rewrite") {
      treatments.set(key, { kind: "rewrite", original: record.url, to: record.final_url });
    }
  }
  return treatments;
}

/** `2008-06-24T10:15:00Z` → "24 June 2008" (the day in UTC, as the archive dates its copies). */
export function versionDateText(iso: string, language: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).setLocale(language).toLocaleString(DateTime.DATE_FULL);
}

function withClass(attributes: Anchor["attributes"], name: string): Anchor["attributes"] {
  const existing = attributes.find(([key]) => key === "class");
  if (!existing) return [...attributes, ["class", name]];
  return attributes.map(([key, value]) => (key === "class" ? [key, `${value ?? ""} ${name}`.trim()] : [key, value]));
}

function setAttribute(attributes: Anchor["attributes"], name: string, value: string): Anchor["attributes"] {
  const encoded = escapeAttribute(value);
  return attributes.some(([key]) => key === name)
    ? attributes.map(([key, old]) => (key === name ? [key, encoded] : [key, old]))
    : [...attributes, [name, encoded]];
}

function note(text: string): string {
  // Ignored by the search index: it is the archive's remark, not the post's text.
  return `<span class="link-note" data-pagefind-ignore> (${escapeText(text)})</span>`;
}

/** Each treatment map's answers by href as written, so the same sidebar links on every page are parsed once. */
const answers = new WeakMap<ReadonlyMap<string, LinkTreatment>, Map<string, LinkTreatment | null>>();

function lookup(href: string, treatments: ReadonlyMap<string, LinkTreatment>): LinkTreatment | undefined {
  if (!/^\s*(?:https?:)?\/\//i.test(href)) return undefined;
  let cache = answers.get(treatments);
  if (!cache) answers.set(treatments, (cache = new Map()));
  let answer = cache.get(href);
  if (answer === undefined) {
    const key = linkKey(href);
    answer = (key === undefined ? undefined : treatments.get(key)) ?? null;
    cache.set(href, answer);
  }
  return answer ?? undefined;
}

/** The HTML with every recorded dead or moved link treated as described above. */
export function markLinks(html: string, treatments: ReadonlyMap<string, LinkTreatment>, options: PresentOptions): string {
  if (treatments.size === 0 || !html.includes("<a")) return html;
  let out = "";
  let at = 0;
  const found = anchors(html);
  found.forEach((anchor, i) => {
    if (anchor.start < at) return;
    const href = attribute(anchor, "href");
    if (href === undefined || hasAttribute(anchor, "data-versionurl") || hasAttribute(anchor, "data-link-as-written")) return;
    const decoded = decodeHTMLAttribute(href);
    const treatment = lookup(decoded, treatments);
    if (!treatment) return;
    let attributes = anchor.attributes;
    let suffix = "";
    if (treatment.kind === "archived") {
      attributes = setAttribute(attributes, "href", treatment.version + fragmentOf(decoded));
      attributes = setAttribute(attributes, "data-originalurl", treatment.original);
      attributes = setAttribute(attributes, "data-versionurl", treatment.version);
      attributes = setAttribute(attributes, "data-versiondate", treatment.versionDate.slice(0, 10));
      attributes = withClass(attributes, "link-archived");
      suffix = note(`archived copy, ${versionDateText(treatment.versionDate, options.language)}`);
    } else if (treatment.kind === "dead") {
      attributes = withClass(attributes, "link-dead");
      suffix = note("dead link");
    } else {
      attributes = setAttribute(attributes, "href", treatment.to + fragmentOf(decoded));
    }
    // The note goes before this link's `</a>`, unless the link is never closed before the next one opens.
    const close = suffix ? closingTag(html, anchor.end) : -1;
    const next = found[i + 1]?.start ?? Infinity;
    out += html.slice(at, anchor.start) + startTag(attributes);
    at = anchor.end;
    if (close >= 0 && close < next) {
      out += html.slice(at, close) + suffix;
      at = close;
    }
  });
  return out + html.slice(at);
}
