/**
 * Reads an SLA report: the requests of a project created in the period, a JQL search page of 100 at a time with
 * their SLA record (`properties`), each page kept as a chunk of rows, then the figures computed once from every
 * row and kept. A small period is read within the resolver's call; a larger one goes on in the queue consumer,
 * step by step (each step a bounded time), and the screen shows the progress. Searches run as the app: the
 * resolver checked that the caller is an agent of the project first.
 */
import type { Config } from '../../domain/config';
import { SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import {
  breachesOf,
  monthsBetween,
  periodBounds,
  reportRowOf,
  slaReportFigures,
  type ReportRow,
  type SlaReportFigures,
} from '../../domain/sla-report';
import { utcOffset } from '../../domain/zone-offset';
import { JiraError } from '../../jira/client';
import { countIssues } from '../../jira/count-issues';
import { requestFieldIds } from '../../store/request-fields-cache';
import { searchIssues } from '../../jira/search-issues';
import {
  deleteReportData,
  loadReportRows,
  loadSlaReport,
  saveReportResult,
  saveReportRows,
  saveSlaReport,
  type SlaReportJob,
} from '../../store/sla-reports';
import { pushWork } from '../../store/work-queue';
import { deskFields, reportRequestOf, SEARCH_PAGE } from './desk-search';

/** What a finished report keeps beside its rows. */
export interface SlaReportResult {
  figures: SlaReportFigures;
  /** The first breaches by breach instant (the CSV has them all). */
  breaches: ReportRow[];
  breachCount: number;
  rowCount: number;
}

/** Breaches a report lists on screen. */
export const BREACHES_SHOWN = 200;
/** A finished report younger than this is shown as it is; an older one is read again when asked. */
export const REPORT_FRESH_MS = 60 * 60_000;
/** A report that has not moved for this long while running has stalled: asking for it again starts it over. */
const STALLED_MS = 5 * 60_000;
/** How long one step reads before it saves and queues the next (well within a consumer's limit). */
export const STEP_BUDGET_MS = 20_000;

const DAY = 86_400_000;
const jqlDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The JQL of a report: the project's requests whose SLA started in the period, a day wider on each side (JQL
 * dates are UTC days); the rows are then kept to the period's exact instants in the desk's time zone.
 * @example reportJql('SUP', { fromMs: Date.parse('2026-09-30T22:00:00Z'), toMs: Date.parse('2026-11-30T23:00:00Z') }) //=> 'project = "SUP" AND srSlaStartedAt >= "2026-09-29" AND srSlaStartedAt < "2026-12-02" ORDER BY key ASC'
 */
export function reportJql(projectKey: string, bounds: { fromMs: number; toMs: number }): string {
  return (
    `project = "${projectKey}" AND issue.property[${SLA_RECORD_PROPERTY}].startedAt >= "${jqlDay(bounds.fromMs - DAY)}"` +
    ` AND issue.property[${SLA_RECORD_PROPERTY}].startedAt < "${jqlDay(bounds.toMs + DAY)}" ORDER BY key ASC`
  );
}

/**
 * The report of a project and period: the one kept when it is fresh (or still being read), else a new one, read
 * within `budgetMs` here and, past it, in the queue.
 * @example await startSlaReport({ projectKey: 'SUP', from: '2026-10', to: '2026-11', config, refresh: false })
 */
export async function startSlaReport(opts: {
  projectKey: string;
  from: string;
  to: string;
  config: Config;
  refresh: boolean;
  nowMs?: number;
  budgetMs?: number;
}): Promise<SlaReportJob> {
  const now = opts.nowMs ?? Date.now();
  const kept = await loadSlaReport(opts.projectKey, opts.from, opts.to);
  if (kept && !opts.refresh) {
    if (kept.status === 'running' && now - kept.updatedAt < STALLED_MS) return kept;
    if (kept.status === 'done' && now - (kept.finishedAt ?? 0) < REPORT_FRESH_MS) return kept;
  }
  if (kept) await deleteReportData(kept);
  const timeZone = opts.config.calendars.businessHours.timeZone;
  const jql = reportJql(opts.projectKey, periodBounds(opts.from, opts.to, timeZone));
  let expected = 0;
  try {
    expected = await countIssues(jql);
  } catch (error) {
    console.warn('[support-rules] SLA report: no estimate of the requests to read:', (error as Error).message);
  }
  const job: SlaReportJob = {
    id: `${opts.projectKey}-${opts.from}-${opts.to}-${now}`,
    projectKey: opts.projectKey,
    from: opts.from,
    to: opts.to,
    timeZone,
    jql,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    expected,
    read: 0,
    chunks: 0,
    nextPageToken: null,
    resultParts: 0,
  };
  await saveSlaReport(job);
  return runSlaReportStep(job, { budgetMs: opts.budgetMs ?? 8_000 });
}

/**
 * Reads a report's next search pages for `budgetMs`, keeping each page's rows; computes and keeps the figures
 * once the last page is read; queues the next step while pages remain. Answers the report as it then stands.
 * @example await runSlaReportStep(job, { budgetMs: 20_000 })
 */
export async function runSlaReportStep(
  job: SlaReportJob,
  opts: { budgetMs: number; now?: () => number },
): Promise<SlaReportJob> {
  const now = opts.now ?? (() => Date.now());
  const started = now();
  const current = { ...job };
  try {
    const field = (await requestFieldIds()).organizations;
    const { fromMs, toMs } = periodBounds(job.from, job.to, job.timeZone);
    const offset = utcOffset(job.timeZone);
    do {
      const page = await searchIssues(job.jql, {
        fields: deskFields(field),
        properties: [SLA_RECORD_PROPERTY],
        maxResults: SEARCH_PAGE,
        nextPageToken: current.nextPageToken ?? undefined,
      });
      const rows = page.issues.flatMap((issue) => {
        const request = reportRequestOf(issue, field);
        if (!request) return [];
        const started = Date.parse(request.record.startedAt);
        return started >= fromMs && started < toMs ? [reportRowOf(request, job.timeZone, offset)] : [];
      });
      await saveReportRows(current, current.chunks, rows);
      Object.assign(current, {
        chunks: current.chunks + 1,
        read: current.read + page.issues.length,
        nextPageToken: page.nextPageToken ?? null,
        updatedAt: now(),
      });
      await saveSlaReport(current);
    } while (current.nextPageToken && now() - started < opts.budgetMs);
    if (current.nextPageToken) {
      await pushWork({ kind: 'sla-report', projectKey: job.projectKey, from: job.from, to: job.to, jobId: job.id });
      return current;
    }
    return await finishReport(current, now());
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof JiraError && !error.retryable) {
      const failed = { ...current, status: 'failed' as const, error: message, finishedAt: now(), updatedAt: now() };
      await saveSlaReport(failed);
      return failed;
    }
    // Jira busy or failing for now: the next step resumes after the last page kept.
    console.warn(`[support-rules] SLA report ${job.id}: ${message}; continues in a minute`);
    await pushWork({ kind: 'sla-report', projectKey: job.projectKey, from: job.from, to: job.to, jobId: job.id }, 60);
    return current;
  }
}

/** Computes the figures from every chunk of rows and keeps them; the report is then done. */
async function finishReport(job: SlaReportJob, nowMs: number): Promise<SlaReportJob> {
  const rows: ReportRow[] = [];
  for (let n = 0; n < job.chunks; n++) rows.push(...(await loadReportRows(job, n)));
  const breaches = breachesOf(rows);
  const result: SlaReportResult = {
    figures: slaReportFigures(rows, monthsBetween(job.from, job.to)),
    breaches: breaches.slice(0, BREACHES_SHOWN),
    breachCount: breaches.length,
    rowCount: rows.length,
  };
  const done: SlaReportJob = {
    ...job,
    status: 'done',
    resultParts: await saveReportResult(job, result),
    finishedAt: nowMs,
    updatedAt: nowMs,
  };
  await saveSlaReport(done);
  return done;
}

/**
 * The queue consumer's step of a report (a step of a report since replaced does nothing).
 * @example await continueSlaReport({ kind: 'sla-report', projectKey: 'SUP', from: '2026-10', to: '2026-11', jobId })
 */
export async function continueSlaReport(item: Record<string, unknown>, budgetMs = STEP_BUDGET_MS): Promise<void> {
  const { projectKey, from, to, jobId } = item;
  if (typeof projectKey !== 'string' || typeof from !== 'string' || typeof to !== 'string') return;
  const job = await loadSlaReport(projectKey, from, to);
  if (!job || job.id !== jobId || job.status !== 'running') return;
  await runSlaReportStep(job, { budgetMs });
}
