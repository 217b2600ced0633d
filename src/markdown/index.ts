/**
 * The project's one markdown-it configuration: posts, pages and excerpts
 * all render through `createMarkdown()`, so they cannot drift apart.
 *
 * - raw HTML passes through, bare URLs become links, typographic quotes and
 *   dashes (`"a"` → “a”, `--` → –, `---` → —);
 * - headings get ids from the project's `slugify`, unique within a document,
 *   and an accessible permalink;
 * - footnotes, tables (column alignment as a class, see `table-align.ts`),
 *   the `::: reply Name` container;
 * - code blocks and tables focusable, so they scroll by keyboard too
 *   (see `scroll-focus.ts`);
 * - fenced code highlighted by Prism at build time (see `highlight.ts`);
 * - `rel="noopener"` on links to other hosts (see `external-links.ts`);
 * - nesting past markdown-it's limit noted for the loader (see `nesting.ts`).
 *
 * Other modules add rules through the `plugins` option, applied last.
 */
import MarkdownItConstructor, { type Env, type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { slugify } from "../slug.ts";
import { externalLinks } from "./external-links.ts";
import { highlight } from "./highlight.ts";
import { nestingGuard } from "./nesting.ts";
import { replyContainer } from "./reply.ts";
import { scrollFocus } from "./scroll-focus.ts";
import { tableAlignClasses } from "./table-align.ts";

/** A markdown-it plugin with its options already bound. */
export type MarkdownPlugin = (md: MarkdownIt) => void;

export interface MarkdownOptions {
  /** Let raw HTML in posts through. */
  html: boolean;
  /** Turn bare URLs into links. */
  linkify: boolean;
  /** Typographic quotes and dashes. */
  typographer: boolean;
  /** Highlight fenced code with Prism; off gives markdown-it's plain `<pre><code>`. */
  highlight: boolean;
  /** Extra plugins, applied in order after the built-in ones. */
  plugins: readonly MarkdownPlugin[];
}

export const DEFAULTS: MarkdownOptions = Object.freeze({
  html: true,
  linkify: true,
  typographer: true,
  highlight: true,
  plugins: Object.freeze([]),
});

/** Id for a heading whose text has nothing to slug (`## ???`, an emoji). */
const FALLBACK_SLUG = "section";

export function createMarkdown(options: Partial<MarkdownOptions> = {}): MarkdownIt {
  // Field by field, so that an explicit `undefined` also means "default".
  const settings: MarkdownOptions = {
    html: options.html ?? DEFAULTS.html,
    linkify: options.linkify ?? DEFAULTS.linkify,
    typographer: options.typographer ?? DEFAULTS.typographer,
    highlight: options.highlight ?? DEFAULTS.highlight,
    plugins: options.plugins ?? DEFAULTS.plugins,
  };

  const md = new MarkdownItConstructor({
    html: settings.html,
    linkify: settings.linkify,
    typographer: settings.typographer,
  });
  if (settings.highlight) md.set({ highlight });

  md.use(anchor, {
    slugify: (title) => slugify(title) || FALLBACK_SLUG,
    // No `tabindex="-1"` on every heading: current browsers move the
    // sequential focus starting point to a fragment target without it.
    tabIndex: false,
    // The permalink follows the heading instead of living inside it:
    // - inside the heading (`linkInsideHeader`), its text would become part
    //   of the heading's accessible name, which screen readers list;
    // - wrapping the heading text (`headerLink`) nests links when a heading
    //   holds a link or a footnote reference, which old posts do.
    // After the heading, the link is a separate, small `#` whose accessible
    // name says where it points; the visible `#` is hidden from assistive
    // technology. The wrapper lets CSS put the `#` beside the heading.
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title) => `Permalink to “${title}”`,
      visuallyHiddenClass: "visually-hidden",
      wrapper: ['<div class="heading-wrapper">', "</div>"],
    }),
  });
  md.use(footnote);
  md.use(tableAlignClasses);
  md.use(scrollFocus);
  md.use(replyContainer);
  md.use(externalLinks);
  md.use(nestingGuard);
  isolateDocumentState(md);

  for (const plugin of settings.plugins) plugin(md);
  return md;
}

/**
 * `env` properties in which plugins keep the state of the document being
 * parsed: markdown-it-footnote's definitions and markdown-it-anchor's slugs.
 */
const DOCUMENT_STATE = new Set<PropertyKey>(["footnotes", "markdownItAnchor"]);

/**
 * Make every `parse` (hence `render`) call a document of its own.
 *
 * Eleventy passes a page's data object as `env`, and the footnote and anchor
 * plugins keep their state in `env`; if the same object reaches a second
 * render, footnotes are repeated and every id gets a `-1` suffix. The
 * plugins' keys are therefore held per call, on a view of `env` that passes
 * every other property through, so rules may still read and write the
 * caller's `env`, and the caller's data is not modified by these plugins.
 */
function isolateDocumentState(md: MarkdownIt): void {
  const parse = md.parse.bind(md);
  const parseInline = md.parseInline.bind(md);
  md.parse = (src, env) => parse(src, documentEnv(env));
  md.parseInline = (src, env) => parseInline(src, documentEnv(env));
}

function documentEnv(env: Env | undefined): Env {
  const target: Env = typeof env === "object" && env !== null ? env : {};
  const state = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get: (obj, key, receiver) =>
      DOCUMENT_STATE.has(key) ? state.get(key) : Reflect.get(obj, key, receiver),
    set: (obj, key, value, receiver) => {
      if (!DOCUMENT_STATE.has(key)) return Reflect.set(obj, key, value, receiver);
      state.set(key, value);
      return true;
    },
    has: (obj, key) => (DOCUMENT_STATE.has(key) ? state.has(key) : Reflect.has(obj, key)),
    deleteProperty: (obj, key) =>
      DOCUMENT_STATE.has(key) ? (state.delete(key), true) : Reflect.deleteProperty(obj, key),
  });
}
