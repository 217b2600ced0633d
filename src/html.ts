/** HTML output helpers shared by the page renderer and the content loader. */

const BEYOND_LATIN1 = /[^\x00-\xff]/u;
const BEYOND_LATIN1_ALL = /[^\x00-\xff]/gu;
/**
 * Raw-text elements, where character references are not decoded (JSON-LD is
 * ASCII already); `noscript` is raw text wherever scripts run.
 */
const RAW_TEXT = /<(?:script(?![^>]*application\/ld\+json)|style|xmp|iframe|noembed|noframes|noscript|plaintext)\b/i;

/**
 * Characters beyond Latin-1 (’ “ ” — …) as numeric character references.
 * The page means exactly the same to a browser, but V8 can hold it as a
 * one-byte string: Eleventy keeps every rendered page until the build ends,
 * so this halves the memory those pages take. Pages with raw `<script>` or
 * `<style>` text (from a post's own HTML) are left as they are.
 */
export function latin1(html: string): string {
  if (!BEYOND_LATIN1.test(html) || RAW_TEXT.test(html)) return html;
  const encoded = html.replace(BEYOND_LATIN1_ALL, (char) => `&#${char.codePointAt(0)};`);
  // A round trip through latin1 makes V8 store the result as one-byte.
  return Buffer.from(encoded, "latin1").toString("latin1");
}
