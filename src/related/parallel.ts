/**
 * Related posts on the second core. Scoring needs only the posts' raw text,
 * tags and dates, all known once the front matter is read, so it can run in
 * a worker thread while the main thread renders the markdown. Small
 * archives (and any failure to start a worker) compute in this thread.
 */
import { Worker } from "node:worker_threads";
import { computeRelated, type RelatedDoc, type RelatedOverrides } from "./index.ts";
import type { RelatedRequest } from "./worker.ts";

/** Below this many posts a worker costs more to start than it saves. */
export const WORKER_THRESHOLD = 500;

/**
 * The worker loads its TypeScript entry through tsx's API: worker threads
 * do not inherit the `--import tsx` hooks of the main thread.
 */
function startWorker(): Worker {
  const entry = new URL("./worker.ts", import.meta.url).href;
  const source = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(source, { eval: true });
}

export function computeRelatedInWorker(
  docs: RelatedDoc[],
  options: RelatedOverrides = {},
): Promise<Map<string, string[]>> {
  if (docs.length < WORKER_THRESHOLD || options.onStats) return Promise.resolve(computeRelated(docs, options));
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker();
    const fallback = () => {
      if (settled) return;
      settled = true;
      try {
        resolve(computeRelated(docs, options));
      } catch (error) {
        reject(error);
      }
    };
    worker.once("message", (entries: [string, string[]][]) => {
      settled = true;
      resolve(new Map(entries));
      void worker.terminate();
    });
    worker.once("error", fallback);
    worker.once("exit", fallback);
    worker.postMessage({ docs, options } satisfies RelatedRequest);
  });
}
