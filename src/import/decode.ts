/**
 * An export or feed file's bytes → its text, by the encoding it declares
 * (a byte-order mark, else `<?xml … encoding="…"?>`, else UTF-8), with the
 * decoders of `iconv-lite` (UTF-8 with `TextDecoder`): an ISO-8859-1 or
 * Windows-1252 export is read as such, never with U+FFFD in place of its
 * accented letters. (Node's own `TextDecoder` reads `windows-1252` as
 * Latin-1, losing its curly quotes and dashes.) Bytes that are not valid
 * in the declared encoding are refused with their line.
 *
 * Then its document type: a WordPress export or a feed needs no DTD, and
 * one with an internal subset (`<!DOCTYPE x [<!ENTITY …>]>`) can declare
 * entities that read local files (XXE) or expand without bound. Such a file
 * is refused with a message; a bare `<!DOCTYPE rss PUBLIC …>` (RSS 0.91 has
 * one) is ignored.
 */
import iconv from "iconv-lite";
import { ToolError } from "./project.ts";

/** The encoding the bytes declare: `utf-8`, `iso-8859-1`, … (lower case, as declared). */
export function declaredEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // The declaration is ASCII in every encoding an XML file may use without a BOM.
  const head = Buffer.from(bytes.subarray(0, 256)).toString("latin1");
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  return (declared ?? "utf-8").toLowerCase();
}

/** The file's text in its declared encoding; a `ToolError` naming the encoding or the first bad byte's line. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const declared = declaredEncoding(bytes);
  // As browsers do (WHATWG Encoding): a file that says Latin-1 or ASCII is read as Windows-1252, its superset,
  // since the curly quotes and dashes of Windows editors are what such files hold in 0x80–0x9F.
  const encoding = /^(?:iso[-_]?8859-1|latin-?1|l1|us-ascii|ascii|cp819)$/.test(declared) ? "windows-1252" : declared;
  const utf8 = encoding === "utf-8" || encoding === "utf8";
  if (!utf8 && !iconv.encodingExists(encoding)) {
    throw new ToolError(`${file}: declares the encoding "${declared}", which this importer cannot decode; nothing was imported`);
  }
  const decode = (part: Uint8Array): string | undefined => {
    if (utf8) {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(part);
      } catch {
        return undefined;
      }
    }
    const text = iconv.decode(Buffer.from(part), encoding);
    // iconv-lite puts U+FFFD where a byte sequence means nothing in the encoding.
    return text.includes("\uFFFD") && !Buffer.from(part).includes(Buffer.from("\uFFFD", "utf8")) ? undefined : text;
  };
  const text = decode(bytes);
  if (text !== undefined) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const line = firstBadLine(bytes, decode);
  throw new ToolError(
    `${file}${line ? `:${line}` : ""}: is not valid ${declared.toUpperCase()}` +
      `${utf8 ? ' (if it is Windows-1252 or ISO-8859-1, say so in its first line: <?xml version="1.0" encoding="windows-1252"?>)' : ""}; nothing was imported`,
  );
}

/** The line of the first byte the decoder refuses (lines counted by LF bytes, which every such encoding shares). */
function firstBadLine(bytes: Uint8Array, decode: (part: Uint8Array) => string | undefined): number | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decode(bytes.subarray(start, i)) === undefined) return line;
      line++;
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * `text` without a harmless document type declaration; a `ToolError` for
 * one with an internal subset (entity declarations), which is never needed
 * and is how XML external-entity attacks are made.
 */
export function withoutDoctype(text: string, file: string): string {
  const start = text.search(/<!DOCTYPE\b/i);
  if (start < 0) return text;
  const before = text.slice(0, start);
  // Only in the prolog: a `<!DOCTYPE` inside a CDATA body is text.
  if (/<[A-Za-z_]/.test(before.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))) return text;
  const declaration = /^<!DOCTYPE\s+[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(text.slice(start));
  const line = before.split("\n").length;
  if (!declaration || declaration[1] !== undefined) {
    throw new ToolError(
      `${file}:${line}: has a document type declaration with its own definitions (<!DOCTYPE … [ … ]>), ` +
        "which no WordPress export or feed needs and which can make an XML reader fetch files; refused, nothing was imported",
    );
  }
  return before + declaration[0].replace(/[^\n]/g, " ") + text.slice(start + declaration[0].length);
}
