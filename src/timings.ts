/**
 * Phase timings of a build, printed as `[backlist] phase <name> <ms>ms` on
 * stderr when `BACKLIST_TIMINGS=1` (as `npm run bench` sets). Repeated
 * phases (per-page work) are summed and printed once at the end.
 */
const enabled = () => process.env.BACKLIST_TIMINGS === "1";
const sums = new Map<string, number>();

function print(name: string, ms: number): void {
  process.stderr.write(`[backlist] phase ${name} ${ms.toFixed(1)}ms\n`);
}

/** Run `make` and report its duration as phase `name`. */
export function timed<T>(name: string, make: () => T): T {
  if (!enabled()) return make();
  const start = performance.now();
  const result = make();
  if (result instanceof Promise) {
    return result.finally(() => print(name, performance.now() - start)) as T;
  }
  print(name, performance.now() - start);
  return result;
}

/** Report a phase measured elsewhere. */
export function phase(name: string, ms: number): void {
  if (enabled()) print(name, ms);
}

/** Like `timed`, but summed over every call until `flushTimings()`. */
export function summed<T>(name: string, make: () => T): T {
  if (!enabled()) return make();
  const start = performance.now();
  const result = make();
  sums.set(name, (sums.get(name) ?? 0) + performance.now() - start);
  return result;
}

/** Print and reset the summed phases. */
export function flushTimings(): void {
  for (const [name, ms] of sums) print(name, ms);
  sums.clear();
}
