/**
 * Blogger exports ("Back up content"): one Atom feed holding the blog's
 * settings, its template, its posts, its pages and every comment. Two forms,
 * read alike, and a file may mix them:
 * - the older one tells entries apart by a category of scheme
 *   `http://schemas.google.com/g/2005#kind` (`…/blogger/2008/kind#post`,
 *   `#page`, `#comment`, `#settings`, `#template`), gives each post its
 *   `<link rel="alternate">` and each comment its `thr:in-reply-to`;
 * - the newer one (namespace `http://schemas.google.com/blogger/2018`) by
 *   `<blogger:type>` (`POST`, `PAGE`, `COMMENT`), with `<blogger:status>`
 *   (`LIVE`, `DRAFT`, `SOFT_TRASHED`, `DELETED`…), the old address as a
 *   path (`<blogger:filename>/2019/05/foo.html`) and a comment's post, or
 *   for a reply the comment it answers, as `<blogger:parent>`; its feed often
 *   names no address of the blog, which is then taken from the posts' links
 *   to each other, or is missing (and the feed's `notices` say so).
 * Read with fast-xml-parser one entry at a time (src/import/slices.ts finds
 * them), namespace prefixes dropped, so an export whose prefixes differ
 * reads the same.
 *
 * Every entry comes out: posts and pages as items (drafts, scheduled,
 * trashed and deleted ones skipped with their reason), settings and
 * template entries as skipped items with their reason, and comments
 * attached to the post they answer, threaded through their `related` link
 * or their parent. A comment Blogger shows as removed is kept out with the
 * reason "removed"; one whose post is not in the export is counted.
 */
import { XMLParser } from "fast-xml-parser";
import { ToolError } from "./project.ts";
import { type SourceComment, type SourceFeed, type SourceItem, dateResult, emptyFeed, fromIso } from "./source.ts";
import { compact, decodeText, htmlToText } from "./html.ts";
import { rawText } from "./xmltext.ts";
import { ATOM_ENTRIES, sliceItems } from "./slices.ts";
import { escapeText } from "entities";

export const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
export const KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#";
/** Labels: categories of this scheme. */
export const LABEL_SCHEME = "http://www.blogger.com/atom/ns#";

/** The namespace of a newer export's own elements (`<blogger:type>`, `<blogger:filename>`…). */
export const BLOGGER_NS = "http://schemas.google.com/blogger/2018";

/** Whether `text` (well-formed XML with a `<feed>` root) is a Blogger export, older or newer, rather than a plain Atom feed. */
export function isBloggerExport(text: string): boolean {
  return text.includes(KIND_PREFIX) || text.includes(BLOGGER_NS);
}

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => (typeof entry === "object" && entry !== null ? (entry as Node) : { "#text": String(entry) }));
}

function text(value: unknown): string | undefined {
  const found = rawText(value);
  return found === undefined ? undefined : compact(found);
}

function attr(node: Node | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** The entry's kind (`post`, `page`, `comment`, `settings`, `template`, or another Blogger kind), from its kind category. */
export function entryKind(categories: readonly { scheme?: string; term?: string }[]): string | undefined {
  const term = categories.find((category) => category.scheme === KIND_SCHEME && category.term?.startsWith(KIND_PREFIX))?.term;
  return term?.slice(KIND_PREFIX.length) || undefined;
}

/** The labels of an entry, in order, each once. */
export function labelsOf(categories: readonly { scheme?: string; term?: string }[]): string[] {
  const labels = categories.filter((category) => category.scheme === LABEL_SCHEME).map((category) => decodeText(category.term ?? "").trim());
  return labels.filter((label, i) => label && labels.indexOf(label) === i);
}

/** `tag:blogger.com,1999:blog-123.post-456` → `456` (also `.page-456`, `.comment-456`); undefined for other ids. */
export function numericId(id: string | undefined): string | undefined {
  return /\.(?:post|page|comment)-(\d+)\s*$/.exec(id ?? "")?.[1];
}

/** `tag:blogger.com,1999:blog-123.post-456` → `123`. */
export function blogIdOf(id: string | undefined): string | undefined {
  return /:blog-(\d+)/.exec(id ?? "")?.[1];
}

/** The slug of an old Blogger address: `…/2008/06/red-hat-and-xen.html` → `red-hat-and-xen`, `…/p/about.html` → `about`. */
export function slugFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const last = pathname.split("/").filter(Boolean).pop();
  if (!last) return undefined;
  let name = last.replace(/\.html?$/i, "");
  try {
    name = decodeURIComponent(name);
  } catch {
    // Kept as written.
  }
  return name.trim() || undefined;
}

/** The comment a reply answers: the last segment of its `related` link (`…/comments/default/<id>`). */
export function parentOf(links: readonly { rel?: string; href?: string }[]): string | undefined {
  const href = links.find((link) => link.rel === "related")?.href;
  return href ? /\/comments\/default\/(\d+)\/?(?:[?#].*)?$/.exec(href.trim())?.[1] : undefined;
}

/** What Blogger puts in place of a deleted comment's text. */
const REMOVED_TEXT = /^\s*this (?:comment|post) has been removed by (?:the author|a blog administrator|the blog administrator)\.?\s*$/i;

/** Whether a comment was deleted on Blogger: its text is Blogger's notice, or the entry carries Blogger's marker. */
export function isRemovedComment(html: string, marked: boolean): boolean {
  return marked || REMOVED_TEXT.test(htmlToText(html));
}

/** Image hosts of Blogger: `blogger.googleusercontent.com`, `1.bp.blogspot.com`, `lh3.googleusercontent.com`… */
const IMAGE_HOST = /^(?:blogger\.googleusercontent\.com|(?:\d+\.)?bp\.blogspot\.com|lh\d+\.(?:googleusercontent|ggpht)\.com)$/i;
/** The size segment of a Blogger image address: `/s1600/`, `/s320/`, `/w640-h480/`, `/s1600-h/`. */
const SIZE_SEGMENT = /\/(?:s\d{2,5}(?:-[a-z]+)?|w\d{2,5}-h\d{2,5}(?:-[a-z]+)?)\/[^/]+$/i;

/** Whether `url` is an image on Blogger's image hosts, or has the shape of one (a size segment before the file name). */
export function isBloggerImage(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) return false;
    return IMAGE_HOST.test(parsed.hostname) || SIZE_SEGMENT.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** The hosts of the Blogger images `html` references (`src` and `href`), each once: their files are the blog's own. */
export function imageHostsIn(html: string): string[] {
  const hosts = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) {
    const url = match[1] ?? "";
    if (isBloggerImage(url)) hosts.add(new URL(url).hostname.toLowerCase());
  }
  return [...hosts];
}

/** A Blogger date (`2008-06-24T10:00:00.000-04:00`) in archive form, its offset kept: `2008-06-24T10:00:00-04:00`. */
export function bloggerDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return fromIso(value.trim().replace(/(T\d{2}:\d{2}:\d{2})\.\d+/, "$1"));
}

/** Whether the entry is a draft: `<app:control><app:draft>yes</app:draft>`, or a newer export's `<blogger:status>DRAFT`. */
function isDraft(entry: Node): boolean {
  const control = list(entry.control)[0];
  if ((text(control?.draft) ?? "").trim().toLowerCase() === "yes") return true;
  return (text(entry.status) ?? "").trim().toUpperCase() === "DRAFT";
}

/** Blogger's marker of a removed comment: `<gd:extendedProperty name="blogger.contentRemoved" value="true"/>` or `<blogger:contentRemoved>`. */
function removedMark(entry: Node): boolean {
  if (entry.contentRemoved !== undefined && (text(entry.contentRemoved) ?? "true").trim().toLowerCase() !== "false") return true;
  return list(entry.extendedProperty).some((property) => /contentremoved/i.test(attr(property, "name") ?? "") && (attr(property, "value") ?? "true").trim().toLowerCase() !== "false");
}

function categoriesOf(entry: Node): { scheme?: string; term?: string }[] {
  return list(entry.category).map((category) => ({ scheme: attr(category, "scheme"), term: attr(category, "term") }));
}

function linksOf(node: Node): { rel?: string; type?: string; href?: string }[] {
  return list(node.link).map((link) => ({ rel: attr(link, "rel"), type: attr(link, "type"), href: attr(link, "href") }));
}

/** The entry's address on the old blog: its `alternate` HTML link. */
function alternateOf(links: readonly { rel?: string; type?: string; href?: string }[]): string | undefined {
  return httpUrl(links.find((link) => (link.rel ?? "alternate") === "alternate" && (!link.type || link.type === "text/html"))?.href);
}

/** An Atom text construct: html and xhtml as plain text, text as it is. */
function plainText(node: unknown): string {
  const value = text(node) ?? "";
  const type = typeof node === "object" && node !== null ? attr(node as Node, "type") : undefined;
  return type === "html" || type === "xhtml" ? htmlToText(value) : decodeText(value);
}

/** An Atom content construct as HTML: text content escaped into paragraphs. */
function contentHtml(node: unknown): string {
  // A string of its own: a slice of the export would keep the whole export's text in memory.
  const value = compact(rawText(node) ?? "");
  const type = typeof node === "object" && node !== null ? attr(node as Node, "type") : undefined;
  if (type === "html" || type === "xhtml" || !value.trim()) return value.trim();
  const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim()}</p>`)
    .join("\n");
}

function authorOf(entry: Node): { name: string; uri?: string } {
  const author = list(entry.author)[0];
  return { name: decodeText(text(author?.name) ?? "").trim(), uri: httpUrl(text(author?.uri)) };
}

/** An old address without its scheme, `www.`, query and fragment: `http://x.blogspot.com/2008/06/a.html?showComment=1#c2` → `x.blogspot.com/2008/06/a.html`. */
export function addressKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol) || parsed.pathname === "/") return undefined;
    return `${parsed.hostname.toLowerCase().replace(/^www\./, "")}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** Why an entry of another kind is not imported. */
const NOT_CONTENT: Record<string, string> = {
  settings: "settings",
  template: "template",
};

/** Why an entry that is neither a post, a page nor a comment is not imported. */
export function skipReason(kind: string | undefined): string {
  if (kind === undefined) return "not a Blogger entry (no kind)";
  return Object.hasOwn(NOT_CONTENT, kind) ? (NOT_CONTENT[kind] ?? kind) : `unsupported kind (${kind})`;
}

/** A newer export's entry type (`<blogger:type>POST</blogger:type>`) as a kind: `post`, `page`, `comment`, or the type in lower case. */
export function typeKind(type: string | undefined): string | undefined {
  const value = type?.trim().toLowerCase();
  return value || undefined;
}

/**
 * Why a post or page is not imported, from its newer export's
 * `<blogger:status>`: undefined for `LIVE` (or none); `draft`, `scheduled`,
 * `trash` (`SOFT_TRASHED`), `deleted`; any other status is not taken for
 * published (`unknown status (…)`).
 */
export function statusSkip(status: string | undefined): string | undefined {
  const value = (status ?? "").trim().toUpperCase();
  if (value === "" || value === "LIVE" || value === "PUBLISHED") return undefined;
  if (value === "DRAFT") return "draft";
  if (value === "SCHEDULED") return "scheduled";
  if (/^(?:SOFT_)?TRASHED$/.test(value)) return "trash";
  if (value === "DELETED") return "deleted";
  return `unknown status (${value})`;
}

/** A comment's newer export status as the comments' own: `LIVE` approved, `DELETED` removed, spam, trash; any other pending. */
export function commentStatus(status: string | undefined): SourceComment["status"] {
  const value = (status ?? "").trim().toUpperCase();
  if (value === "" || value === "LIVE" || value === "PUBLISHED") return "approved";
  if (value === "DELETED" || value === "REMOVED") return "removed";
  if (/SPAM/.test(value)) return "spam";
  if (/TRASH/.test(value)) return "trash";
  return "pending";
}

/** A newer export's address of an entry (`<blogger:filename>/2019/05/foo.html`) as a root-relative path, or undefined. */
export function filenamePath(filename: string | undefined): string | undefined {
  const value = filename?.trim();
  if (!value) return undefined;
  try {
    // Full URLs are taken for their path; a bare name gets its leading slash.
    const url = new URL(value, "http://blogger.invalid/");
    return url.pathname === "/" ? undefined : url.pathname;
  } catch {
    return undefined;
  }
}

/**
 * The blog's address when the export does not give it: the origin most
 * links between its posts use, a link counting when its path is the old
 * address of one of the export's entries (`http://x.blogspot.com/2019/05/foo.html`
 * in a post, `/2019/05/foo.html` an entry's filename). Undefined when no
 * link names one.
 */
export function originFromLinks(htmls: Iterable<string>, paths: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const html of htmls) {
    for (const match of html.matchAll(/\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) {
      let url: URL;
      try {
        url = new URL(match[1] ?? "");
      } catch {
        continue;
      }
      if (!paths.has(url.pathname)) continue;
      const origin = `${url.protocol}//${url.host.toLowerCase()}`;
      counts.set(origin, (counts.get(origin) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [origin, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = origin;
  return best;
}

/** Labels of a newer export: categories of no scheme or of the blog's own (`tag:blogger.com,1999:blog-123`). */
function newLabelsOf(categories: readonly { scheme?: string; term?: string }[]): string[] {
  const labels = categories
    .filter((category) => category.scheme === undefined || category.scheme === LABEL_SCHEME || /^tag:blogger\.com,\d{4}:blog-/.test(category.scheme))
    .map((category) => decodeText(category.term ?? "").trim());
  return labels.filter((label, i) => label && labels.indexOf(label) === i);
}

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
  isArray: (name: string) => name === "entry" || name === "category" || name === "link" || name === "author" || name === "extendedProperty" || name === "parent",
};

/** Each entry slice parsed when its turn comes, so only one entry's tree is held at a time. */
function* entriesOf(slices: readonly string[], parse: (text: string) => Node): Generator<Node> {
  for (const slice of slices) yield* list(parse(slice).entry);
}

/** A post or page read before the blog's address is known: its newer export's old path. */
interface Pending {
  item: SourceItem;
  path: string;
}

/**
 * A Blogger export's posts and pages, their comments, and a skipped item for
 * every other entry. The export is read one entry at a time (src/import/slices.ts
 * finds them), so a big one is never one tree in memory; `sliced: false`
 * reads it as one tree, the same feed, for the tests to compare.
 */
export function parseBlogger(xml: string, file: string, options: { sliced?: boolean } = {}): SourceFeed {
  const parser = new XMLParser(PARSER_OPTIONS);
  const parse = (part: string): Node => {
    try {
      return parser.parse(part) as Node;
    } catch (error) {
      throw new ToolError(`${file}: cannot be read as a Blogger export: ${(error as Error).message}; nothing was imported`);
    }
  };
  const slices = options.sliced === false ? { rest: xml, items: [] } : sliceItems(xml, ATOM_ENTRIES);
  const doc = parse(slices.rest);
  const root = doc.feed as Node | undefined;
  if (!root || typeof root !== "object") throw new ToolError(`${file}: a Blogger export is an Atom <feed>; this one has none`);
  const given = alternateOf(linksOf(root));
  const feed = emptyFeed("blogger", plainText(root.title) || undefined, given);
  const blogId = blogIdOf(text(root.id));

  const items: SourceItem[] = [];
  const byRef = new Map<string, SourceItem>();
  const comments: { id?: string; refs: string[]; page?: string; uri?: string; comment: SourceComment }[] = [];
  // Posts by their old address, for comments that name their post only by it.
  const byAddress = new Map<string, SourceItem>();
  // Each post's author's profile, to tell the blog's own replies from readers'.
  const postAuthors = new Map<SourceItem, string>();
  const authors = new Set<string>();
  // Posts and pages known by their newer export's path only, given their address once the blog's is known.
  const pending: Pending[] = [];
  const entries = slices.items.length ? entriesOf(slices.items, parse) : list(root.entry);
  let n = -1;
  for (const entry of entries) {
    n++;
    const id = text(entry.id)?.trim() || undefined;
    const categories = categoriesOf(entry);
    const type = text(entry.type);
    const kind = entryKind(categories) ?? typeKind(type);
    const links = linksOf(entry);
    const link = alternateOf(links);
    const title = plainText(entry.title);
    const rawPublished = text(entry.published) ?? text(entry.created) ?? text(entry.updated);
    const published = bloggerDate(rawPublished);
    const author = authorOf(entry);
    const html = contentHtml(entry.content);
    const key = id ?? `blogger:${blogId ?? ""}:entry-${n + 1}`;
    const base = {
      key,
      legacyKeys: [],
      guid: id,
      title,
      link,
      date: dateResult(published, rawPublished),
      creators: author.name ? [author.name] : [],
      categories: [],
      html: "",
      draft: false,
      comments: [],
      embeds: [],
      file,
    } satisfies Omit<SourceItem, "kind">;

    if (kind === "comment") {
      const reply = list(entry["in-reply-to"])[0];
      const refs = [attr(reply, "ref")?.trim(), ...list(entry.parent).map((parent) => text(parent)?.trim())].filter((ref): ref is string => Boolean(ref));
      const marked = removedMark(entry);
      const status = entry.status === undefined ? "approved" : commentStatus(text(entry.status));
      comments.push({
        id,
        refs,
        page: attr(reply, "href") ?? link,
        uri: author.uri,
        comment: {
          id: numericId(id) ?? id ?? `${n + 1}`,
          author: author.name,
          url: author.uri,
          date: dateResult(published, rawPublished),
          parent: parentOf(links),
          type: "comment",
          status: isRemovedComment(html, marked) ? "removed" : status,
          registered: false,
          html,
        },
      });
      continue;
    }
    if (kind === "post" || kind === "page") {
      const updated = bloggerDate(text(entry.updated));
      const path = link ? undefined : filenamePath(text(entry.filename));
      const description = text(entry.metaDescription)?.trim();
      const item: SourceItem = {
        ...base,
        kind,
        skip: isDraft(entry) ? "draft" : statusSkip(text(entry.status)),
        postId: numericId(id),
        categories: kind === "post" ? (type === undefined ? labelsOf(categories) : newLabelsOf(categories)) : [],
        creators: author.name ? [author.name] : [],
        login: author.name || undefined,
        html,
        base: link ?? given,
        slug: slugFromUrl(link) ?? (path ? slugFromUrl(`http://blogger.invalid${path}`) : undefined),
        ...(description ? { excerptHtml: escapeText(decodeText(description)) } : {}),
        ...(updated && updated !== published ? { updated } : {}),
      };
      if (author.name && !authors.has(author.name)) {
        authors.add(author.name);
        feed.authors.push({ login: author.name, name: author.name });
      }
      postAuthors.set(item, author.uri ?? "");
      items.push(item);
      if (id) byRef.set(id, item);
      if (path) pending.push({ item, path });
      const address = addressKey(link);
      if (address && !byAddress.has(address)) byAddress.set(address, item);
      continue;
    }
    items.push({ ...base, kind: "post", sourceKind: kind ?? "entry", skip: skipReason(kind) });
  }

  // The blog's address: the feed's own link, else the origin of its posts' own addresses, else the one the posts' links to each other use, else none.
  let site = given;
  if (!site && items.some((item) => !item.sourceKind)) {
    const own = items.find((item) => item.link)?.link;
    const inferred = own ? new URL(own).origin : pending.length ? originFromLinks(items.map((item) => item.html), new Set(pending.map((entry) => entry.path))) : undefined;
    if (inferred) {
      site = `${inferred}/`;
      feed.notices = [`the export does not give the blog's address; taken as ${inferred} from ${own ? "its posts' own addresses" : "the links between its posts"}`];
    } else if (pending.length) {
      feed.notices = [
        "the export does not give the blog's address: old addresses become aliases by their path, but the posts get no original_url and nothing is added to old_origins",
      ];
    }
  }
  feed.site = site;
  for (const { item, path } of pending) {
    if (site) {
      item.link = new URL(path, site).href;
      item.base = item.link;
      const address = addressKey(item.link);
      if (address && !byAddress.has(address)) byAddress.set(address, item);
    } else {
      item.aliases = [path];
      item.noOriginal = true;
    }
  }
  const hosts = new Set<string>();
  for (const item of items) if ((item.kind === "post" || item.kind === "page") && !item.skip && !item.sourceKind) for (const host of imageHostsIn(item.html)) hosts.add(host);

  // Comments by their own id: a newer export's reply names the comment it answers as its parent.
  const commentsById = new Map<string, (typeof comments)[number]>();
  for (const entry of comments) if (entry.id && !commentsById.has(entry.id)) commentsById.set(entry.id, entry);
  const postOf = (entry: (typeof comments)[number], seen = new Set<string>()): SourceItem | undefined => {
    for (const ref of entry.refs) {
      const post = byRef.get(ref);
      if (post) return post;
    }
    for (const ref of entry.refs) {
      const parent = commentsById.get(ref);
      if (parent && !seen.has(ref)) {
        seen.add(ref);
        const post = postOf(parent, seen);
        if (post) return post;
      }
    }
    const address = addressKey(entry.page);
    return !entry.refs.length && address ? byAddress.get(address) : undefined;
  };
  const left = new Map<string, number>();
  for (const entry of comments) {
    const { uri, comment } = entry;
    const post = postOf(entry);
    if (!post) {
      left.set("on a post not in the export", (left.get("on a post not in the export") ?? 0) + 1);
      continue;
    }
    const parentComment = entry.refs.map((ref) => commentsById.get(ref)).find((parent) => parent !== undefined && parent !== entry);
    if (comment.parent === undefined && parentComment) comment.parent = parentComment.comment.id;
    // A reply by the post's own author (same profile) is the blog's, not a stranger's.
    comment.registered = Boolean(uri) && uri === postAuthors.get(post);
    post.comments.push(comment);
  }
  feed.items = items;
  if (left.size) feed.commentsLeft = left;
  if (hosts.size) feed.mediaHosts = [...hosts];
  return feed;
}
