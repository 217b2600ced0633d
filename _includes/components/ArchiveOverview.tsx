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

/** The months of a year with posts, newest first. */
export function MonthList({ months, label }: { months: readonly MonthSummary[]; label?: string }) {
  return (
    <ul class="archive-months" aria-label={label}>
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
          <MonthList months={year.months} label={`Months of ${year.label}`} />
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
