/**
 * An export or feed file's bytes → its text, by the encoding it declares
 * (a byte-order mark, else `<?xml … encoding="…"?>`, else UTF-8), with the
 * WHATWG decoders of `TextDecoder`: an ISO-8859-1 or Windows-1252 export is
 * read as such, never with U+FFFD in place of its accented letters. Bytes
 * that are not valid in the declared encoding are refused with their line.
 *
 * Then its document type: a WordPress export or a feed needs no DTD, and
 * one with an internal subset (`<!DOCTYPE x [<!ENTITY …>]>`) can declare
 * entities that read local files (XXE) or expand without bound. Such a file
 * is refused with a message; a bare `<!DOCTYPE rss PUBLIC …>` (RSS 0.91 has
 * one) is ignored.
 */
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
  const encoding = declaredEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new ToolError(`${file}: declares the encoding "${encoding}", which this importer cannot decode; nothing was imported`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const line = firstBadLine(bytes, encoding);
    throw new ToolError(
      `${file}${line ? `:${line}` : ""}: is not valid ${encoding.toUpperCase()}` +
        `${encoding === "utf-8" ? ' (if it is Windows-1252 or ISO-8859-1, say so in its first line: <?xml version="1.0" encoding="windows-1252"?>)' : ""}; nothing was imported`,
    );
  }
}

/** The line of the first byte the decoder refuses (lines counted by LF bytes, which every such encoding shares). */
function firstBadLine(bytes: Uint8Array, encoding: string): number | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
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
