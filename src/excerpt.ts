/**
 * Short text from long: a summary for lists, meta descriptions, feeds and
 * JSON-LD is cut at a word boundary, with an ellipsis, never inside a word
 * or a character. Words are found by `Intl.Segmenter`, so text without
 * spaces (Japanese, Chinese) is cut between words too.
 */

/** The longest a summary taken from a post's first paragraph may be, in characters. */
export const SUMMARY_LENGTH = 280;

const segmenters = new Map<string, Intl.Segmenter>();

/** `text` when it is at most `max` characters (code points), else its first words up to `max - 1`, then "…". */
export function cutAtWord(text: string, max: number = SUMMARY_LENGTH, locale = "en"): string {
  const trimmed = text.trim();
  if ([...trimmed].length <= max) return trimmed;
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: "word" })));
  let out = "";
  let length = 0;
  let lastWordEnd = 0;
  for (const { segment, isWordLike } of segmenter.segment(trimmed)) {
    const size = [...segment].length;
    if (length + size > max - 1) break;
    out += segment;
    length += size;
    if (isWordLike) lastWordEnd = out.length;
  }
  // A single word longer than the limit: cut it by characters rather than give nothing.
  const kept = lastWordEnd > 0 ? out.slice(0, lastWordEnd) : [...trimmed].slice(0, max - 1).join("");
  return `${kept.replace(/[\s,;:.!?、。，·–—-]+$/u, "")}…`;
}
