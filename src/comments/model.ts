/**
 * The comments of the archive, indexed once per build by the post they
 * belong to. A page looks its post's comments up here (a map lookup); a post
 * without comments costs nothing. Also holds who cites which comment
 * (`::: reply Name <target>`), for the cited comment's "Answered in" links.
 */
import type { ArchiveDate } from "../dates.ts";
import type { Post } from "../content/model.ts";
import type { CommentType } from "../schema/comments.ts";

export interface Comment {
  id: string;
  /** As written, trimmed; `""` when unknown (shown as "Anonymous"). */
  author: string;
  /** The author's site as given, if any; only an http(s) one is ever linked (see `authorLink`). */
  url?: string;
  date: ArchiveDate;
  /** Id of the comment this one answers, in the same file. */
  parent?: string;
  type: CommentType;
  /** `false`: the author's identity was not confirmed. */
  verified?: boolean;
  /** Markdown, rendered with raw HTML off (src/comments/markdown.ts). */
  body: string;
}

export interface PostComments {
  /** The comments file, relative to the project root. */
  file: string;
  /** Every entry, in file order (oldest first): comments, pingbacks and trackbacks. */
  all: readonly Comment[];
  byId: ReadonlyMap<string, Comment>;
  /** Entries of type `comment` (what the counts count). */
  count: number;
}

/** A `::: reply` block of a post that cites a comment. */
export interface Citation {
  post: Post;
  /** Id of the citing `<figure>` in the post's page. */
  anchor: string;
}

export class CommentIndex {
  readonly #byPost: ReadonlyMap<string, PostComments>;
  readonly #citations = new Map<Comment, Citation[]>();

  constructor(byPost: ReadonlyMap<string, PostComments> = new Map()) {
    this.#byPost = byPost;
  }

  /** The comments of `post` (by its source path), or undefined when it has none. */
  of(post: Pick<Post, "source">): PostComments | undefined {
    return this.#byPost.get(post.source);
  }

  /** Number of comments of `post` (pingbacks and trackbacks not counted). */
  count(post: Pick<Post, "source">): number {
    return this.#byPost.get(post.source)?.count ?? 0;
  }

  /** Record that `citation` quotes `comment`. */
  cite(comment: Comment, citation: Citation): void {
    let list = this.#citations.get(comment);
    if (!list) this.#citations.set(comment, (list = []));
    list.push(citation);
  }

  /**
   * For a post rendered again in place (\`npm start\`'s quick rebuild): the
   * citations made by \`from\` become \`to\`'s, those \`to\` made before are
   * dropped. The sources of the posts whose comments either cited.
   */
  replaceCitations(from: Post, to: Post): string[] {
    const touched = new Set<Comment>();
    for (const [comment, list] of this.#citations) {
      const kept = list.filter((citation) => citation.post !== to);
      for (const citation of kept) if (citation.post === from) citation.post = to;
      if (kept.length !== list.length || kept.some((citation) => citation.post === to)) touched.add(comment);
      if (kept.length) this.#citations.set(comment, kept);
      else this.#citations.delete(comment);
    }
    const sources: string[] = [];
    for (const [source, comments] of this.#byPost) {
      if ([...touched].some((comment) => comments.byId.get(comment.id) === comment)) sources.push(source);
    }
    return sources;
  }

  /** The published posts citing `comment`, each once (its first citation), newest first. */
  citationsOf(comment: Comment): Citation[] {
    const list = this.#citations.get(comment);
    if (!list) return [];
    const seen = new Set<Post>();
    return list
      .filter((c) => !c.post.draft && !seen.has(c.post) && seen.add(c.post))
      .sort((a, b) => b.post.date.start - a.post.date.start);
  }
}

/** The name to show: "Anonymous" when the source had none. */
export function displayName(comment: Pick<Comment, "author">): string {
  return comment.author || "Anonymous";
}

/**
 * The author's URL when it may be a link: an absolute http(s) URL, written
 * out in its normalised form. Anything else (`javascript:`, `data:`, a bare
 * `www.example.com`) is not linked.
 */
export function authorLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `comment-3`: the comment's HTML id and URL fragment. */
export function commentAnchor(id: string): string {
  return `comment-${id}`;
}
