/** The page shell: head (with canonical URL and social tags), site header, main, footer. */
import type { ComponentChildren } from "preact";
import type { Site } from "../../src/schema/index.ts";
import { DevProblems } from "../components/DevProblems.tsx";
import { feedLinks } from "../../src/feeds/index.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { jsonForScript } from "../../src/views/head.ts";

export interface BaseProps {
  site: Site;
  /** The page's own title; the site title is appended. */
  title?: string;
  description?: string;
  /** Root-relative URL of the page (without the path prefix), for its canonical URL. */
  path?: string;
  /** Open Graph type. */
  type?: "website" | "article";
  /** Structured data (schema.org) for the page, written as JSON-LD. */
  jsonLd?: object;
  /** The page's own feed, announced after the site's: a blog's or a show's. */
  feed?: { blog: string; title: string } | { podcast: string; title: string };
  /** Extra class on `<body>` for page-kind styles. */
  kind?: string;
  /** An absolute canonical URL elsewhere (a post's `original_url` with `canonical: original`), instead of `path`'s. */
  canonicalUrl?: string;
  /** Ask search engines not to index the page (the keeper's link report). */
  noindex?: boolean;
  children: ComponentChildren;
}

export function Base({ site, title, description, path, type = "website", jsonLd, feed, kind, canonicalUrl, noindex, children }: BaseProps) {
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  const summary = description ?? site.description;
  const canonical = canonicalUrl ?? (path === undefined ? undefined : absoluteUrl(site.url, path));
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {summary && <meta name="description" content={summary} />}
        {noindex && <meta name="robots" content="noindex" />}
        {canonical && <link rel="canonical" href={canonical} />}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={site.title} />
        <meta property="og:title" content={title ?? site.title} />
        <meta property="og:type" content={type} />
        {canonical && <meta property="og:url" content={canonical} />}
        {summary && <meta property="og:description" content={summary} />}
        <meta name="twitter:card" content="summary" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/css/site.css" />
        {feedLinks(site, feed).map((link) => (
          <link rel="alternate" type={link.type} href={link.href} title={link.title} />
        ))}
        {jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />}
      </head>
      <body class={kind}>
        <DevProblems />
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-title" href="/">
              {site.title}
            </a>
            <nav class="site-nav" aria-label="Site">
              <ul>
                <li>
                  <a href="/archive/">Archive</a>
                </li>
                <li>
                  <a href="/tags/">Tags</a>
                </li>
                <li>
                  <a href="/search/">Search</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {site.title}
              {site.description && <> — {site.description}</>}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
