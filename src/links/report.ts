/**
 * The keeper's report of the external links: how many are alive, moved,
 * dead with an archived copy, dead without one, unchecked (and cited but
 * never recorded); the posts with the most dead links; every link that needs
 * a look, with when it was last checked. Shown by the build at
 * `/links-report/` and by `npm run links -- --report` in the terminal.
 */
import type { Archive } from "../content/model.ts";
import { collectPostAndDataLinks } from "./collect.ts";
import type { LinkCitations, LinkRecord, LinkState } from "./model.ts";

export const REPORT_URL = "/links-report/";

export type ReportState = "alive" | "moved" | "dead-with-copy" | "dead-without-copy" | "unchecked" | "not-recorded";

export const REPORT_STATES: readonly { state: ReportState; label: string }[] = [
  { state: "alive", label: "alive" },
  { state: "moved", label: "moved" },
  { state: "dead-with-copy", label: "dead, with an archived copy" },
  { state: "dead-without-copy", label: "dead, without a copy" },
  { state: "unchecked", label: "unchecked (the site would not say)" },
  { state: "not-recorded", label: "not checked yet (run npm run links)" },
];

export interface ReportLink {
  url: string;
  state: ReportState;
  status: LinkState | "not recorded";
  /** `HTTP 404`, `timeout`, `→ https://new.example/` … */
  detail?: string;
  checked?: string;
  archived?: { url: string; date: string };
  /** Posts citing it (URL and title), and the data files. */
  posts: { url: string; title: string }[];
  files: string[];
}

export interface WorstPost {
  url: string;
  title: string;
  deadWithoutCopy: number;
  deadWithCopy: number;
  links: string[];
}

export interface LinkReport {
  total: number;
  counts: Record<ReportState, number>;
  /** Posts with dead links, the worst first (most dead without a copy, then most dead). */
  worst: WorstPost[];
  /** Every link that is not alive, by state then URL. */
  attention: ReportLink[];
  /** Oldest and newest check among the recorded links. */
  oldestCheck?: string;
  newestCheck?: string;
}

export function reportState(record: LinkRecord | undefined): ReportState {
  if (!record) return "not-recorded";
  if (record.status === "dead") return record.archived ? "dead-with-copy" : "dead-without-copy";
  return record.status;
}

function detailOf(record: LinkRecord): string | undefined {
  const parts: string[] = [];
  if (record.code !== undefined) parts.push(`HTTP ${record.code}`);
  if (record.error) parts.push(record.error);
  if (record.final_url) parts.push(`→ ${record.final_url}`);
  return parts.length ? parts.join(", ") : undefined;
}

const ORDER = new Map(REPORT_STATES.map(({ state }, i) => [state, i]));

/** The report of `records` against the links `citations` finds in `archive`. */
export function buildReport(
  archive: Pick<Archive, "bySource">,
  citations: LinkCitations,
  records: readonly LinkRecord[],
  worstLimit = 20,
): LinkReport {
  const byUrl = new Map(records.map((record) => [record.url, record]));
  const counts = Object.fromEntries(REPORT_STATES.map(({ state }) => [state, 0])) as Record<ReportState, number>;
  const attention: ReportLink[] = [];
  const perPost = new Map<string, WorstPost>();
  let oldestCheck: string | undefined;
  let newestCheck: string | undefined;
  // Recorded links the build does not see cited (in comments, which only `npm run links` reads) count too.
  const urls = [...new Set([...citations.keys(), ...byUrl.keys()])].sort();
  for (const url of urls) {
    const cited = citations.get(url) ?? [];
    const record = byUrl.get(url);
    const state = reportState(record);
    counts[state]++;
    if (record?.checked) {
      if (!oldestCheck || record.checked < oldestCheck) oldestCheck = record.checked;
      if (!newestCheck || record.checked > newestCheck) newestCheck = record.checked;
    }
    const posts = [...new Set(cited.flatMap((c) => (c.post ? [c.post] : [])))]
      .map((source) => archive.bySource.get(source))
      .filter((post) => post !== undefined)
      .map((post) => ({ url: post.url, title: post.title }));
    if (state === "dead-with-copy" || state === "dead-without-copy") {
      for (const post of posts) {
        let worst = perPost.get(post.url);
        if (!worst) perPost.set(post.url, (worst = { ...post, deadWithoutCopy: 0, deadWithCopy: 0, links: [] }));
        if (state === "dead-with-copy") worst.deadWithCopy++;
        else worst.deadWithoutCopy++;
        worst.links.push(url);
      }
    }
    if (state === "alive") continue;
    attention.push({
      url,
      state,
      status: record?.status ?? "not recorded",
      detail: record && detailOf(record),
      checked: record?.checked,
      archived: record?.archived,
      posts,
      files: [...new Set(cited.filter((c) => !c.post).map((c) => c.file))],
    });
  }
  attention.sort((a, b) => (ORDER.get(b.state) ?? 0) - (ORDER.get(a.state) ?? 0) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const worst = [...perPost.values()]
    .sort(
      (a, b) =>
        b.deadWithoutCopy - a.deadWithoutCopy ||
        b.deadWithoutCopy + b.deadWithCopy - (a.deadWithoutCopy + a.deadWithCopy) ||
        (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    )
    .slice(0, worstLimit);
  return { total: urls.length, counts, worst, attention, oldestCheck, newestCheck };
}

/** The build's report: the published posts' and the data's links against `_data/links.yaml`. */
export function linkReport(archive: Archive): LinkReport {
  return buildReport(archive, collectPostAndDataLinks(archive), archive.links ?? []);
}

/** The report as terminal text. */
export function reportText(report: LinkReport): string {
  const lines = [`${report.total} external ${report.total === 1 ? "link" : "links"}:`];
  const width = Math.max(...REPORT_STATES.map(({ state }) => String(report.counts[state]).length));
  for (const { state, label } of REPORT_STATES) {
    if (state === "not-recorded" && report.counts[state] === 0) continue;
    lines.push(`  ${String(report.counts[state]).padStart(width)} ${label}`);
  }
  if (report.oldestCheck) {
    lines.push(`Checked between ${report.oldestCheck.slice(0, 10)} and ${report.newestCheck?.slice(0, 10)}.`);
  }
  if (report.worst.length) {
    lines.push("", "Posts with the most dead links:");
    for (const post of report.worst) {
      lines.push(`  ${post.url} — ${post.deadWithoutCopy} without a copy, ${post.deadWithCopy} with one`);
    }
  }
  if (report.attention.length) {
    lines.push("", "Links to look at:");
    for (const link of report.attention) {
      const checked = link.checked ? `checked ${link.checked.slice(0, 10)}` : "never checked";
      lines.push(`  ${link.state.padEnd(17)} ${link.url}${link.detail ? ` (${link.detail})` : ""}, ${checked}`);
      if (link.archived) lines.push(`  ${"".padEnd(17)} copy: ${link.archived.url}`);
    }
  }
  return lines.join("\n");
}
