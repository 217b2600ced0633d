/**
 * `::: reply Name <target>` citing a comment: the resolver the content
 * loader hands to the markdown (`env.citeComment`, src/markdown/reply.ts).
 * A target is `#comment-<id>` (a comment on the post itself) or
 * `<post>.md#comment-<id>` (relative to the post, or from the project root,
 * like any link to a post). One that names no comment fails the build like
 * a broken link; one that resolves is recorded for the comment's
 * "Answered in" link back.
 */
import { markdownTarget, splitHref } from "../content/links.ts";
import type { Post } from "../content/model.ts";
import type { CitationLink, ReplyEnv } from "../markdown/reply.ts";
import type { Problem } from "../types.ts";
import { type CommentIndex, commentAnchor } from "./model.ts";

export interface CiteOptions {
  index: CommentIndex;
  bySource: ReadonlyMap<string, Post>;
  /** Whether drafts are built (a published post may not cite a comment on a draft otherwise). */
  includeDrafts: boolean;
  problems: Problem[];
}

/** The `citeComment` of `post`'s render environment. */
export function citeCommentIn(post: Post, options: CiteOptions): NonNullable<ReplyEnv["citeComment"]> {
  return (target, line, anchor): CitationLink | undefined => {
    const { path, suffix } = splitHref(target);
    const id = suffix.slice("#comment-".length);
    const fail = (why: string) => {
      options.problems.push({
        file: post.source,
        line: line === null ? post.bodyLine : post.bodyLine + line,
        field: "(reply)",
        message: `→ ${target}: ${why}`,
        severity: "error",
      });
      return undefined;
    };
    let cited: Post | undefined = post;
    if (path !== "") {
      const source = markdownTarget(path, post.source);
      cited = source === undefined ? undefined : options.bySource.get(source);
      if (!cited) return fail("no such post (cite a comment as #comment-<id> or <post>.md#comment-<id>)");
      if (cited.draft && !options.includeDrafts && !post.draft) return fail("that post is a draft");
    }
    const comments = options.index.of(cited);
    const comment = comments?.byId.get(id);
    if (!comment) {
      const where = cited === post ? "this post" : cited.source;
      return fail(comments ? `${where} has no comment with the id "${id}" (see ${comments.file})` : `${where} has no comments`);
    }
    options.index.cite(comment, { post, anchor });
    return cited === post
      ? { href: `#${commentAnchor(id)}`, label: "a comment below" }
      : { href: `${cited.url}#${commentAnchor(id)}`, label: `a comment on “${cited.title}”` };
  };
}
