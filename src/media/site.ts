/**
 * The build's side of a post's files: which files each post keeps
 * (src/media/folder.ts), the references its markdown makes to them (a
 * markdown-it rule, run in the loader's one render of each post), the
 * images made into `<picture>`s (src/media/images.ts), the problems
 * (a reference to a file that is not there fails the build like a broken
 * link; an image without alt text is a warning), and the files written
 * under each post's URL once the pages are.
 *
 * The content plugin drives it: `begin` before the load, `render` after it,
 * `problems` with the broken links, `write` after the build.
 */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { MarkdownIt, Token } from "markdown-it";
import type { Post } from "../content/model.ts";
import { lineOfLink } from "../content/links.ts";
import type { Problem } from "../types.ts";
import { mapLimit } from "../content/guards.ts";
import { inPostFolder, mediaFolderOf, mediaReference, scanMediaFolders } from "./folder.ts";
import { ImageCache, type ImageManifest, imageHtml, publish, publishedName } from "./images.ts";

interface ImageUse {
  post: Post;
  name: string;
  /** The reference as the post writes it. */
  href: string;
  line: number;
  alt: string;
  title?: string;
  first: boolean;
}

/** A root-relative image path of a post (`/assets/logo.png`), checked with the site's links. */
export interface ImageSiteLink {
  source: string;
  line: number;
  href: string;
}

/** Images read and processed at the same time: enough to keep every core busy. */
const IMAGES_AT_ONCE = Math.max(2, availableParallelism() * 2);

export class MediaStore {
  #folders = new Map<string, Set<string>>();
  #uses: ImageUse[] = [];
  #withImages = new Set<Post>();
  #problems: Problem[] = [];
  #warnings: Problem[] = [];
  #siteLinks: ImageSiteLink[] = [];
  /** Published path (without the leading slash) → absolute file to copy there. */
  #published = new Map<string, string>();
  /** Marks the placeholders of this build, so no text of a post can pass for one. */
  #nonce = randomBytes(8).toString("hex");
  readonly images: ImageCache;

  constructor(
    readonly root: string,
    readonly postsDir: string,
    cacheDir = path.join(root, ".cache", "images"),
  ) {
    this.images = new ImageCache(cacheDir);
  }

  /** Before the load: list the posts' folders, forget the last build's references. */
  async begin(): Promise<void> {
    this.#folders = await scanMediaFolders(this.root, this.postsDir);
    this.#uses = [];
    this.#withImages = new Set();
    this.#problems = [];
    this.#warnings = [];
    this.#siteLinks = [];
    this.#published = new Map();
    this.#nonce = randomBytes(8).toString("hex");
    this.images.resetStats();
  }

  /** Broken references to a post's files (errors), reported with the broken links. */
  get problems(): readonly Problem[] {
    return this.#problems;
  }
  /** Images without alt text. */
  get warnings(): readonly Problem[] {
    return this.#warnings;
  }
  get siteLinks(): readonly ImageSiteLink[] {
    return this.#siteLinks;
  }

  /** The files of its folder that `post` shows as images, as its markdown was last rendered. */
  imagesOf(post: Post): string[] {
    return this.#uses.filter((use) => use.post === post).map((use) => use.name);
  }

  /** Does the build publish a post's file at `relativePath` (`main/2008/06/xen/diagram.png`)? */
  publishes(relativePath: string): boolean {
    return this.#published.has(relativePath);
  }

  /** The markdown-it rule; register it before the cross-links rule. */
  plugin(): (md: MarkdownIt) => void {
    return (md) => {
      md.core.ruler.push("backlist_media", (state) => {
        const post = (state.env as { post?: Post } | undefined)?.post;
        if (!post) return;
        for (const block of state.tokens) {
          if (block.type === "inline" && block.children) this.#references(post, block.children, block.map);
        }
      });
      const image = md.renderer.rules.image;
      md.renderer.rules.image = (tokens, idx, options, env, self) => {
        const token = tokens[idx]!;
        const use = token.meta?.backlistImage as number | undefined;
        if (use === undefined || this.#uses[use]?.post !== (env as { post?: Post }).post) {
          return image ? image(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
        }
        const entry = this.#uses[use]!;
        entry.alt = self.renderInlineAsText(token.children ?? [], options, env);
        return `<!--backlist-media-${this.#nonce}-${use}-->`;
      };
    };
  }

  #references(post: Post, tokens: Token[], lines: [number, number] | null): void {
    const folder = mediaFolderOf(post.source);
    const files = this.#folders.get(folder);
    for (const token of tokens) {
      const isImage = token.type === "image";
      if (!isImage && token.type !== "link_open") continue;
      const href = token.attrGet(isImage ? "src" : "href");
      if (typeof href !== "string") continue;
      const line = () => lineOfLink(post.body, post.bodyLine, lines, href);
      const field = isImage ? "(image)" : "(link)";
      if (isImage && href.startsWith("/") && !href.startsWith("//")) {
        this.#siteLinks.push({ source: post.source, line: line(), href });
        continue;
      }
      const ref = mediaReference(href, post.source, post.url, isImage);
      if (!ref) continue;
      // The cross-links rule leaves it alone: it is answered here.
      token.meta = { ...(token.meta ?? {}), backlistMedia: true };
      if (ref.kind === "outside") {
        this.#problems.push({
          file: post.source,
          line: line(),
          field,
          message: `→ ${href}: not in the post's folder ${folder}/ (keep a post's files there and write ${path.posix.basename(folder)}/<file>)`,
          severity: "error",
        });
        continue;
      }
      if (!files?.has(ref.name)) {
        this.#problems.push({
          file: post.source,
          line: line(),
          field,
          message: `→ ${href}: no such file ${folder}/${ref.name}`,
          severity: "error",
        });
        continue;
      }
      const target = post.url + ref.name.split("/").map(encodeURIComponent).join("/");
      if (!isImage) {
        token.attrSet("href", target);
        continue;
      }
      token.attrSet("src", target);
      const first = !this.#withImages.has(post);
      this.#withImages.add(post);
      const title = token.attrGet("title");
      token.meta.backlistImage = this.#uses.length;
      this.#uses.push({ post, name: ref.name, href, line: line(), alt: "", ...(typeof title === "string" && title ? { title } : {}), first });
      if (token.children?.length === 0 && token.content.trim() === "") {
        this.#warnings.push({
          file: post.source,
          line: line(),
          field: "(image)",
          message: `→ ${href}: has no alt text; describe the image for readers who cannot see it (![what it shows](${href}))`,
          severity: "warning",
        });
      }
    }
  }

  /**
   * After the load: process the images the built posts use (cached), put
   * their HTML in the posts' bodies, and note every file of the built posts'
   * folders for publishing under their URLs.
   */
  async render(posts: readonly Post[]): Promise<void> {
    for (const post of posts) {
      const folder = mediaFolderOf(post.source);
      for (const name of this.#folders.get(folder) ?? []) {
        if (name === "index.html") {
          // It would be written over the post's own page.
          this.#problems.push({ file: `${folder}/${name}`, field: "(path)", message: "would replace the post's page at its URL; rename the file", severity: "error" });
          continue;
        }
        this.#published.set(post.url.slice(1) + name, path.join(this.root, folder, name));
      }
    }
    const built = new Set(posts);
    const uses = this.#uses.map((use, i) => ({ use, i })).filter(({ use }) => built.has(use.post));
    // A few images at a time: each one's bytes are read before it waits for
    // the image processor, so all at once would hold every image in memory.
    const manifests = await mapLimit(uses, IMAGES_AT_ONCE, async ({ use }) => {
      const file = path.join(this.root, mediaFolderOf(use.post.source), use.name);
      try {
        return await this.images.get(file);
      } catch (error) {
        this.#problems.push({
          file: use.post.source,
          line: use.line,
          field: "(image)",
          message: `→ ${use.href}: ${mediaFolderOf(use.post.source)}/${use.name} cannot be read as an image (${error instanceof Error ? error.message : String(error)})`,
          severity: "error",
        });
        return undefined;
      }
    });
    const html = new Map<number, string>();
    uses.forEach(({ use, i }, n) => {
      const manifest = manifests[n];
      if (!manifest) return;
      this.#publishMade(use, manifest);
      html.set(i, imageHtml({ base: use.post.url, name: use.name, alt: use.alt, first: use.first, ...(use.title ? { title: use.title } : {}) }, manifest));
    });
    const marker = new RegExp(`<!--backlist-media-${this.#nonce}-(\\d+)-->`, "g");
    for (const post of new Set(uses.map(({ use }) => use.post))) {
      post.html = post.html.replace(marker, (_, i: string) => html.get(Number(i)) ?? "");
    }
  }

  #publishMade(use: ImageUse, manifest: ImageManifest): void {
    for (const source of [...manifest.sources, { format: manifest.format, files: manifest.narrower ?? [] }]) {
      for (const made of source.files) {
        this.#published.set(use.post.url.slice(1) + publishedName(use.name, made, source.format), this.images.path(made));
      }
    }
  }

  /** After the pages are written: copy the posts' files and the made images into `output`. */
  async write(output: string): Promise<number> {
    const jobs = [...this.#published];
    for (let i = 0; i < jobs.length; i += 16) {
      await Promise.all(jobs.slice(i, i + 16).map(([to, from]) => publish(from, path.join(output, to))));
    }
    return jobs.length;
  }
}

export { inPostFolder };
