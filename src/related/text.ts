/**
 * Turning a post's raw markdown into the terms that related-post scoring
 * matches on. Pure string work: no Eleventy, no file I/O.
 *
 * The pipeline is {@link stripMarkdown} (drop code, URLs and markup, keep the
 * prose) and then {@link forEachTerm} (split into words, lower-case, fold
 * accents, drop stop words, numbers and noise, then Porter-stem).
 */
import { stemmer } from "stemmer";

/**
 * English stop words: function words that say nothing about what a post is
 * about. Based on the common NLTK/SMART short lists (pronouns, articles,
 * auxiliaries, prepositions, conjunctions, their contractions), plus a few
 * fillers frequent in blog prose ("also", "just", "really", "etc.").
 * Compared against the lower-cased word before stemming; apostrophes are
 * straight (’ is read as ').
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `
  a about above after again against ain all am an and any are aren aren't as at
  be because been before being below between both but by
  can can't cannot could couldn couldn't
  did didn didn't do does doesn doesn't doing don don't down during
  each few for from further
  had hadn hadn't has hasn hasn't have haven haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's
  i i'd i'll i'm i've if in into is isn isn't it it'd it'll it's its itself
  let's ll
  ma me mightn mightn't more most mustn mustn't my myself
  needn needn't no nor not now
  of off on once only or other ought our ours ourselves out over own
  re
  same shan shan't she she'd she'll she's should should've shouldn shouldn't so some such
  than that that'll that's the their theirs them themselves then there there's these
  they they'd they'll they're they've this those through to too
  under until up upon us
  ve very
  was wasn wasn't we we'd we'll we're we've were weren weren't what what's when when's
  where where's which while who who's whom why why's will with won won't would wouldn
  wouldn't
  you you'd you'll you're you've your yours yourself yourselves
  also already always among another anyone anything around away back despite either
  else enough etc even ever every get gets getting got just like lot lots many may
  maybe might much must often one ones per quite rather really said say says seem
  seems shall since still thing things though thus toward towards unless use used
  uses using via want way well whether within without yet
  `
    .split(/\s+/)
    .filter((word) => word !== ""),
);

/** Words longer than this are treated as noise (hashes, base64, minified code). */
const MAX_WORD_LENGTH = 32;

const FENCE_OPEN = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})[ \t]*$/;

/** Removes fenced code blocks (``` or ~~~, also inside quotes and list items); an unclosed fence runs to the end. */
function stripFences(markdown: string): string {
  if (!markdown.includes("```") && !markdown.includes("~~~")) return markdown;
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r\n?|\n/)) {
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not contain a backtick (```a``` is inline code).
      if (open?.[1] !== undefined && !(open[1][0] === "`" && open[2]?.includes("`"))) {
        fence = open[1];
        continue;
      }
      kept.push(line);
    } else {
      const close = FENCE_CLOSE.exec(line);
      if (close?.[1] !== undefined && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
    }
  }
  return kept.join("\n");
}

/**
 * The prose of a markdown text: fenced code blocks, `<pre>`, `<script>` and
 * `<style>` elements, HTML comments and tags, link and image destinations,
 * reference definitions, autolinks, bare URLs, e-mail addresses and
 * character entities removed. Link texts, image alt texts, inline code
 * spans and footnote texts are kept; markdown punctuation is left for the
 * tokenizer, which skips it. Indented code blocks are not detected (they
 * cannot be told from nested list content without a full parse) and count
 * as prose.
 */
export function stripMarkdown(markdown: string): string {
  let text = stripFences(markdown);
  // Each pass is skipped when its marker character is absent: most posts have no HTML or e-mail address.
  if (text.includes("<")) {
    text = text
      .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
      .replace(/<(pre|script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, " ")
      .replace(/<\/?[A-Za-z][^<>\n]*>/g, " ");
  }
  if (text.includes("]")) {
    text = text
      .replace(/^[ \t]*(?:>[ \t]?)*\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$/gm, " ")
      .replace(/\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g, "] ")
      .replace(/\]\[[^\]\n]*\]/g, "] ");
  }
  text = text.replace(/\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"'`()[\]]*/gi, " ");
  if (text.includes("@")) text = text.replace(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, " ");
  if (text.includes("&")) text = text.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, " ");
  return text;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const NUMBERS_ONLY = /^\p{N}+$/u;
const LATIN_LOWER = /^[a-z]+$/;
const HEX_ID = /^(?=.*\d)[0-9a-f]{7,}$/;

/**
 * Turns one word into its term, or `undefined` when the word is dropped.
 * Lower-case, accents folded (`café` → `cafe`), stop words dropped,
 * possessive `'s` and other apostrophes removed, numbers-only words,
 * one-character words, hex ids (commit hashes) and words over 32 characters
 * dropped, then plain ASCII words Porter-stemmed (`caching`, `caches` →
 * `cach`). Results are memoised in the given cache.
 */
export function normalizeWord(word: string, cache?: Map<string, string | null>): string | undefined {
  const hit = cache?.get(word);
  if (hit !== undefined) return hit ?? undefined;
  const term = normalizeUncached(word);
  cache?.set(word, term ?? null);
  return term;
}

function normalizeUncached(word: string): string | undefined {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  if (STOP_WORDS.has(w)) return undefined;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'/g, "");
  if (w.length < 2 || w.length > MAX_WORD_LENGTH) return undefined;
  if (STOP_WORDS.has(w) || NUMBERS_ONLY.test(w) || HEX_ID.test(w)) return undefined;
  return LATIN_LOWER.test(w) ? stemmer(w) : w;
}

/**
 * Calls `visit` with each term of `text`, in order, repeats included.
 * `text` should already be prose (see {@link stripMarkdown}).
 */
export function forEachTerm(text: string, visit: (term: string) => void, cache?: Map<string, string | null>): void {
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0], cache);
    if (term !== undefined) visit(term);
  }
}

/** The terms of a markdown text, in order, repeats included: {@link stripMarkdown} then {@link forEachTerm}. */
export function terms(markdown: string): string[] {
  const out: string[] = [];
  forEachTerm(stripMarkdown(markdown), (term) => out.push(term));
  return out;
}
