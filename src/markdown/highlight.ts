/**
 * Build-time syntax highlighting with Prism: fenced code is tokenised once,
 * here, and the site ships no highlighting script.
 *
 * Output for a fence with a language `x`, known to Prism or not:
 *
 *   <pre class="language-x"><code class="language-x">…</code></pre>
 *
 * where `x` is the fence's language as written, lower-cased. An unknown
 * language gives the same shape holding plain escaped text. A fence with no
 * language is left to markdown-it's default `<pre><code>…</code></pre>`.
 */
import Prism from "prismjs";
import components from "prismjs/components.js";
import loadLanguages from "prismjs/components/index.js";

// An unknown language is expected input (old posts use all sorts of fence
// labels), not something to warn about on every build.
loadLanguages.silent = true;

/**
 * Prism's language ids and aliases (`js`, `sh`, `yml`, `hbs`, …) → language
 * id. Prism hooks compare the language with its id, so `hbs` must be
 * highlighted as `handlebars`; and a name not in here is not worth a load.
 */
const languageIds = new Map<string, string>();
for (const [id, meta] of Object.entries(components.languages)) {
  if (id === "meta") continue;
  languageIds.set(id, id);
  const alias: unknown = (meta as { alias?: unknown }).alias;
  for (const name of Array.isArray(alias) ? alias : [alias]) {
    if (typeof name === "string") languageIds.set(name, id);
  }
}

/**
 * The grammar for `lang` (an id or an alias), loading its Prism component
 * and dependencies on first use; `undefined` if Prism has no such language.
 */
function grammarFor(lang: string): Prism.Grammar | undefined {
  const loaded = ownGrammar(lang);
  if (loaded) return loaded;
  const id = languageIds.get(lang);
  if (id === undefined) return undefined;
  loadLanguages(id);
  // Components register their aliases themselves (`Prism.languages.ts = …`);
  // fall back to the id in case one does not.
  return ownGrammar(lang) ?? ownGrammar(id);
}

/**
 * `Prism.languages[lang]` if that is a grammar. `Prism.languages` also holds
 * functions (`extend`, `insertBefore`, `DFS`) and inherits `toString` & co.,
 * which a fence label must not reach.
 */
function ownGrammar(lang: string): Prism.Grammar | undefined {
  if (!Object.hasOwn(Prism.languages, lang)) return undefined;
  const grammar: unknown = Prism.languages[lang];
  return typeof grammar === "object" && grammar !== null ? (grammar as Prism.Grammar) : undefined;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Highlighted output keyed by language and code. Archives repeat the same
 * snippets (install commands, config blocks) across many posts, and each is
 * tokenised once. Module-wide, since the output depends on nothing but the
 * key; unknown languages are cached too, saving the lookup.
 */
const cache = new Map<string, string>();

/** Read-only view of the highlight cache, for tests and diagnostics. */
export const highlightCache: ReadonlyMap<string, string> = cache;

/**
 * A `highlight` function for markdown-it's options. Returns the whole
 * `<pre>` element (markdown-it then uses it as is), or `""` for a fence with
 * no language so that markdown-it escapes it and renders its default.
 */
export function highlight(code: string, lang: string): string {
  const name = lang.trim().toLowerCase();
  if (name === "") return "";

  const key = `${name}\u0000${code}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const grammar = grammarFor(name);
  const body = grammar
    ? Prism.highlight(code, grammar, languageIds.get(name) ?? name)
    : escapeHtml(code);
  const cls = `language-${escapeHtml(name)}`;
  const html = `<pre class="${cls}"><code class="${cls}">${body}</code></pre>`;
  cache.set(key, html);
  return html;
}
