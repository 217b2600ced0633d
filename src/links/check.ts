/**
 * Checking one external link: HEAD, then GET when HEAD is refused or fails,
 * redirects followed by hand (each hop recorded, loops and long chains
 * detected), a timeout on every request, a polite user agent. Requests go
 * through `node:http`/`node:https` so that the tests can point everything
 * at servers on 127.0.0.1 and the checker never reads a response body.
 *
 * The result is what `_data/links.yaml` records: alive, moved (to where),
 * dead (with the status or the error) or unchecked (the site would not say:
 * 401, 403, 429, or a name server that could not be reached).
 */
import { lookup as dnsLookup } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { LinkState } from "./model.ts";

export interface CheckOptions {
  /** Milliseconds each request may take to answer, headers included. */
  timeout: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  userAgent: string;
}

export const CHECK_DEFAULTS: CheckOptions = Object.freeze({
  timeout: 15_000,
  maxRedirects: 10,
  userAgent: "Mozilla/5.0 (compatible; Backlist link checker; checks links of an archived blog once in a while)",
});

export interface CheckResult {
  url: string;
  status: LinkState;
  /** The last answer's HTTP status. */
  code?: number;
  error?: string;
  /** Where the redirects ended, when there were any. */
  finalUrl?: string;
  /** Requests sent for this link. */
  requests: number;
}

interface Answer {
  code: number;
  location?: string;
}

/** Statuses that say the site declined to answer a robot, not that the page is gone. */
const REFUSED = new Set([401, 403, 429]);

/**
 * RFC 6761 §6.4: names under `.invalid` never resolve, and resolvers
 * "SHOULD recognize" them and answer at once; so does this one, without
 * asking a name server.
 */
export const lookup: LookupFunction = (hostname, options, callback) => {
  if (/\.invalid\.?$/i.test(hostname) || /^invalid\.?$/i.test(hostname)) {
    const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    process.nextTick(() => callback(error, "", 0));
    return;
  }
  dnsLookup(hostname, options, callback);
};

/** One request, resolved with the status and `Location` once the headers arrive (the body is never read). */
function request(url: URL, method: "HEAD" | "GET", options: CheckOptions): Promise<Answer> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        lookup,
        headers: { "user-agent": options.userAgent, accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
        agent: false,
      },
      (res: IncomingMessage) => {
        const location = res.headers.location;
        resolve({ code: res.statusCode ?? 0, location: typeof location === "string" ? location : undefined });
        res.destroy();
        req.destroy();
      },
    );
    req.setTimeout(options.timeout, () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end();
  });
}

/** A network error in words for the data file: `timeout`, `DNS: no such host`, `connection reset`… */
export function describeError(error: unknown): { text: string; state: LinkState } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOTFOUND":
      return { text: "DNS: no such host", state: "dead" };
    case "EAI_AGAIN":
      // The name server could not be asked: says nothing about the link.
      return { text: "DNS: name server did not answer", state: "unchecked" };
    case "ETIMEDOUT":
      return { text: "timeout", state: "dead" };
    case "ECONNRESET":
      return { text: "connection reset", state: "dead" };
    case "ECONNREFUSED":
      return { text: "connection refused", state: "dead" };
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return { text: "host unreachable", state: "dead" };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      if (/certificate|SSL|TLS/i.test(message) || /^(?:CERT_|ERR_TLS|UNABLE_TO|SELF_SIGNED|DEPTH_ZERO)/.test(code ?? "")) {
        return { text: `TLS: ${message}`, state: "dead" };
      }
      return { text: code ? `${code}: ${message}` : message, state: "dead" };
    }
  }
}

/** HEAD, and GET when HEAD gets no usable answer (405, 501, any error status, a reset). */
async function ask(url: URL, options: CheckOptions, count: () => void): Promise<Answer> {
  try {
    count();
    const answer = await request(url, "HEAD", options);
    if (answer.code < 400) return answer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A name that does not resolve, or a host that does not answer in time, will not do better with GET.
    if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT") throw error;
  }
  count();
  return request(url, "GET", options);
}

/** Whether `to` is the bare home page of a site while `from` was a page deeper in it: a "soft 404". */
function isHomePageOf(from: URL, to: URL): boolean {
  return (to.pathname === "/" || to.pathname === "") && !to.search && from.pathname.length > 1;
}

/** Check one URL (absolute http or https). */
export async function checkLink(target: string, settings: Partial<CheckOptions> = {}): Promise<CheckResult> {
  const options: CheckOptions = { ...CHECK_DEFAULTS, ...settings };
  let requests = 0;
  const count = () => void requests++;
  const start = new URL(target);
  const seen = new Set<string>([start.href]);
  let current = start;
  for (let hop = 0; ; hop++) {
    let answer: Answer;
    try {
      answer = await ask(current, options, count);
    } catch (error) {
      const described = describeError(error);
      return { url: target, status: described.state, error: described.text, requests, ...(hop ? { finalUrl: current.href } : {}) };
    }
    const moved = hop > 0 ? { finalUrl: current.href } : {};
    if (answer.code >= 300 && answer.code < 400 && answer.location !== undefined) {
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return { url: target, status: "dead", code: answer.code, error: `redirect to a malformed URL: ${answer.location}`, requests, ...moved };
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        return { url: target, status: "dead", code: answer.code, error: `redirect to ${next.protocol} URL`, requests, ...moved };
      }
      next.hash = "";
      if (seen.has(next.href)) {
        return { url: target, status: "dead", code: answer.code, error: `redirect loop at ${next.href}`, requests, finalUrl: next.href };
      }
      if (hop + 1 > options.maxRedirects) {
        return { url: target, status: "dead", code: answer.code, error: `more than ${options.maxRedirects} redirects`, requests, finalUrl: next.href };
      }
      seen.add(next.href);
      current = next;
      continue;
    }
    if (answer.code >= 200 && answer.code < 300) {
      if (hop === 0) return { url: target, status: "alive", code: answer.code, requests };
      if (isHomePageOf(start, current)) {
        return { url: target, status: "dead", code: answer.code, error: "redirects to the site's home page", requests, ...moved };
      }
      return { url: target, status: "moved", code: answer.code, requests, ...moved };
    }
    if (REFUSED.has(answer.code)) {
      return { url: target, status: "unchecked", code: answer.code, error: "the site refused the checker", requests, ...moved };
    }
    return { url: target, status: "dead", code: answer.code, requests, ...moved };
  }
}

/**
 * Run `task` for each item with at most `perHost` at a time per host and
 * `total` at a time overall, in the items' order as far as the limits allow.
 */
export async function limitedByHost<T, R>(
  items: readonly T[],
  hostOf: (item: T) => string,
  task: (item: T) => Promise<R>,
  limits: { perHost: number; total: number },
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const busy = new Map<string, number>();
  const waiting = items.map((item, index) => ({ item, index, host: hostOf(item) }));
  let running = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (waiting.length === 0 && running === 0) return resolve(results);
      for (let i = 0; i < waiting.length && running < limits.total; ) {
        const next = waiting[i]!;
        if ((busy.get(next.host) ?? 0) >= limits.perHost) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        busy.set(next.host, (busy.get(next.host) ?? 0) + 1);
        task(next.item).then(
          (result) => {
            results[next.index] = result;
            running--;
            busy.set(next.host, (busy.get(next.host) ?? 1) - 1);
            pump();
          },
          reject,
        );
      }
    };
    pump();
  });
}
