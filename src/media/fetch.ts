/**
 * Downloading one file an old post referenced: a GET with a timeout on the
 * whole exchange, redirects followed by hand within a limit (loops
 * detected), a size cap checked against `Content-Length` and again while
 * the body streams, and a content-type check (images and the kinds of file
 * posts link to). Requests go through `node:http`/`node:https` with the
 * link checker's resolver (src/links/check.ts: names under `.invalid`
 * never resolve), so tests point everything at servers on 127.0.0.1.
 */
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { describeError, lookup } from "../links/check.ts";

export interface DownloadOptions {
  /** Milliseconds the whole request may take, body included. */
  timeout: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  userAgent: string;
}

export const DOWNLOAD_DEFAULTS: DownloadOptions = Object.freeze({
  timeout: 30_000,
  maxRedirects: 5,
  maxBytes: 25 * 1024 * 1024,
  userAgent: "Mozilla/5.0 (compatible; Backlist importer; bringing an archived blog's images home)",
});

/** Content types accepted, and the extension a file of each gets when its name has none. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = Object.freeze({
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/pjpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/svg+xml": "svg",
  "image/bmp": "bmp",
  "image/tiff": "tiff",
  "image/x-icon": "ico",
  "image/vnd.microsoft.icon": "ico",
  "application/pdf": "pdf",
  "application/zip": "zip",
  "application/x-zip-compressed": "zip",
  "application/gzip": "gz",
  "application/x-gzip": "gz",
  "application/x-tar": "tar",
  "application/x-bzip2": "bz2",
  "application/x-7z-compressed": "7z",
  "text/plain": "txt",
  "text/csv": "csv",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
});

/** Extensions trusted when a server answers with the catch-all `application/octet-stream`. */
const OCTET_EXTENSIONS = new Set([...Object.values(ACCEPTED_TYPES), "jpeg", "tgz", "dmg", "exe", "msi", "iso"]);

export type Download =
  | { ok: true; bytes: Buffer; contentType: string; finalUrl: string }
  | {
      ok: false;
      /** In words, for the report: `HTTP 404`, `timeout`, `DNS: no such host`, `redirect loop at …`. */
      reason: string;
      /** Whether a web archive's copy is worth asking for: the host failed, rather than sent something refused. */
      hostFailed: boolean;
    };

interface Answer {
  code: number;
  location?: string;
  contentType: string;
  body?: Buffer;
  tooLarge?: boolean;
}

function get(url: URL, options: DownloadOptions): Promise<Answer> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      { lookup, agent: false, headers: { "user-agent": options.userAgent, accept: "image/*,application/pdf,application/zip,*/*;q=0.5" } },
      (res: IncomingMessage) => {
        const code = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        const location = typeof res.headers.location === "string" ? res.headers.location : undefined;
        if (code < 200 || code >= 300) {
          res.resume();
          req.destroy();
          return resolve({ code, contentType, ...(location !== undefined ? { location } : {}) });
        }
        const length = Number(res.headers["content-length"]);
        if (Number.isFinite(length) && length > options.maxBytes) {
          req.destroy();
          return resolve({ code, contentType, tooLarge: true });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            return resolve({ code, contentType, tooLarge: true });
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ code, contentType, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), options.timeout);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** `26214400` → `25 MiB`, `65536` → `64 KiB`. */
function bytesInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
}

/** The extension of a URL's last path segment, lower case, without the dot. */
export function extensionOf(url: URL | string): string {
  const pathname = typeof url === "string" ? url : url.pathname;
  return /\.([a-z0-9]{1,8})$/i.exec(pathname)?.[1]?.toLowerCase() ?? "";
}

/** Whether a body of `contentType` from `url` is a file a post may keep. */
export function acceptedType(contentType: string, url: URL): boolean {
  if (contentType in ACCEPTED_TYPES) return true;
  if (contentType === "application/octet-stream" || contentType === "binary/octet-stream" || contentType === "") return OCTET_EXTENSIONS.has(extensionOf(url));
  return false;
}

/** Download `target` (absolute http or https URL). Never throws for network trouble: the outcome says what happened. */
export async function download(target: string, settings: Partial<DownloadOptions> = {}): Promise<Download> {
  const options: DownloadOptions = { ...DOWNLOAD_DEFAULTS, ...settings };
  let current: URL;
  try {
    current = new URL(target);
  } catch {
    return { ok: false, reason: "not a URL", hostFailed: false };
  }
  if (current.protocol !== "http:" && current.protocol !== "https:") return { ok: false, reason: `not an http(s) URL (${current.protocol})`, hostFailed: false };
  const seen = new Set([current.href]);
  for (let hop = 0; ; hop++) {
    let answer: Answer;
    try {
      answer = await get(current, options);
    } catch (error) {
      return { ok: false, reason: describeError(error).text, hostFailed: true };
    }
    if (answer.code >= 300 && answer.code < 400 && answer.location !== undefined) {
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return { ok: false, reason: `redirect to a malformed URL: ${answer.location}`, hostFailed: true };
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") return { ok: false, reason: `redirect to a ${next.protocol} URL`, hostFailed: true };
      next.hash = "";
      if (seen.has(next.href)) return { ok: false, reason: `redirect loop at ${next.href}`, hostFailed: true };
      if (hop + 1 > options.maxRedirects) return { ok: false, reason: `more than ${options.maxRedirects} redirects`, hostFailed: true };
      seen.add(next.href);
      current = next;
      continue;
    }
    if (answer.code < 200 || answer.code >= 300) return { ok: false, reason: `HTTP ${answer.code}`, hostFailed: true };
    if (answer.tooLarge) return { ok: false, reason: `larger than ${bytesInWords(options.maxBytes)}, the size cap`, hostFailed: false };
    // A host that answers with a web page (a parked domain, a login) has lost the file too.
    if (!acceptedType(answer.contentType, current)) {
      return { ok: false, reason: `not an image or a file a post keeps (${answer.contentType || "no content type"})`, hostFailed: true };
    }
    return { ok: true, bytes: answer.body ?? Buffer.alloc(0), contentType: answer.contentType, finalUrl: current.href };
  }
}
