/** Years → months of an archive, each with its number of posts. */
import type { MonthSummary, PeriodLink, YearSummary } from "../../src/views/archives.ts";

/** A month or a year: its link and count, "June (5)". */
function Period({ period }: { period: PeriodLink }) {
  return (
    <>
      <a href={period.url}>{period.label}</a> <span class="count">({period.count})</span>
    </>
  );
}

/**
 * The months of a year with posts, newest first. Unlabelled: it follows its
 * year (in the overview's list, or under the year page's heading), and an
 * aria-label on a list is not announced by every screen reader.
 */
export function MonthList({ months }: { months: readonly MonthSummary[] }) {
  return (
    <ul class="archive-months">
      {months.map((month) => (
        <li>
          <Period period={month} />
        </li>
      ))}
    </ul>
  );
}

/** Years, newest first, each with its months. */
export function ArchiveOverview({ years }: { years: readonly YearSummary[] }) {
  return (
    <ol class="archive-years">
      {years.map((year) => (
        <li>
          <Period period={year} />
          <MonthList months={year.months} />
        </li>
      ))}
    </ol>
  );
}

/** Newer / older year or month, under a period's posts. */
export function PeriodNav({ newer, older, label }: { newer?: PeriodLink; older?: PeriodLink; label: string }) {
  if (!newer && !older) return null;
  return (
    <nav class="pager period-nav" aria-label={label}>
      {newer && <a href={newer.url}>← {newer.label}</a>}
      {older && <a href={older.url}>{older.label} →</a>}
    </nav>
  );
}
