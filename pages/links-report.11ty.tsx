/**
 * `/links-report/`: the keeper's report of the external links (src/links/report.ts).
 * Not linked from the reader's navigation, not in the sitemap or the search
 * index, and `noindex`: it is for whoever keeps the archive.
 */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { REPORT_STATES, REPORT_URL } from "../src/links/report.ts";
import { Base } from "../_includes/layouts/Base.tsx";

export const data = { permalink: REPORT_URL, eleventyExcludeFromCollections: true };

const day = (iso: string | undefined) => iso?.slice(0, 10);

export function render({ archive }: { archive: ArchiveStore }) {
  const report = archive.linkReport;
  const site = archive.current.site;
  return (
    <Base site={site} path={REPORT_URL} title="External links: report" kind="page-links-report" noindex>
      <header class="page-header">
        <h1>External links: report</h1>
        <p>
          The state of the archive's links to other sites as <code>npm run links</code> last recorded it in{" "}
          <code>_data/links.yaml</code>. This page is for the archive's keeper; readers are not sent here.
          {report.oldestCheck && (
            <>
              {" "}Links were checked between <time datetime={report.oldestCheck}>{day(report.oldestCheck)}</time> and{" "}
              <time datetime={report.newestCheck}>{day(report.newestCheck)}</time>.
            </>
          )}
        </p>
      </header>
      <section aria-labelledby="counts">
        <h2 id="counts">
          {report.total} external {report.total === 1 ? "link" : "links"}
        </h2>
        <table class="link-counts">
          <tbody>
            {REPORT_STATES.map(({ state, label }) => (
              <tr data-state={state}>
                <th scope="row">{label}</th>
                <td>{report.counts[state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {report.worst.length > 0 && (
        <section aria-labelledby="worst">
          <h2 id="worst">Posts with the most dead links</h2>
          <ol class="worst-posts">
            {report.worst.map((post) => (
              <li>
                <a href={post.url}>{post.title}</a>: {post.deadWithoutCopy} dead without a copy, {post.deadWithCopy} with one
              </li>
            ))}
          </ol>
        </section>
      )}
      {report.attention.length > 0 && (
        <section aria-labelledby="attention">
          <h2 id="attention">Links to look at</h2>
          {/* Scrolls sideways on a phone; focusable so that it scrolls by keyboard too. */}
          <table class="link-attention" tabindex={0}>
              <thead>
                <tr>
                  <th scope="col">Link (as written)</th>
                  <th scope="col">State</th>
                  <th scope="col">Last checked</th>
                  <th scope="col">Archived copy</th>
                  <th scope="col">Cited by</th>
                </tr>
              </thead>
              <tbody>
                {report.attention.map((link) => (
                  <tr data-state={link.state}>
                    <td>
                      {/* The original address, left as written (src/links/present.ts skips it). */}
                      <a href={link.url} data-link-as-written="">
                        {link.url}
                      </a>
                    </td>
                    <td>
                      {link.status}
                      {link.detail && <> ({link.detail})</>}
                    </td>
                    <td>{link.checked ? <time datetime={link.checked}>{day(link.checked)}</time> : "never"}</td>
                    <td>
                      {link.archived ? (
                        <a href={link.archived.url} data-link-as-written="">
                          {day(link.archived.date)}
                        </a>
                      ) : (
                        "none"
                      )}
                    </td>
                    <td>
                      {link.posts.map((post, i) => (
                        <>
                          {i > 0 && ", "}
                          <a href={post.url}>{post.title}</a>
                        </>
                      ))}
                      {link.files.length > 0 && <>{link.posts.length > 0 && ", "}{link.files.join(", ")}</>}
                    </td>
                  </tr>
                ))}
              </tbody>
          </table>
        </section>
      )}
    </Base>
  );
}
