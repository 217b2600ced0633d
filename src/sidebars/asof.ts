/**
 * "As of a date" lookups over lists sorted by date: a binary search finds
 * how many items were published on or before a moment, so a 2008 page can
 * show the archive as it stood in 2008 without scanning anything.
 */

/**
 * Number of items of `sorted` (ascending by `key`) whose key is ≤ `limit`:
 * the index of the first item after `limit`.
 */
export function countUpTo<T>(sorted: readonly T[], key: (item: T) => number, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(sorted[mid] as T) <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The newest `count` items among the first `end` of `sorted` (ascending),
 * newest first, skipping `exclude`.
 */
export function newestBefore<T>(sorted: readonly T[], end: number, count: number, exclude?: T): T[] {
  const out: T[] = [];
  for (let i = Math.min(end, sorted.length) - 1; i >= 0 && out.length < count; i--) {
    const item = sorted[i] as T;
    if (item !== exclude) out.push(item);
  }
  return out;
}
