/**
 * The dev server's quick rebuild. When the only files saved since the last
 * build are posts whose front matter says what it said (the writer changed
 * their text, not their title, tags, date or anything else other pages
 * show), those posts are read and rendered again inside the loaded
 * archive, in place, instead of loading the whole archive again. What else
 * shows their text follows them: the "Linked from" lists of the posts they
 * link to, with the sentence around each link.
 *
 * A new title or summary is a quick change too: every page that links to
 * the post shows it, and the caller writes those again (it knows them from
 * the last full build, src/dev/linkedpages.ts).
 *
 * Anything more is not a quick change, and the caller loads everything: a
 * new or deleted post, a changed date, tag or author, a data or comments
 * file, a new problem to report, a new link into the site that needs
 * checking, an image the post did not show before.
 * The reason is returned, for the dev server's log.
 *
 * Related posts are scored from the words and titles of every post: a
 * quick rebuild keeps the lists of the last full load (the next one, or
 * `npm run build`, scores the new words).
 */
import type { Post, Archive } from "./model.ts";
import { comparePosts } from "./model.ts";
import { type LinkGraph, type LoadOptions, postSchemas, readPost, renderPost } from "./load.ts";
import { decodeUtf8 } from "./source.ts";
import { OldAddresses } from "../redirects/oldlinks.ts";
import type { LinkSnippet } from "../backlinks/context.ts";
import type { Problem } from "../types.ts";

/** A saved post: its source path (relative to the project root) and its bytes. */
export interface SavedPost {
  source: string;
  bytes: Buffer;
}

/** The posts' own files and images (src/media/site.ts), as a quick rebuild uses them. */
export interface QuickMedia {
  /** Broken references to posts' files found so far, and root-relative images (checked with the site's links). */
  readonly problems: readonly unknown[];
  readonly siteLinks: readonly unknown[];
  /** The files of its folder `post` shows as images. */
  imagesOf(post: Post): string[];
  /** Puts the (cached) images of `posts` into their HTML. */
  render(posts: readonly Post[]): Promise<void>;
}

export interface QuickOptions extends LoadOptions {
  media: QuickMedia;
}

/**
 * The posts brought up to date, and the sources of the posts whose "Linked
 * from" lists changed. `text`: only their text changed; `title`: their
 * title or summary too, which the pages linking to them show.
 */
export interface QuickUpdate {
  kind: "text" | "title";
  posts: Post[];
  linked: string[];
}

/** Why a change needs the whole archive loaded. */
export interface NotQuick {
  reason: string;
}

/**
 * The front matter and derived fields other pages show or are built from;
 * a quick change leaves all of them as they were, but the title and the
 * summary when `withTitle` is false.
 */
function shown(post: Post, withTitle = true): string {
  return JSON.stringify([
    withTitle ? post.title : "", withTitle ? post.summary ?? null : "",
    post.url, post.blog, post.slug, post.date, post.updated ?? null, post.order, post.authors,
    post.tags.map((tag) => [tag.slug, tag.name]), post.aliases, post.related, post.seeAlso,
    post.draft, post.series ?? null, post.part ?? null, post.original ?? null, post.preserved,
  ]);
}

const sameProblem = (a: Problem, b: Problem) => a.file === b.file && a.field === b.field && a.message === b.message && a.severity === b.severity;

/** The site links of a post, without their lines (text above them may have moved them). */
const linkKey = (links: readonly { href: string; written?: string }[]) => JSON.stringify(links.map((l) => [l.href, l.written ?? null]));

/** The sources of the posts `post` links to (its entries in the archive's "Linked from" lists). */
function linkedFrom(archive: Archive, post: Post): Set<string> {
  const targets = new Set<string>();
  // One pass over the lists per saved post, not per page.
  for (const [target, sources] of archive.backlinks) if (sources.includes(post)) targets.add(target);
  for (const [target, snippets] of archive.backlinkSnippets ?? []) if (snippets.has(post.source)) targets.add(target);
  return targets;
}

interface Rendered {
  old: Post;
  fresh: Post;
  graph: LinkGraph;
}

/**
 * Reads and renders `saved` again in `archive`, in place, when every one of
 * them is a quick change; else changes nothing and says why.
 */
export async function reloadBodies(archive: Archive, saved: readonly SavedPost[], options: QuickOptions): Promise<QuickUpdate | NotQuick> {
  if (saved.length === 0) return { reason: "nothing saved" };
  const schemaFor = postSchemas();
  const rendered: Rendered[] = [];
  for (const { source, bytes } of saved) {
    const old = archive.bySource.get(source);
    if (!old) return { reason: `${source} is a new post` };
    const decoded = decodeUtf8(bytes, source);
    if (decoded.text === undefined) return { reason: `${source} is not UTF-8` };
    const problems: Problem[] = [];
    const fresh = readPost(source, decoded.text, options, archive, schemaFor, problems);
    if (!fresh) return { reason: `${source} has problems to report` };
    const graph: LinkGraph = {
      bySource: archive.bySource,
      backlinks: new Map(),
      snippets: new Map(),
      siteLinks: [],
      oldAddresses: archive.oldAddresses ?? new OldAddresses([]),
      oldWarned: new Set(),
    };
    const { media } = options;
    const before = { problems: media.problems.length, siteLinks: media.siteLinks.length, images: new Set(media.imagesOf(old)) };
    renderPost(fresh, { ...options, locale: options.locale ?? archive.site.language }, graph, problems, archive.site.url, archive.comments);
    if (media.problems.length > before.problems || media.siteLinks.length > before.siteLinks) return { reason: `${source} refers to files to check` };
    // The images the last full build made and published are the ones it can show.
    const images = media.imagesOf(fresh);
    if (images.some((name) => !before.images.has(name))) return { reason: `${source} shows an image it did not show before` };
    if (images.length) await media.render([fresh]);
    if (media.problems.length > before.problems) return { reason: `${source} refers to files to check` };
    // Only the warnings the archive already reports (a file name that is not a slug, say).
    if (problems.some((p) => p.severity === "error" || !archive.warnings.some((w) => sameProblem(w, p)))) return { reason: `${source} has problems to report` };
    if (shown(fresh, false) !== shown(old, false)) return { reason: `${source}: more than its text, title or summary changed` };
    if (linkKey(graph.siteLinks) !== linkKey(archive.siteLinks.filter((link) => link.source === source))) return { reason: `${source} has new links into the site to check` };
    rendered.push({ old, fresh, graph });
  }

  const kind = rendered.every(({ old, fresh }) => shown(old) === shown(fresh)) ? "text" : "title";
  const linked = new Set<string>();
  const backlinks = new Map(archive.backlinks);
  const snippets = new Map(archive.backlinkSnippets ?? []);
  const siteLinks = [...archive.siteLinks];
  for (const { old, fresh, graph } of rendered) {
    const before = linkedFrom(archive, old);
    const after = new Set(graph.backlinks.keys());
    old.body = fresh.body;
    old.bodyLine = fresh.bodyLine;
    old.html = fresh.html;
    old.lines = fresh.lines;
    old.title = fresh.title;
    old.summary = fresh.summary;
    for (const target of new Set([...before, ...after])) {
      const list = (backlinks.get(target) ?? []).filter((post) => post !== old);
      // Drafts link to others but appear in no list (as in a full load).
      if (after.has(target) && !old.draft) list.push(old);
      if (list.length) backlinks.set(target, list.sort(comparePosts).reverse());
      else backlinks.delete(target);
      const around = new Map<string, LinkSnippet>(snippets.get(target) ?? []);
      around.delete(old.source);
      const snippet = graph.snippets?.get(target)?.get(old.source);
      if (snippet) around.set(old.source, snippet);
      snippets.set(target, around);
      linked.add(target);
    }
    // Its replies citing comments: the pages of the posts holding those comments say where they were answered.
    for (const cited of archive.comments.replaceCitations(fresh, old)) linked.add(cited);
    for (let i = siteLinks.length - 1; i >= 0; i--) if (siteLinks[i]?.source === old.source) siteLinks.splice(i, 1);
    siteLinks.push(...graph.siteLinks);
  }
  archive.backlinks = backlinks;
  archive.backlinkSnippets = snippets;
  archive.siteLinks = siteLinks;
  return { kind, posts: rendered.map(({ old }) => old), linked: [...linked] };
}
