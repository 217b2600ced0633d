/** Where the page sits in the archive: Home › Blog › 2008 › June › this page. */
import type { Crumb } from "../../src/views/breadcrumbs.ts";

export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  if (crumbs.length < 2) return null;
  const last = crumbs.length - 1;
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((crumb, i) => (
          <li>
            {i === last ? (
              crumb.url ? (
                <a href={crumb.url} aria-current="page">
                  {crumb.label}
                </a>
              ) : (
                <span aria-current="page">{crumb.label}</span>
              )
            ) : crumb.url ? (
              <a href={crumb.url}>{crumb.label}</a>
            ) : (
              <span>{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
