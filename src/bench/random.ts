/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the
 * corpus generator needs. Same seed, same sequence, on every machine:
 * only 32-bit integer arithmetic and one division.
 */

export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct items, in draw order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const i = Math.floor(this.next() * pool.length);
      out.push(pool[i] as T);
      pool[i] = pool[pool.length - 1] as T;
      pool.pop();
    }
    return out;
  }
}

/** 32-bit FNV-1a hash of a string: turns a label into a seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Draws ranks 0…n-1 with probability proportional to 1 / (rank + 1)
 * (Zipf's law with exponent 1): a few very common values and a long tail,
 * like tags on a real blog. Only additions and divisions, which IEEE 754
 * makes exact to the bit everywhere.
 */
export class Zipf {
  readonly #cumulative: number[];

  constructor(n: number) {
    let total = 0;
    this.#cumulative = Array.from({ length: n }, (_, rank) => (total += 1 / (rank + 1)));
    for (let i = 0; i < n; i++) this.#cumulative[i] = (this.#cumulative[i] ?? 0) / total;
  }

  draw(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
