/**
 * `/_headers`: the security headers (src/security/csp.ts) for every file of
 * the site, in the format Netlify and Cloudflare Pages read. Other hosts
 * need the same headers set in their own configuration.
 */
import { SECURITY_HEADERS } from "../src/security/csp.ts";
import { formatHeadersFile } from "../src/security/headers.ts";

export const data = { permalink: "/_headers", eleventyExcludeFromCollections: true };

export function render(): string {
  return formatHeadersFile([{ pattern: "/*", headers: Object.entries(SECURITY_HEADERS) }], [
    "Security headers for every file of the archive (Netlify, Cloudflare Pages).",
    "Written by pages/headers.11ty.tsx from src/security/csp.ts.",
  ]);
}
