/**
 * The images and files an imported post references, found while its HTML
 * is converted: every image (`<img src>`, any http(s) host), and every link
 * to a file of the old site (a `.pdf`, `.zip`, full-size `.jpg`… on the old
 * site's host, with or without `www.`). Each becomes a placeholder URL in
 * the markdown; once the download engine (src/media/store.ts) has brought
 * what it could into the post's folder, each placeholder becomes the
 * file's relative reference (`<slug>/diagram.png`), or the absolute URL it
 * was when the file could not be had. Pure: no file is read or written.
 */
import { ACCEPTED_TYPES, extensionOf } from "../media/fetch.ts";

/** The placeholder origin of media references while bodies are converted. */
const PLACEHOLDER = "http://backlist-media.invalid/";
const PLACEHOLDER_PATTERN = /http:\/\/backlist-media\.invalid\/(\d+)/g;

/** Extensions of the files a link may lead to that are brought home with the post. */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set([...Object.values(ACCEPTED_TYPES), "jpeg", "tif", "tgz"]);

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, "");

function httpUrl(href: string): URL | undefined {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export class MediaRefs {
  readonly #hosts = new Set<string>();
  readonly #urls: string[] = [];
  readonly #numbers = new Map<string, number>();

  /** The old site's addresses (`https://old.example.com/`): links to files there are the post's files. */
  constructor(sites: Iterable<string | undefined> = [], hosts: Iterable<string> = []) {
    for (const site of sites) {
      const url = site ? httpUrl(site) : undefined;
      if (url) this.#hosts.add(hostOf(url));
    }
    // Other hosts of the blog's own files (Blogger's image hosts), by name.
    for (const host of hosts) this.#hosts.add(host.toLowerCase().replace(/^www\./, ""));
  }

  /** Whether a link (absolute) leads to a file of the old site: its host, and a file's extension. */
  isSiteFile(href: string): boolean {
    const url = httpUrl(href);
    return url !== undefined && this.#hosts.has(hostOf(url)) && FILE_EXTENSIONS.has(extensionOf(url));
  }

  /** The placeholder for an image's `src` (absolute); undefined keeps anything that is not an http(s) URL as it is. */
  image(src: string): string | undefined {
    return httpUrl(src) ? this.#placeholder(src) : undefined;
  }

  /** The placeholder for a link's `href` (absolute) when it leads to a file of the old site; else undefined. */
  link(href: string): string | undefined {
    return this.isSiteFile(href) ? this.#placeholder(href) : undefined;
  }

  #placeholder(url: string): string {
    let n = this.#numbers.get(url);
    if (n === undefined) {
      n = this.#urls.push(url) - 1;
      this.#numbers.set(url, n);
    }
    return `${PLACEHOLDER}${n}`;
  }

  /** The URLs `markdown` references through placeholders, each once, in order. */
  urlsIn(markdown: string): string[] {
    if (!markdown.includes(PLACEHOLDER)) return [];
    const seen = new Set<string>();
    for (const match of markdown.matchAll(PLACEHOLDER_PATTERN)) {
      const url = this.#urls[Number(match[1])];
      if (url !== undefined) seen.add(url);
    }
    return [...seen];
  }

  /** `markdown` with each placeholder replaced by the file's reference (`referenceOf`), or the URL it stood for. */
  rewrite(markdown: string, referenceOf: (url: string) => string | undefined = () => undefined): string {
    if (!markdown.includes(PLACEHOLDER)) return markdown;
    return markdown.replace(PLACEHOLDER_PATTERN, (whole, n: string) => {
      const url = this.#urls[Number(n)];
      // As turndown writes a link's destination.
      return url === undefined ? whole : (referenceOf(url) ?? url).replace(/([<>()])/g, "\\$1");
    });
  }
}
