/**
 * Backlinks in context: for each post that links to another, the sentence
 * around the link, as plain text, with the linked words apart so a page can
 * mark them. Cut once per link in the same markdown pass that finds the
 * links (src/content/load.ts), so a page only looks its snippets up.
 */
import type { LinkContext } from "../content/links.ts";

/** The sentence around a link: `before` + `linked` + `after`, each plain text. */
export interface LinkSnippet {
  before: string;
  linked: string;
  after: string;
}

export interface SnippetOptions {
  /** Longest snippet in characters, the linked words included, before "…" is added. */
  max: number;
  /** Locale of the text, for finding sentences. */
  locale: string;
}

export const DEFAULTS: SnippetOptions = { max: 220, locale: "en" };

/** At most this many linking posts on a page show their sentence; the rest are listed by title. */
export const BACKLINK_CONTEXT_LIMIT = 20;

const ELLIPSIS = "…";
/** A sentence that ends in an abbreviation, not a full stop: initials (`a.k.a.`, `U.S.`) or a common short form. */
const ABBREVIATION = /(?:(?:^|[\s(])(?:\p{L}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|etc|Inc|Corp|Ltd|Co|No|approx|cf|ca|Fig|Vol)\.)\s*$/u;

const count = (text: string, char: string) => text.split(char).length - 1;
const segmenters = new Map<string, Intl.Segmenter>();

function sentences(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    let supported = "en";
    try {
      supported = Intl.Segmenter.supportedLocalesOf([locale])[0] ?? "en";
    } catch {
      // A malformed language tag: English rules.
    }
    segmenters.set(locale, (segmenter = new Intl.Segmenter(supported, { granularity: "sentence" })));
  }
  return segmenter;
}

/** `text` cut to at most `length` characters at a word boundary, from its start (`"end"`) or its end (`"start"`). */
function cutAtWord(text: string, length: number, from: "start" | "end"): string {
  if (text.length <= length) return text;
  if (length <= 0) return "";
  if (from === "end") {
    const head = text.slice(0, length + 1);
    const space = head.search(/\s\S*$/);
    return (space > 0 ? head.slice(0, space) : head.slice(0, length)).trimEnd();
  }
  const tail = text.slice(text.length - length - 1);
  const space = tail.search(/\s/);
  return (space >= 0 && space < tail.length - 1 ? tail.slice(space + 1) : tail.slice(1)).trimStart();
}

/**
 * The sentence (or sentences, when the link spans two) of `context.text`
 * that holds the link, whitespace collapsed; trimmed at word boundaries
 * around the link, with "…", when it is longer than `max`.
 */
export function linkSnippet(context: LinkContext, options: Partial<SnippetOptions> = {}): LinkSnippet {
  const { max, locale } = { ...DEFAULTS, ...options };
  const { text } = context;
  const start = Math.max(0, Math.min(context.start, text.length));
  const end = Math.max(start, Math.min(context.end, text.length));
  // Sentence starts, less those after an abbreviation ("a.k.a. Linux", "Mr. Crosby") or inside parentheses.
  const starts: number[] = [0];
  for (const segment of sentences(locale).segment(text)) {
    if (segment.index === 0) continue;
    const sentence = text.slice(starts.at(-1) ?? 0, segment.index);
    if (ABBREVIATION.test(sentence) || count(sentence, "(") > count(sentence, ")")) continue;
    starts.push(segment.index);
  }
  let from = 0;
  let to = text.length;
  for (const boundary of starts) {
    if (boundary <= start) from = boundary;
    else if (boundary >= end) {
      to = boundary;
      break;
    }
  }
  const clean = (value: string) => value.replace(/\s+/g, " ");
  let before = clean(text.slice(from, start)).trimStart();
  let linked = clean(text.slice(start, end));
  let after = clean(text.slice(end, to)).trimEnd();

  if (linked.length > max) {
    linked = `${cutAtWord(linked, max - 1, "end")}${ELLIPSIS}`;
    return { before: before ? ELLIPSIS : "", linked, after: after ? ELLIPSIS : "" };
  }
  const room = max - linked.length;
  if (before.length + after.length > room) {
    // Half the room on each side; what one side does not need goes to the other.
    const half = Math.floor(room / 2);
    const beforeRoom = after.length < half ? room - after.length : Math.min(before.length, half);
    const afterRoom = room - Math.min(before.length, beforeRoom);
    if (before.length > beforeRoom) before = `${ELLIPSIS}${cutAtWord(before, beforeRoom - 1, "start")}`;
    if (after.length > afterRoom) after = `${cutAtWord(after, afterRoom - 1, "end")}${ELLIPSIS}`;
  }
  // Keep the spaces around the link: " appears to…" stays apart from the linked words.
  if (before.length && /\s$/.test(text.slice(from, start)) && !before.endsWith(" ")) before += " ";
  return { before, linked, after };
}
