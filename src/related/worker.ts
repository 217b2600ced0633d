/**
 * Worker-thread entry of `computeRelatedInWorker` (./parallel.ts): receives
 * the documents, answers with the related ids as `[id, ids][]`.
 */
import { parentPort } from "node:worker_threads";
import { computeRelated, type RelatedDoc, type RelatedOverrides } from "./index.ts";

export interface RelatedRequest {
  docs: RelatedDoc[];
  options: RelatedOverrides;
}

parentPort?.once("message", (request: RelatedRequest) => {
  const result = computeRelated(request.docs, request.options);
  parentPort?.postMessage([...result]);
});
