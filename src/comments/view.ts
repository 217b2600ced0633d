/**
 * What the article page shows of a post's comments: the thread, nested by
 * `parent`, and apart from it the pingbacks and trackbacks ("Mentioned
 * elsewhere"). Built from one post's comments only, when its page renders.
 */
import { formatArchiveDate } from "../dates.ts";
import type { Archive, Post } from "../content/model.ts";
import { summed } from "../timings.ts";
import { renderComment } from "./markdown.ts";
import { type Comment, type CommentIndex, authorLink, commentAnchor, displayName } from "./model.ts";

export interface CommentsOptions {
  /**
   * Levels of nesting shown. Replies deeper than this are shown at the
   * last level, each saying whom it answers (as WordPress does), so that a
   * long back-and-forth stays readable on a phone.
   */
  maxDepth: number;
}

export const DEFAULTS: CommentsOptions = Object.freeze({ maxDepth: 6 });

export interface CommentView {
  anchor: string;
  author: string;
  /** An http(s) URL of the author's site, else undefined (the name is not linked). */
  url?: string;
  datetime: string;
  date: string;
  /** The author's identity was not confirmed. */
  unverified: boolean;
  /** Rendered body (src/comments/markdown.ts). */
  html: string;
  /** Set when the comment is not shown under the one it answers. */
  inReplyTo?: { anchor: string; author: string };
  /** Posts that quote this comment, each linking to its quotation. */
  answeredIn: { title: string; url: string }[];
  replies: CommentView[];
}

export interface MentionView {
  anchor: string;
  /** The linking site's name (the entry's `author`). */
  title: string;
  url?: string;
  kind: "pingback" | "trackback";
  datetime: string;
  date: string;
  html: string;
}

export interface CommentsView {
  /** Number of comments (pingbacks and trackbacks not counted). */
  count: number;
  /** "3 comments". */
  heading: string;
  thread: CommentView[];
  mentions: MentionView[];
  /** Whether the search index reads the comments (`search_comments` in `_data/site.yaml`). */
  searchable: boolean;
}

/**
 * Human dates of comments, by `datetime` and locale: a thread's comments
 * share few distinct days, and formatting one costs more than the rest of
 * its view.
 */
const dates = new Map<string, string>();
function commentDate(date: Comment["date"], locale: string): string {
  const key = `${locale} ${date.datetime}`;
  let text = dates.get(key);
  if (text === undefined) {
    if (dates.size > 10_000) dates.clear();
    dates.set(key, (text = formatArchiveDate(date, locale)));
  }
  return text;
}

/** "1 comment", "2,000 comments". */
export function commentCountText(count: number, locale = "en"): string {
  return `${count.toLocaleString(locale)} ${count === 1 ? "comment" : "comments"}`;
}

/** The post's comment count and where they are on its page, for meta lines and lists; undefined for none. */
export function commentCount(index: CommentIndex, post: Post, locale = "en"): { count: number; text: string; url: string } | undefined {
  const count = index.count(post);
  return count === 0 ? undefined : { count, text: commentCountText(count, locale), url: `${post.url}#comments` };
}

/** The comments section of `post`'s page, or undefined when it has none. */
export function commentsView(archive: Pick<Archive, "comments" | "site">, post: Post, options: Partial<CommentsOptions> = {}): CommentsView | undefined {
  const comments = archive.comments.of(post);
  if (!comments) return undefined;
  return summed("comments", () => {
    const maxDepth = Math.max(1, options.maxDepth ?? DEFAULTS.maxDepth);
    const locale = archive.site.language;
    const views = new Map<Comment, CommentView>();
    const thread: CommentView[] = [];
    const mentions: MentionView[] = [];
    for (const comment of comments.all) {
      const base = {
        anchor: commentAnchor(comment.id),
        url: authorLink(comment.url),
        datetime: comment.date.datetime,
        date: commentDate(comment.date, locale),
        html: renderComment(comment).html,
      };
      if (comment.type !== "comment") {
        mentions.push({ ...base, title: displayName(comment), kind: comment.type });
        continue;
      }
      views.set(comment, {
        ...base,
        author: displayName(comment),
        unverified: comment.verified === false,
        answeredIn: archive.comments.citationsOf(comment).map((c) => ({ title: c.post.title, url: `${c.post.url}#${c.anchor}` })),
        replies: [],
      });
    }

    // Depth of each comment in the thread: 0 at the top (no parent, or a parent that is a pingback).
    const depth = new Map<Comment, number>();
    const depthOf = (start: Comment): number => {
      const chain: Comment[] = [];
      let current: Comment | undefined = start;
      let known = -1;
      while (current) {
        const d = depth.get(current);
        if (d !== undefined) {
          known = d;
          break;
        }
        chain.push(current);
        const parent: Comment | undefined = current.parent === undefined ? undefined : comments.byId.get(current.parent);
        current = parent && parent.type === "comment" ? parent : undefined;
      }
      for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++known);
      return depth.get(start) ?? 0;
    };

    for (const comment of comments.all) {
      const view = views.get(comment);
      if (!view) continue;
      const parent = comment.parent === undefined ? undefined : comments.byId.get(comment.parent);
      if (!parent) {
        thread.push(view);
        continue;
      }
      if (parent.type !== "comment") {
        view.inReplyTo = { anchor: commentAnchor(parent.id), author: displayName(parent) };
        thread.push(view);
        continue;
      }
      // Under the parent, or under its ancestor on the last level shown.
      let host: Comment = parent;
      while (depthOf(host) > maxDepth - 2 && host.parent !== undefined) {
        host = comments.byId.get(host.parent) ?? host;
        if (host.type !== "comment") break;
      }
      if (host !== parent) view.inReplyTo = { anchor: commentAnchor(parent.id), author: displayName(parent) };
      const hostView = views.get(host);
      if (hostView) hostView.replies.push(view);
      else thread.push(view);
    }
    return {
      count: comments.count,
      heading: commentCountText(comments.count, locale),
      thread,
      mentions,
      searchable: archive.site.search_comments === true,
    };
  });
}
