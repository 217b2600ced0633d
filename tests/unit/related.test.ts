import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DEFAULTS,
  computeRelated,
  idf,
  nearestPostings,
  resolveOptions,
  stripMarkdown,
  terms,
  timeCloseness,
  type RelatedDoc,
  type RelatedOverrides,
  type RelatedStats,
} from "../../src/related/index.ts";

const DAY = 86_400_000;
const BASE = Date.UTC(2010, 0, 1);

interface Spec {
  tags?: string[];
  title?: string;
  body?: string;
  day?: number;
  slug?: string;
  pinned?: string[];
}

function doc(id: string, spec: Spec = {}): RelatedDoc {
  const out: RelatedDoc = {
    id,
    slug: spec.slug ?? id,
    title: spec.title ?? "",
    body: spec.body ?? "",
    tags: spec.tags ?? [],
    time: BASE + (spec.day ?? 0) * DAY,
  };
  if (spec.pinned) out.pinned = spec.pinned;
  return out;
}

/** Posts that share nothing with anything: they only make N larger, so shared tags and terms get a real idf. */
function fillers(count: number, day = 5000): RelatedDoc[] {
  return Array.from({ length: count }, (_, i) => doc(`filler-${i}`, { day: day + i }));
}

function related(docs: readonly RelatedDoc[], id: string, options?: RelatedOverrides): string[] {
  const list = computeRelated(docs, options).get(id);
  assert.ok(list, `no entry for ${id}`);
  return list;
}

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("terms", () => {
  it("lower-cases, stems and drops stop words, numbers-only words and markdown punctuation", () => {
    assert.deepEqual(terms("The **Servers** were _caching_ 2008 #results; it's the server's cache!"), [
      "server",
      "cach",
      "result",
      "server",
      "cach",
    ]);
  });

  it("drops fenced code, URLs, link destinations and HTML, keeping link and alt texts", () => {
    const md = [
      "Read [the guide](https://example.com/kubernetes-guide \"Guide\") and <https://helm.sh/docs>.",
      "",
      "```yaml",
      "kubernetes: helm",
      "```",
      "",
      "~~~",
      "terraform apply",
      "~~~",
      "![A diagram](img/diagram.png) see www.example.org/page or mail ops@example.com &amp; <pre>pipeline</pre>",
      "",
      "[1]: http://example.net/reference",
    ].join("\n");
    assert.deepEqual(terms(md), ["read", "guid", "diagram", "see", "mail"]);
    assert.doesNotMatch(stripMarkdown(md), /kubernetes|terraform|helm|example|pipeline/);
  });

  it("folds accents and keeps words with digits but not commit hashes", () => {
    assert.deepEqual(terms("Café x86 IPv6 in 2008, commit 3f9a2c1d"), ["cafe", "x86", "ipv6", "commit"]);
  });
});

describe("idf and time closeness", () => {
  it("idf is ln(N/df): 0 on every document, larger when rarer", () => {
    assert.equal(idf(100, 100), 0);
    assert.equal(idf(100, 10), Math.log(10));
    assert.ok(idf(100, 2) > idf(100, 50));
    assert.equal(idf(0, 0), 0);
  });

  it("time closeness is 1 at the same time and 1/e one scale apart, either way", () => {
    assert.equal(timeCloseness(0, 365), 1);
    assert.ok(Math.abs(timeCloseness(365 * DAY, 365) - Math.exp(-1)) < 1e-12);
    assert.equal(timeCloseness(-30 * DAY, 365), timeCloseness(30 * DAY, 365));
  });
});

describe("nearestPostings", () => {
  it("reads the entries nearest in time to the document, skipping it, within the budget", () => {
    // Doc numbers are in time order; times are in days.
    const times = Float64Array.from([0, 10, 20, 21, 30, 40, 60, 61, 100].map((d) => d * DAY));
    const postings = Int32Array.from([0, 1, 3, 4, 5, 6, 8]);
    const out = new Int32Array(3);
    const got = nearestPostings(postings, 0, postings.length, 4, times, 3, out);
    assert.equal(got, 3);
    // Around doc 4 (day 30): day 21 (9 away), then days 40 and 20... day 20 is not in the list: day 40, then day 10.
    assert.deepEqual([...out.subarray(0, got)].map((p) => postings[p]), [3, 5, 1]);
  });

  it("works on a slice of a shared table and stops at its ends", () => {
    const times = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const postings = Int32Array.from([9, 1, 2, 3, 9]); // list 1..4 of the table, neighbours belong to other lists
    const out = new Int32Array(10);
    const got = nearestPostings(postings, 1, 4, 2, times, 10, out);
    assert.deepEqual([...out.subarray(0, got)].map((p) => postings[p]).sort(), [1, 3]);
  });
});

describe("computeRelated", () => {
  it("ranks the post sharing a rare tag and distinctive words above one sharing only a common tag", () => {
    const docs = [
      doc("xen", { tags: ["virtualization", "news"], title: "Xen hypervisor scheduling", body: "The Xen hypervisor scheduler and paravirtualized guests.", day: 100 }),
      doc("kvm", { tags: ["virtualization"], title: "Scheduling guests on a hypervisor", body: "Paravirtualized guests under a hypervisor scheduler.", day: 10 }),
      doc("party", { tags: ["news"], title: "Office party", body: "Cake and balloons at the office.", day: 101 }),
      ...Array.from({ length: 12 }, (_, i) => doc(`news-${i}`, { tags: ["news"], body: `Announcement number ${i}.`, day: 200 + i })),
      ...fillers(20),
    ];
    const list = related(docs, "xen");
    assert.equal(list[0], "kvm");
    assert.ok(list.indexOf("party") > 0, "the common-tag post comes later, if at all");
  });

  it("weights a shared tag by its rarity", () => {
    // "common" is nearer in time and would win if all tags counted the same.
    const docs = [
      doc("a", { tags: ["rare", "common"], day: 100 }),
      doc("rare-match", { tags: ["rare"], day: 10 }),
      doc("common-match", { tags: ["common"], day: 101 }),
      ...Array.from({ length: 10 }, (_, i) => doc(`c${i}`, { tags: ["common"], day: 1000 + i })),
      ...fillers(10),
    ];
    assert.deepEqual(related(docs, "a", { limit: 2 }), ["rare-match", "common-match"]);
  });

  it("uses closeness in time to break otherwise equal candidates", () => {
    // The nearer one is the older one, so "newer first" alone would pick the other.
    const docs = [
      doc("a", { tags: ["t"], body: "Replication lag in Postgres.", day: 100 }),
      doc("near", { tags: ["t"], body: "Replication lag in Postgres.", day: 90 }),
      doc("far", { tags: ["t"], body: "Replication lag in Postgres.", day: 300 }),
      ...fillers(10),
    ];
    assert.deepEqual(related(docs, "a"), ["near", "far"]);
  });

  it("adds time only to candidates found by tags or terms", () => {
    const docs = [doc("a", { tags: ["x"], day: 0 }), doc("b", { tags: ["x"], day: 500 }), doc("same-day", { day: 0 }), ...fillers(5)];
    assert.deepEqual(related(docs, "a"), ["b"]);
    assert.deepEqual(related(docs, "same-day"), []);
    // A tag on every post has no weight, so it finds nothing either.
    const everywhere = docs.map((d) => ({ ...d, tags: [...d.tags, "blog"] }));
    assert.deepEqual(related(everywhere, "same-day"), []);
    assert.deepEqual(related(everywhere, "a"), ["b"]);
  });

  it("breaks exact ties by date, newer first, then by slug", () => {
    const same = { tags: ["t"], body: "Consistent hashing rings." };
    const docs = [
      doc("a", { ...same, day: 100 }),
      doc("older", { ...same, day: 90 }), // as far from "a" as "newer"
      doc("newer", { ...same, day: 110 }),
      // Same date as each other: slug decides, not id.
      doc("z-id", { ...same, day: 300, slug: "alpha" }),
      doc("a-id", { ...same, day: 300, slug: "beta" }),
      ...fillers(10),
    ];
    assert.deepEqual(related(docs, "a"), ["newer", "older", "z-id", "a-id"]);
    assert.deepEqual(related(docs, "a", { weights: { time: 0 } }), ["z-id", "a-id", "newer", "older"]);
  });

  it("gives the same output whatever the order of the input", () => {
    const topics = ["rust", "go", "postgres", "kafka", "react", "css"];
    const words = ["latency", "throughput", "borrow", "goroutine", "index", "vacuum", "partition", "hooks", "grid", "flexbox", "lifetime", "channel"];
    const docs: RelatedDoc[] = [];
    for (let i = 0; i < 60; i++) {
      const tags = [topics[i % topics.length]!, topics[(i * 7) % topics.length]!];
      const body = Array.from({ length: 12 }, (_, k) => words[(i * 5 + k * k) % words.length]).join(" ");
      // Several posts share a day, so ties need the full order.
      docs.push(doc(`post-${i}`, { tags, body, day: Math.floor(i / 3), slug: `slug-${(i * 13) % 60}` }));
    }
    const expected = [...computeRelated(docs)];
    assert.ok(expected.some(([, list]) => list.length === DEFAULTS.limit), "the fixture has full lists");
    for (const seed of [1, 2, 3, 4, 5]) {
      assert.deepEqual([...computeRelated(shuffled(docs, seed))], expected, `shuffle ${seed}`);
    }
    assert.deepEqual([...computeRelated([...docs].reverse())], expected);
    // Narrow windows cut through posts of the same day: which ones are read must not depend on the input either.
    const narrow = { maxPostings: 2, limit: 3 };
    const expectedNarrow = [...computeRelated(docs, narrow)];
    for (const seed of [6, 7, 8, 9, 10]) {
      assert.deepEqual([...computeRelated(shuffled(docs, seed), narrow)], expectedNarrow, `shuffle ${seed}, narrow`);
    }
  });

  it("lists pinned ids first, in order, deduped, never itself nor unknown ids, and not again below", () => {
    const docs = [
      doc("a", { tags: ["t"], day: 100, pinned: ["c", "a", "c", "no-such-post", "b"] }),
      doc("b", { tags: ["t"], day: 101 }),
      doc("c", { tags: ["t"], day: 300 }),
      doc("d", { tags: ["t"], day: 102 }),
      doc("e", { tags: ["t"], day: 103 }),
      doc("f", { tags: ["t"], day: 104 }),
      doc("g", { day: 0 }), // shares nothing: only reachable by pinning
      ...fillers(10),
    ];
    assert.deepEqual(related(docs, "a", { limit: 2 }), ["c", "b", "d", "e"]);
    assert.deepEqual(related([...docs.slice(1), doc("a", { pinned: ["g"], day: 100 })], "a"), ["g"]);
  });

  it("respects the limit", () => {
    const docs = [...Array.from({ length: 12 }, (_, i) => doc(`p${i}`, { tags: ["t"], day: i })), ...fillers(5)];
    assert.equal(related(docs, "p0").length, 5);
    assert.equal(related(docs, "p0", { limit: 3 }).length, 3);
    assert.deepEqual(related(docs, "p0", { limit: 0 }), []);
    assert.equal(related(docs, "p0", { limit: 50 }).length, 11);
  });

  it("gives a post with no tags and no shared terms no related posts, and lists it nowhere", () => {
    const docs = [
      doc("lonely", { body: "Sourdough starter hydration.", day: 50 }),
      doc("b", { tags: ["t"], body: "Garbage collection pauses.", day: 51 }),
      doc("c", { tags: ["t"], body: "Garbage collection pauses.", day: 52 }),
    ];
    const result = computeRelated(docs);
    assert.deepEqual(result.get("lonely"), []);
    assert.deepEqual([...result.keys()], ["b", "c", "lonely"]);
    for (const list of result.values()) assert.ok(!list.includes("lonely"));
  });

  it("does not match on stop words, code blocks or URLs, but does on the same words in prose", () => {
    const code = "```sh\nkubectl rollout restart deployment nginx\n```";
    const docs = [
      doc("a", { body: `It is what it was, and they were there.\n\n${code}\n\nhttps://kubernetes.io/docs/rollout`, day: 1 }),
      doc("b", { body: `Is it what they were? There it was.\n\n${code}\n\nhttps://kubernetes.io/docs/rollout`, day: 2 }),
      doc("c", { body: "kubectl rollout restart deployment nginx", day: 3 }),
      doc("d", { body: "kubectl rollout restart deployment nginx", day: 4 }),
      ...fillers(5),
    ];
    const result = computeRelated(docs);
    assert.deepEqual(result.get("a"), []);
    assert.deepEqual(result.get("b"), []);
    assert.deepEqual(result.get("c"), ["d"]);
  });

  it("boosts title terms by titleBoost", () => {
    // b shares a's title word, c a body word; with equal weights the newer, c, would win the tie.
    const docs = [
      doc("a", { title: "Zeppelin", body: "Airship history.", day: 100 }),
      doc("b", { body: "Zeppelin.", day: 90 }),
      doc("c", { body: "Airship.", day: 110 }),
      ...fillers(10),
    ];
    assert.deepEqual(related(docs, "a"), ["b", "c"]);
    assert.deepEqual(related(docs, "a", { titleBoost: 1 }), ["c", "b"]);
    assert.deepEqual(related(docs, "a", { titleBoost: 0 }), ["c"]);
  });

  it("lets options override the defaults, one weight at a time", () => {
    const docs = [
      doc("a", { tags: ["rare", "common"], day: 100 }),
      doc("rare-match", { tags: ["rare"], day: 1000 }),
      doc("common-match", { tags: ["common"], day: 101 }),
      ...Array.from({ length: 10 }, (_, i) => doc(`c${i}`, { tags: ["common"], day: 3000 + i })),
      ...fillers(10),
    ];
    assert.equal(related(docs, "a")[0], "rare-match");
    assert.equal(related(docs, "a", { weights: { time: 5 } })[0], "common-match");
    assert.equal(related(docs, "a", { weights: { time: 5 }, timeScaleDays: 100_000 })[0], "rare-match");

    const options = resolveOptions({ weights: { time: 5 }, limit: 2 });
    assert.deepEqual(options.weights, { tags: DEFAULTS.weights.tags, terms: DEFAULTS.weights.terms, time: 5 });
    assert.equal(options.limit, 2);
    assert.equal(options.maxPostings, DEFAULTS.maxPostings);
    assert.deepEqual(resolveOptions({ limit: undefined }), resolveOptions());
    assert.equal(DEFAULTS.weights.time, 0.2, "DEFAULTS is not changed by overrides");
    assert.throws(() => resolveOptions({ maxPostings: 0 }), RangeError);
    assert.throws(() => resolveOptions({ limit: 1.5 }), RangeError);
    assert.throws(() => resolveOptions({ weights: { tags: -1 } }), RangeError);
    assert.throws(() => resolveOptions({ timeScaleDays: 0 }), RangeError);
  });

  it("documents its defaults", () => {
    assert.deepEqual(
      { ...DEFAULTS, weights: { ...DEFAULTS.weights } },
      { limit: 5, weights: { tags: 1, terms: 2, time: 0.2 }, timeScaleDays: 365, termsPerDoc: 20, maxPostings: 200, titleBoost: 3 },
    );
    assert.ok(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.weights));
  });

  it("rejects duplicate ids and non-finite times", () => {
    assert.throws(() => computeRelated([doc("a"), doc("a", { day: 3 })]), /duplicate id a/);
    assert.throws(() => computeRelated([{ ...doc("a"), time: Number.NaN }]), /time/);
  });

  it("reads at most maxPostings entries per list: 5,000 posts on one tag still get their nearest in time", () => {
    const docs = [
      ...Array.from({ length: 5000 }, (_, i) => doc(`p${String(i).padStart(4, "0")}`, { tags: ["everything"], day: i })),
      ...fillers(100, 10_000),
    ];
    let stats: RelatedStats | undefined;
    const result = computeRelated(docs, { maxPostings: 10, onStats: (s) => (stats = s) });
    assert.deepEqual(result.get("p2500"), ["p2501", "p2499", "p2502", "p2498", "p2503"]);
    assert.deepEqual(result.get("p0000"), ["p0001", "p0002", "p0003", "p0004", "p0005"]);
    assert.ok(stats);
    assert.equal(stats.docs, 5100);
    assert.equal(stats.indexedTags, 1);
    assert.equal(stats.maxPostingsPerDoc, 10, "one tag × maxPostings");
    assert.equal(stats.postingsVisited, 5000 * 10);
    assert.equal(stats.candidatesScored, 5000 * 10);
  });

  it("counts postings so the bound can be checked: without it the work grows with the archive", () => {
    const docs = [...Array.from({ length: 300 }, (_, i) => doc(`p${i}`, { tags: ["t"], day: i })), ...fillers(10)];
    const visited = (maxPostings: number): RelatedStats => {
      let stats: RelatedStats | undefined;
      computeRelated(docs, { maxPostings, onStats: (s) => (stats = s) });
      assert.ok(stats);
      return stats;
    };
    assert.equal(visited(1000).maxPostingsPerDoc, 299);
    assert.equal(visited(1000).postingsVisited, 300 * 299);
    assert.equal(visited(20).maxPostingsPerDoc, 20);
    assert.equal(visited(20).postingsVisited, 300 * 20);
  });

  it("bounds term postings too, and drops terms found in one post only", () => {
    const docs = [
      ...Array.from({ length: 400 }, (_, i) =>
        doc(`p${i}`, { body: `Observability dashboards alerting. Unique${i.toString(36)}word.`, day: i }),
      ),
      ...fillers(10),
    ];
    let stats: RelatedStats | undefined;
    computeRelated(docs, { maxPostings: 7, onStats: (s) => (stats = s) });
    assert.ok(stats);
    assert.equal(stats.indexedTerms, 3, "observability, dashboard, alerting; the unique words are not indexed");
    assert.equal(stats.maxPostingsPerDoc, 3 * 7);
    // With room for only three terms per post, the unique words must not take a slot.
    computeRelated(docs, { maxPostings: 7, termsPerDoc: 3, onStats: (s) => (stats = s) });
    assert.equal(stats.indexedTerms, 3);
    assert.equal(stats.maxPostingsPerDoc, 3 * 7);
  });
});
