/** The page shell: head, site header with navigation, main, footer. */
import type { ComponentChildren } from "preact";
import type { Site } from "../../src/schema/index.ts";

export interface BaseProps {
  site: Site;
  /** The page's own title; the site title is appended. */
  title?: string;
  description?: string;
  /** Extra class on `<body>` for page-kind styles. */
  kind?: string;
  children: ComponentChildren;
}

export function Base({ site, title, description, kind, children }: BaseProps) {
  const fullTitle = title ? `${title} · ${site.title}` : site.title;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {(description ?? site.description) && <meta name="description" content={description ?? site.description} />}
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href="/assets/css/site.css" />
      </head>
      <body class={kind}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-title" href="/">
              {site.title}
            </a>
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
