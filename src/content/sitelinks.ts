/**
 * Root-relative links in posts (`/tags/xen/`, `/assets/diagram.png`) must
 * lead somewhere: a page the build produces or a file it copies. They are
 * checked once Eleventy knows every page's URL, before anything is written.
 */
import type { Problem } from "../types.ts";
import type { SiteLink } from "./model.ts";
import { splitHref } from "./links.ts";
import { closestOf } from "../suggest.ts";

/** How many broken links get a suggestion in one run. */
const SUGGESTIONS = 50;

/** The forms under which a static host serves the same page. */
export function candidates(pathname: string): string[] {
  const out = [pathname];
  if (pathname.endsWith("/index.html")) out.push(pathname.slice(0, -"index.html".length));
  else if (!pathname.endsWith("/") && !/\.[a-z0-9]+$/i.test(pathname)) out.push(`${pathname}/`);
  return out;
}

/**
 * Problems for every link whose target is neither one of `urls` nor a file
 * for which `fileExists` (given the path without its leading slash) is true.
 */
export function checkSiteLinks(
  links: readonly SiteLink[],
  urls: ReadonlySet<string>,
  fileExists: (relativePath: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  let byLast: Map<string, string> | undefined;
  const suggest = (pathname: string): string | undefined => {
    if (problems.length >= SUGGESTIONS) return undefined;
    const last = (url: string) => url.replace(/\/(index\.html)?$/, "").split("/").pop() ?? "";
    if (!byLast) {
      byLast = new Map();
      for (const url of urls) if (!byLast.has(last(url))) byLast.set(last(url), url);
    }
    const wanted = last(pathname);
    const first = pathname.split("/")[1] ?? "";
    if (!wanted) return undefined;
    return byLast.get(wanted) ?? closestOf(wanted, [...urls].filter((url) => url.split("/")[1] === first), last);
  };
  for (const link of links) {
    let pathname = splitHref(link.href).path;
    try {
      pathname = decodeURI(pathname);
    } catch {
      // Kept as written: it will not match and is reported.
    }
    if (pathname === "") continue; // `/?q=…` style links are not paths
    const found = candidates(pathname).some((candidate) => urls.has(candidate)) || fileExists(pathname.slice(1));
    if (!found) {
      const guess = suggest(pathname);
      const written = link.written ? `${link.written} (${link.href})` : link.href;
      problems.push({
        file: link.source,
        line: link.line,
        field: "(link)",
        message: `→ ${written}: no page or file of the site has this path${guess ? ` (did you mean ${guess}?)` : ""}`,
        severity: "error",
      });
    }
  }
  return problems;
}
