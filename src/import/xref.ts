/**
 * Links between the items of an import. Each item's old addresses — its
 * permalink's path, `/?p=12`, `/?page_id=7`, `/archives/12`, its guid — are
 * indexed once; a link in a body that names one of them (on the old site's
 * host, or relative) becomes a placeholder while the HTML is converted, and
 * once every item has its file, a relative link to that `.md` file (or a
 * page's URL), so it counts as a backlink and never goes through a redirect.
 */
import path from "node:path";

/** The placeholder origin of cross-links while bodies are converted. */
const PLACEHOLDER = "http://backlist-xref.invalid/";

function normalPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // Kept as written.
  }
  return decoded.replace(/\/index\.php$/i, "/").replace(/\/+$/, "").toLowerCase() || "/";
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, "");

export class OldUrls {
  readonly #hosts = new Set<string>();
  readonly #byKey = new Map<string, number>();
  /** Original href of each placeholder. */
  readonly #links: { target: number; href: string }[] = [];

  /** The old site's address (`https://old.example.com`): links to its host are internal. */
  addSite(url: string | undefined): void {
    if (!url) return;
    try {
      this.#hosts.add(hostOf(new URL(url)));
    } catch {
      // Not a URL: no host to add.
    }
  }

  /** An item's old addresses, leading to `target` (its index in the import). */
  addItem(target: number, item: { link?: string; guid?: string; postId?: string; kind: "post" | "page"; aliases?: readonly string[] }): void {
    const set = (key: string) => {
      if (!this.#byKey.has(key)) this.#byKey.set(key, target);
    };
    if (item.postId) {
      set(`id:${item.postId}`);
    }
    const others = (item.aliases ?? []).map((alias) => {
      if (!item.link || /^https?:/i.test(alias)) return alias;
      try {
        return new URL(alias, item.link).href;
      } catch {
        return undefined;
      }
    });
    for (const url of [item.link, item.guid, ...others]) {
      if (!url) continue;
      try {
        const parsed = new URL(url);
        this.#hosts.add(hostOf(parsed));
        const id = parsed.searchParams.get("p") ?? parsed.searchParams.get("page_id");
        if (id && /^\d+$/.test(id)) set(`id:${id}`);
        else if (parsed.pathname !== "/") set(`path:${normalPath(parsed.pathname)}`);
      } catch {
        // A guid that is not a URL names no address.
      }
    }
  }

  /** Whether an href (absolute) is on one of the old site's hosts. */
  isOldSite(href: string): boolean {
    try {
      const url = new URL(href);
      return /^https?:$/.test(url.protocol) && this.#hosts.has(hostOf(url));
    } catch {
      return false;
    }
  }

  /** The item an href (absolute, or relative to `base`) leads to. */
  resolve(href: string, base?: string): number | undefined {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return undefined;
    }
    if (!/^https?:$/.test(url.protocol) || !this.#hosts.has(hostOf(url))) return undefined;
    const id = url.searchParams.get("p") ?? url.searchParams.get("page_id");
    if (id && /^\d+$/.test(id)) return this.#byKey.get(`id:${id}`);
    const archives = /^\/archives\/(\d+)\/?$/.exec(url.pathname)?.[1];
    if (archives) {
      const found = this.#byKey.get(`id:${archives}`);
      if (found !== undefined) return found;
    }
    if (url.pathname === "/") return undefined;
    return this.#byKey.get(`path:${normalPath(url.pathname)}`);
  }

  /** A placeholder URL for a link to `target`, keeping the href's fragment. */
  placeholder(target: number, href: string): string {
    const fragment = /#[^\s]*$/.exec(href)?.[0] ?? "";
    return `${PLACEHOLDER}${this.#links.push({ target, href }) - 1}${fragment}`;
  }

  /**
   * `markdown` with each placeholder replaced: a relative link to the
   * target's `.md` file, a page's URL, or, when the target was not
   * imported, the original href.
   */
  rewrite(markdown: string, from: string, targetOf: (target: number) => { file: string } | { url: string } | undefined): string {
    if (!markdown.includes(PLACEHOLDER)) return markdown;
    return markdown.replace(/http:\/\/backlist-xref\.invalid\/(\d+)(#[^\s)"]*)?/g, (whole, n: string, fragment: string | undefined) => {
      const link = this.#links[Number(n)];
      if (!link) return whole;
      const target = targetOf(link.target);
      if (!target) return link.href;
      if ("url" in target) return `${target.url}${fragment ?? ""}`;
      return `${path.posix.relative(path.posix.dirname(from), target.file)}${fragment ?? ""}`;
    });
  }
}
