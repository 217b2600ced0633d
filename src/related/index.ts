/**
 * Related posts: for every post, the other posts most worth reading next.
 *
 * A pure module: documents in, ids out. No Eleventy, no file I/O.
 *
 * Scoring a candidate `b` for a post `a` adds three signals:
 *
 * - **tags**: each tag they share, weighted by its rarity,
 *   `idf = ln(N / df)`, divided by `ln N` so a tag lies in `[0, 1)` whatever
 *   the size of the archive (a tag on every post is worth 0, one shared by
 *   just two posts of a large archive close to 1);
 * - **terms**: the cosine of their tf-idf vectors, each cut to the post's
 *   `termsPerDoc` best terms (`ln(1 + tf) × ln(N / df)`, title words counted
 *   `titleBoost` times), in `[0, 1]`;
 * - **time**: `exp(-|Δdays| / timeScaleDays)`, in `(0, 1]`, added only to
 *   candidates that tags or terms already found.
 *
 * Everything is computed once per build with inverted indexes (tag → posts,
 * term → posts), each posting list in date order. A post reads only the
 * lists of its own tags and best terms, and of each list at most
 * `maxPostings` entries nearest to it in time, so its work is bounded by
 * `(tags + termsPerDoc) × maxPostings` however large the archive grows.
 * Common tags and words, the ones with long lists, have a low idf anyway.
 *
 * The output does not depend on the order of the input: posts are put in a
 * canonical order (date, then id) first, and ties are broken by date (newer
 * first), then slug, then id.
 */
import { forEachTerm, stripMarkdown } from "./text.ts";

export { STOP_WORDS, forEachTerm, normalizeWord, stripMarkdown, terms } from "./text.ts";

/** One post, as the scorer sees it. */
export interface RelatedDoc {
  /** Unique key, e.g. the post's source path. The result is keyed by it and lists these. */
  id: string;
  /** Breaks ties between equally scored candidates of the same date (ascending). */
  slug: string;
  /** Plain text or inline markdown; its terms count `titleBoost` times. */
  title: string;
  /** The raw markdown body. Code fences, URLs and markup are ignored. */
  body: string;
  /** Tag slugs. Repeats are ignored. */
  tags: readonly string[];
  /** Epoch milliseconds of the post's date. Must be finite. */
  time: number;
  /**
   * Ids listed first, in this order, before any scored post (already resolved
   * by the caller). Repeats, the post's own id and ids of no post in the input
   * are skipped. They are not counted in `limit` and never appear again in
   * the scored part.
   */
  pinned?: readonly string[];
}

/** How much each signal adds to a candidate's score. All must be finite and ≥ 0; 0 turns a signal off. */
export interface RelatedWeights {
  /**
   * Per shared tag, times its rarity `ln(N/df) / ln N` (in `[0, 1)`).
   * Default 1: one shared rare tag is about as strong as a close match in words.
   */
  tags: number;
  /**
   * Times the cosine of the two posts' tf-idf term vectors (in `[0, 1]`).
   * Default 2: two posts about the same thing rarely reach a cosine above
   * 0.5, so words need twice the weight of tags to count as much.
   */
  terms: number;
  /**
   * Times `exp(-|Δdays| / timeScaleDays)` (in `(0, 1]`). Only added to
   * candidates found by tags or terms. Default 0.2: enough to order otherwise
   * close candidates by nearness in time, not enough to outweigh a shared
   * rare tag.
   */
  time: number;
}

/** Counts from one {@link computeRelated} run, to check the work it did without timing it. */
export interface RelatedStats {
  /** Posts in the input. */
  docs: number;
  /** Tags kept in the index: on at least two posts and not on all of them. */
  indexedTags: number;
  /** Terms kept in the index: among the best terms of at least two posts (so df ≥ 2) and not in every post. */
  indexedTerms: number;
  /** Posting-list entries read, over all posts. */
  postingsVisited: number;
  /** Most posting-list entries read for a single post; at most `(its tags + termsPerDoc) × maxPostings`. */
  maxPostingsPerDoc: number;
  /** Candidates scored (distinct per post), over all posts. */
  candidatesScored: number;
}

/** Options of {@link computeRelated}. */
export interface RelatedOptions {
  /** How many scored posts to list after the pinned ones. Integer ≥ 0. Default 5. */
  limit: number;
  /** How much each signal counts; see {@link RelatedWeights}. Default `{ tags: 1, terms: 2, time: 0.2 }`. */
  weights: RelatedWeights;
  /**
   * Days over which closeness in time decays: a candidate this many days
   * away gets `1/e` (≈ 0.37) of the time weight, twice as far `1/e²`.
   * Must be > 0. Default 365.
   */
  timeScaleDays: number;
  /**
   * How many of a post's terms (the highest tf-idf among those on at least
   * two posts) are kept for matching. Bounds both the index size and a
   * post's work. Integer ≥ 0; 0 turns term matching off. Default 20.
   */
  termsPerDoc: number;
  /**
   * At most this many entries read from one tag's or term's posting list
   * for one post: those nearest to the post in time. Bounds a post's work
   * to `(tags + termsPerDoc) × maxPostings`. Integer ≥ 1. Default 200.
   */
  maxPostings: number;
  /** Title terms count this many times in the term frequencies. Finite, ≥ 0; 0 ignores titles. Default 3. */
  titleBoost: number;
  /** Called once at the end with the counts of the run (tests and diagnostics). */
  onStats?: (stats: RelatedStats) => void;
}

/** The defaults, frozen. */
export const DEFAULTS: RelatedOptions = Object.freeze({
  limit: 5,
  weights: Object.freeze({ tags: 1, terms: 2, time: 0.2 }),
  timeScaleDays: 365,
  termsPerDoc: 20,
  maxPostings: 200,
  titleBoost: 3,
});

/** What {@link computeRelated} accepts: any option, and any single weight; `undefined` means the default. */
export type RelatedOverrides = Partial<Omit<RelatedOptions, "weights">> & { weights?: Partial<RelatedWeights> | undefined };

const DAY_MS = 86_400_000;

function pick<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function check(ok: boolean, name: string, value: number, rule: string): void {
  if (!ok) throw new RangeError(`computeRelated: ${name} must be ${rule}, got ${value}`);
}

/** The full options: defaults overridden by the given ones, checked. Throws a `RangeError` on a bad value. */
export function resolveOptions(overrides: RelatedOverrides = {}): RelatedOptions {
  const w = overrides.weights ?? {};
  const options: RelatedOptions = {
    limit: pick(overrides.limit, DEFAULTS.limit),
    weights: {
      tags: pick(w.tags, DEFAULTS.weights.tags),
      terms: pick(w.terms, DEFAULTS.weights.terms),
      time: pick(w.time, DEFAULTS.weights.time),
    },
    timeScaleDays: pick(overrides.timeScaleDays, DEFAULTS.timeScaleDays),
    termsPerDoc: pick(overrides.termsPerDoc, DEFAULTS.termsPerDoc),
    maxPostings: pick(overrides.maxPostings, DEFAULTS.maxPostings),
    titleBoost: pick(overrides.titleBoost, DEFAULTS.titleBoost),
  };
  if (overrides.onStats !== undefined) options.onStats = overrides.onStats;
  check(Number.isInteger(options.limit) && options.limit >= 0, "limit", options.limit, "an integer ≥ 0");
  for (const key of ["tags", "terms", "time"] as const) {
    const value = options.weights[key];
    check(Number.isFinite(value) && value >= 0, `weights.${key}`, value, "finite and ≥ 0");
  }
  check(options.timeScaleDays > 0, "timeScaleDays", options.timeScaleDays, "> 0");
  check(Number.isInteger(options.termsPerDoc) && options.termsPerDoc >= 0, "termsPerDoc", options.termsPerDoc, "an integer ≥ 0");
  check(Number.isInteger(options.maxPostings) && options.maxPostings >= 1, "maxPostings", options.maxPostings, "an integer ≥ 1");
  check(Number.isFinite(options.titleBoost) && options.titleBoost >= 0, "titleBoost", options.titleBoost, "finite and ≥ 0");
  return options;
}

/** Inverse document frequency, `ln(N / df)`: 0 for a tag or term on every document, 0 when `df` or `N` is 0. */
export function idf(documents: number, df: number): number {
  return documents > 0 && df > 0 ? Math.log(documents / df) : 0;
}

/** Closeness in time, `exp(-|Δdays| / scaleDays)`: 1 for the same instant, `1/e` at `scaleDays` apart. */
export function timeCloseness(deltaMs: number, scaleDays: number): number {
  return Math.exp(-Math.abs(deltaMs) / (scaleDays * DAY_MS));
}

/**
 * The entries of one posting list nearest in time to a document, nearest
 * first. `postings[start, end)` holds document numbers in ascending order,
 * and document numbers are in time order (`times` is non-decreasing), so
 * the document's place is found by binary search and the window grows from
 * there both ways, taking the nearer side each step (the later one on a
 * tie). The document itself is skipped. Writes at most `budget` positions
 * (indexes into `postings`) to `out` and returns how many.
 */
export function nearestPostings(
  postings: Int32Array,
  start: number,
  end: number,
  self: number,
  times: Float64Array,
  budget: number,
  out: Int32Array,
): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid]! < self) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo < end && postings[lo] === self ? lo + 1 : lo;
  const t = times[self]!;
  let count = 0;
  while (count < budget) {
    const hasLeft = left >= start;
    const hasRight = right < end;
    if (hasRight && (!hasLeft || times[postings[right]!]! - t <= t - times[postings[left]!]!)) out[count++] = right++;
    else if (hasLeft) out[count++] = left--;
    else break;
  }
  return count;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Offsets of a compressed posting table: `offsets[k]..offsets[k+1]` is list `k`. */
function offsetsFromCounts(counts: Int32Array): Int32Array {
  const offsets = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) offsets[k + 1] = offsets[k]! + counts[k]!;
  return offsets;
}

/**
 * Related ids for every doc: its pinned ids first (in order, deduped, never
 * itself), then the best `limit` other docs by score, best first. Docs that
 * share no indexed tag and no kept term with any other doc get only their
 * pinned ids (often none). Every input id is a key of the result, in id
 * order. Throws on a duplicate id or a non-finite time, and a `RangeError`
 * on a bad option.
 */
export function computeRelated(docs: readonly RelatedDoc[], overrides: RelatedOverrides = {}): Map<string, string[]> {
  const options = resolveOptions(overrides);
  const { limit, maxPostings, termsPerDoc, titleBoost } = options;
  const { tags: tagWeight, terms: termWeight, time: timeWeight } = options.weights;
  const n = docs.length;

  // Canonical order: time, then id. Document numbers below are places in it,
  // so a posting list filled in document order is in time order.
  for (const doc of docs) {
    if (!Number.isFinite(doc.time)) throw new TypeError(`computeRelated: ${doc.id}: time must be a finite number, got ${doc.time}`);
  }
  const order = [...docs].sort((a, b) => a.time - b.time || compareStrings(a.id, b.id));
  const numberOf = new Map<string, number>();
  const times = new Float64Array(n);
  order.forEach((doc, i) => {
    if (numberOf.has(doc.id)) throw new Error(`computeRelated: duplicate id ${doc.id}`);
    numberOf.set(doc.id, i);
    times[i] = doc.time;
  });
  const logN = Math.log(n);

  // Tags: each doc's distinct tags, sorted so sums run in a fixed order.
  const tagNumber = new Map<string, number>();
  const tagDf: number[] = [];
  const docTagStart = new Int32Array(n + 1);
  const docTags: number[] = [];
  if (tagWeight > 0) {
    for (let i = 0; i < n; i++) {
      for (const tag of [...new Set(order[i]!.tags)].sort(compareStrings)) {
        let t = tagNumber.get(tag);
        if (t === undefined) {
          t = tagDf.length;
          tagNumber.set(tag, t);
          tagDf.push(0);
        }
        docTags.push(t);
        tagDf[t]!++;
      }
      docTagStart[i + 1] = docTags.length;
    }
  }
  const tagCount = tagDf.length;
  const tagRarity = new Float64Array(tagCount);
  const tagListLength = new Int32Array(tagCount);
  let indexedTags = 0;
  for (let t = 0; t < tagCount; t++) {
    const df = tagDf[t]!;
    if (df >= 2 && df < n) {
      tagRarity[t] = idf(n, df) / logN;
      tagListLength[t] = df;
      indexedTags++;
    }
  }
  const tagOffsets = offsetsFromCounts(tagListLength);
  const tagPostings = new Int32Array(tagOffsets[tagCount]!);
  {
    const fill = tagOffsets.slice(0, tagCount);
    for (let i = 0; i < n; i++) {
      for (let k = docTagStart[i]!; k < docTagStart[i + 1]!; k++) {
        const t = docTags[k]!;
        if (tagListLength[t]! > 0) tagPostings[fill[t]!++] = i;
      }
    }
  }

  // Terms, first pass: term frequencies per doc and document frequencies.
  const useTerms = termWeight > 0 && termsPerDoc > 0;
  const stems = new Map<string, string | null>();
  const termNumber = new Map<string, number>();
  const termNames: string[] = [];
  const termDf: number[] = [];
  const docTermStart = new Int32Array(n + 1);
  const docTermIds: number[] = [];
  const docTermTf: number[] = [];
  if (useTerms) {
    const counts = new Map<number, number>();
    let increment = 1;
    const count = (term: string): void => {
      let t = termNumber.get(term);
      if (t === undefined) {
        t = termNames.length;
        termNumber.set(term, t);
        termNames.push(term);
        termDf.push(0);
      }
      counts.set(t, (counts.get(t) ?? 0) + increment);
    };
    for (let i = 0; i < n; i++) {
      const doc = order[i]!;
      counts.clear();
      if (titleBoost > 0) {
        increment = titleBoost;
        forEachTerm(stripMarkdown(doc.title), count, stems);
      }
      increment = 1;
      forEachTerm(stripMarkdown(doc.body), count, stems);
      for (const [t, tf] of counts) {
        docTermIds.push(t);
        docTermTf.push(tf);
        termDf[t]!++;
      }
      docTermStart[i + 1] = docTermIds.length;
    }
  }

  // Terms, second pass: each doc's best terms, weights normalised to unit length.
  const termCount = termNames.length;
  const docTopStart = new Int32Array(n + 1);
  const docTopIds: number[] = [];
  const docTopWeights: number[] = [];
  const termListLength = new Int32Array(termCount);
  if (useTerms) {
    const topIds = new Int32Array(termsPerDoc);
    const topWeights = new Float64Array(termsPerDoc);
    for (let i = 0; i < n; i++) {
      let size = 0;
      for (let k = docTermStart[i]!; k < docTermStart[i + 1]!; k++) {
        const t = docTermIds[k]!;
        const df = termDf[t]!;
        if (df < 2 || df >= n) continue;
        const weight = Math.log1p(docTermTf[k]!) * idf(n, df);
        // Bounded insertion into the best-so-far, highest weight first, then by term.
        let place = size;
        while (place > 0) {
          const w = topWeights[place - 1]!;
          if (w > weight || (w === weight && compareStrings(termNames[topIds[place - 1]!]!, termNames[t]!) < 0)) break;
          place--;
        }
        if (place >= termsPerDoc) continue;
        const last = Math.min(size, termsPerDoc - 1);
        for (let j = last; j > place; j--) {
          topIds[j] = topIds[j - 1]!;
          topWeights[j] = topWeights[j - 1]!;
        }
        topIds[place] = t;
        topWeights[place] = weight;
        if (size < termsPerDoc) size++;
      }
      let norm = 0;
      for (let j = 0; j < size; j++) norm += topWeights[j]! * topWeights[j]!;
      norm = Math.sqrt(norm);
      for (let j = 0; j < size; j++) {
        docTopIds.push(topIds[j]!);
        docTopWeights.push(topWeights[j]! / norm);
        termListLength[topIds[j]!]!++;
      }
      docTopStart[i + 1] = docTopIds.length;
    }
  }
  let indexedTerms = 0;
  for (let t = 0; t < termCount; t++) {
    if (termListLength[t]! >= 2) indexedTerms++;
    else termListLength[t] = 0; // a list of one is the doc itself: matches nothing
  }
  const termOffsets = offsetsFromCounts(termListLength);
  const termPostings = new Int32Array(termOffsets[termCount]!);
  const termPostingWeights = new Float64Array(termOffsets[termCount]!);
  {
    const fill = termOffsets.slice(0, termCount);
    for (let i = 0; i < n; i++) {
      for (let k = docTopStart[i]!; k < docTopStart[i + 1]!; k++) {
        const t = docTopIds[k]!;
        if (termListLength[t]! === 0) continue;
        const at = fill[t]!++;
        termPostings[at] = i;
        termPostingWeights[at] = docTopWeights[k]!;
      }
    }
  }

  // Scoring: per doc, accumulate over the nearest postings of its tags and best terms.
  // Buffers are allocated once; `seen` and `blocked` hold the number of the doc
  // being scored, so nothing needs clearing between docs.
  const score = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const blocked = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  const window = new Int32Array(maxPostings);
  const best = new Int32Array(limit);
  const bestScore = new Float64Array(limit);
  const scaleMs = options.timeScaleDays * DAY_MS;
  const related: string[][] = [];
  const stats: RelatedStats = {
    docs: n,
    indexedTags,
    indexedTerms,
    postingsVisited: 0,
    maxPostingsPerDoc: 0,
    candidatesScored: 0,
  };

  const better = (c: number, sc: number, d: number, sd: number): boolean => {
    if (sc !== sd) return sc > sd;
    if (times[c] !== times[d]) return times[c]! > times[d]!;
    const bySlug = compareStrings(order[c]!.slug, order[d]!.slug);
    return bySlug !== 0 ? bySlug < 0 : c < d; // same time: number order is id order
  };

  for (let a = 0; a < n; a++) {
    const doc = order[a]!;
    const list: string[] = [];
    blocked[a] = a;
    for (const id of doc.pinned ?? []) {
      const p = numberOf.get(id);
      if (p === undefined || blocked[p] === a) continue;
      blocked[p] = a;
      list.push(id);
    }

    touched.length = 0;
    let visited = 0;
    const add = (c: number, amount: number): void => {
      if (blocked[c] === a) return;
      if (seen[c] !== a) {
        seen[c] = a;
        score[c] = 0;
        touched.push(c);
      }
      score[c] = score[c]! + amount;
    };
    for (let k = docTagStart[a]!; k < docTagStart[a + 1]!; k++) {
      const t = docTags[k]!;
      const rarity = tagRarity[t]!;
      if (rarity === 0) continue;
      const got = nearestPostings(tagPostings, tagOffsets[t]!, tagOffsets[t + 1]!, a, times, maxPostings, window);
      visited += got;
      const amount = tagWeight * rarity;
      for (let j = 0; j < got; j++) add(tagPostings[window[j]!]!, amount);
    }
    for (let k = docTopStart[a]!; k < docTopStart[a + 1]!; k++) {
      const t = docTopIds[k]!;
      if (termListLength[t]! === 0) continue;
      const got = nearestPostings(termPostings, termOffsets[t]!, termOffsets[t + 1]!, a, times, maxPostings, window);
      visited += got;
      const weight = termWeight * docTopWeights[k]!;
      for (let j = 0; j < got; j++) {
        const at = window[j]!;
        add(termPostings[at]!, weight * termPostingWeights[at]!);
      }
    }
    stats.postingsVisited += visited;
    stats.maxPostingsPerDoc = Math.max(stats.maxPostingsPerDoc, visited);
    stats.candidatesScored += touched.length;

    let size = 0;
    for (const c of limit > 0 ? touched : []) {
      const sc = timeWeight > 0 ? score[c]! + timeWeight * Math.exp(-Math.abs(times[a]! - times[c]!) / scaleMs) : score[c]!;
      if (size === limit && !better(c, sc, best[size - 1]!, bestScore[size - 1]!)) continue;
      let place = Math.min(size, limit - 1);
      while (place > 0 && better(c, sc, best[place - 1]!, bestScore[place - 1]!)) {
        best[place] = best[place - 1]!;
        bestScore[place] = bestScore[place - 1]!;
        place--;
      }
      best[place] = c;
      bestScore[place] = sc;
      if (size < limit) size++;
    }
    for (let j = 0; j < size; j++) list.push(order[best[j]!]!.id);
    related.push(list);
  }

  options.onStats?.(stats);
  const result = new Map<string, string[]>();
  for (const id of [...numberOf.keys()].sort(compareStrings)) result.set(id, related[numberOf.get(id)!]!);
  return result;
}
