/**
 * A post's own files: images, PDFs and archives kept in a folder named like
 * the post, beside it — `posts/<blog>/<year>/<slug>.md` keeps its files in
 * `posts/<blog>/<year>/<slug>/` — and published under the post's URL
 * (`/<blog>/<yyyy>/<mm>/<slug>/diagram.png`).
 *
 * A post refers to them relatively, either from its source file
 * (`<slug>/diagram.png`, what an editor's or GitHub's preview shows) or from
 * its page (`diagram.png`: on the page at `/<blog>/<yyyy>/<mm>/<slug>/` a
 * plain relative path already points into the post's URL). Both land in the
 * same folder. Pure functions; the scan is in `scanMediaFolders`.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

/** Files of the folder the build never publishes: dotfiles such as the import's `.sources.yaml`. */
export function isPublishable(name: string): boolean {
  return !name.split("/").some((part) => part.startsWith("."));
}

/** `posts/main/2008/xen.md` → `posts/main/2008/xen` (the post's folder, relative to the project root). */
export function mediaFolderOf(source: string): string {
  return source.replace(/\.md$/i, "");
}

/**
 * Whether a file found under `postsDir` (relative to the project root) lies
 * in the folder of a post, given the set of every post source: such files
 * are never posts or year folders themselves.
 */
export function inPostFolder(file: string, sources: ReadonlySet<string>): boolean {
  const parts = file.split("/");
  for (let i = parts.length - 1; i > 0; i--) {
    if (sources.has(`${parts.slice(0, i).join("/")}.md`)) return true;
  }
  return false;
}

/** The outcome of reading a reference written in a post. */
export type MediaReference =
  /** A file of the post's own folder: `name` is its path inside it (`diagram.png`, `shots/one.png`). */
  | { kind: "media"; name: string }
  /** A relative path that leaves the post's folder (`../2007/x.png`). */
  | { kind: "outside"; resolved: string };

/** Extensions of links that name a page, not a file: never taken as a post's own file. */
const PAGE_EXTENSIONS = /\.(?:md|html?|php|aspx?)$/i;

/**
 * What `href`, written in the post `source` whose page is `url`, refers to:
 * one of the post's own files, a relative path that leaves its folder, or
 * undefined for anything else (external URLs, `#fragments`, root-relative
 * site paths, `.md` links). `image` is true for `![…](…)`: every relative
 * image must be one of the post's files; a relative link is one only when
 * its path ends in a file name with an extension (`slides.pdf`).
 */
export function mediaReference(href: string, source: string, url: string, image: boolean): MediaReference | undefined {
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("?") || trimmed.startsWith("/")) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const written = trimmed.replace(/[?#].*$/s, "");
  if (written === "" || written.endsWith("/")) return undefined;
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A malformed escape is kept as written: it names no file and is reported.
  }
  if (decoded.includes("\\") || decoded.includes("\0")) return image ? { kind: "outside", resolved: decoded } : undefined;
  if (!image && (PAGE_EXTENSIONS.test(decoded) || !/\.[a-z0-9]{1,8}$/i.test(decoded))) return undefined;
  const folder = mediaFolderOf(source);
  // From the source file: `xen/diagram.png` beside `xen.md`.
  const fromSource = path.posix.normalize(path.posix.join(path.posix.dirname(source), decoded));
  if (fromSource.startsWith(`${folder}/`)) return { kind: "media", name: fromSource.slice(folder.length + 1) };
  // From the page: `diagram.png` on /main/2008/06/xen/.
  const fromPage = path.posix.normalize(path.posix.join(url, decoded));
  if (fromPage.startsWith(url) && fromPage.length > url.length) return { kind: "media", name: fromPage.slice(url.length) };
  return { kind: "outside", resolved: fromSource };
}

/** A post's folder's files, by name inside it (`diagram.png`, `shots/one.png`). */
export type MediaIndex = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Every file in the folders of posts under `postsDir` (relative to `root`):
 * post folder (relative to the root, `posts/main/2008/xen`) → names of its
 * publishable files. One recursive listing per build.
 */
export async function scanMediaFolders(root: string, postsDir: string): Promise<Map<string, Set<string>>> {
  const dir = path.resolve(root, postsDir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const sources = new Set<string>();
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = rel(path.join(entry.parentPath, entry.name));
    if (entry.name.endsWith(".md")) sources.add(file);
    files.push(file);
  }
  const index = new Map<string, Set<string>>();
  for (const file of files) {
    const parts = file.split("/");
    for (let i = parts.length - 1; i > 0; i--) {
      const folder = parts.slice(0, i).join("/");
      if (!sources.has(`${folder}.md`)) continue;
      const name = parts.slice(i).join("/");
      if (isPublishable(name)) {
        let names = index.get(folder);
        if (!names) index.set(folder, (names = new Set()));
        names.add(name);
      }
      break;
    }
  }
  return index;
}
