/**
 * The SLA report page: a period's report (read now, or kept from a recent reading, or still being read in the
 * queue), and its rows for the CSV export.
 */
import { isMonth, monthsBetween } from '../../../domain/sla-report';
import { textsFor } from '../../../domain/texts';
import { loadReportResult, loadReportRows, loadSlaReport, type SlaReportJob } from '../../../store/sla-reports';
import type {
  ResolverFailure,
  SlaReportPayload,
  SlaReportRows,
  SlaReportRowsPayload,
  SlaReportView,
} from '../../../shared/contracts';
import type { Language } from '../../../domain/language';
import { startSlaReport, type SlaReportResult } from '../../shared/sla-report-job';
import type { ResolverRequest } from '../access';
import { fail, ok } from '../result';
import { asDeskAgent } from './desk-access';

/** The longest period a report covers. */
export const MAX_REPORT_MONTHS = 24;
/** Chunks of rows (search pages) one call of getSlaReportRows gives. */
const CHUNKS_PER_CALL = 10;

function periodOf(payload: Partial<SlaReportPayload> | undefined, lang: Language): ResolverFailure | null {
  const { from, to } = payload ?? {};
  const months = isMonth(from) && isMonth(to) ? monthsBetween(from, to).length : 0;
  if (months === 0 || months > MAX_REPORT_MONTHS)
    return fail(400, 'invalid_period', textsFor(lang).refusals.badPeriod(MAX_REPORT_MONTHS));
  return null;
}

async function viewOf(job: SlaReportJob, lang: Language): Promise<SlaReportView> {
  const result = job.status === 'done' ? await loadReportResult<SlaReportResult>(job) : undefined;
  return {
    lang,
    projectKey: job.projectKey,
    from: job.from,
    to: job.to,
    timeZone: job.timeZone,
    status: job.status,
    read: job.read,
    expected: Math.max(job.expected, job.read),
    startedAt: new Date(job.startedAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
    error: job.error ?? null,
    figures: result?.figures ?? null,
    breaches: result?.breaches ?? [],
    breachCount: result?.breachCount ?? 0,
    rowCount: result?.rowCount ?? 0,
    chunks: job.chunks,
  };
}

/** The report of a period: kept when fresh or still being read, else read now (and in the queue past a few seconds). */
export function getSlaReport(req: ResolverRequest<SlaReportPayload>) {
  return asDeskAgent<SlaReportView>(req, async (caller, config) => {
    const refused = periodOf(req.payload, caller.lang);
    if (refused) return refused;
    const { from, to, refresh } = req.payload as SlaReportPayload;
    const job = await startSlaReport({ projectKey: caller.projectKey, from, to, config, refresh: refresh === true });
    return ok(await viewOf(job, caller.lang));
  });
}

/** A finished report's rows from a chunk on, for the CSV export. */
export function getSlaReportRows(req: ResolverRequest<SlaReportRowsPayload>) {
  return asDeskAgent<SlaReportRows>(req, async (caller) => {
    const refused = periodOf(req.payload, caller.lang);
    if (refused) return refused;
    const { from, to, chunk } = req.payload as SlaReportRowsPayload;
    const job = await loadSlaReport(caller.projectKey, from, to);
    const first = Number.isInteger(chunk) && chunk >= 0 ? chunk : 0;
    if (!job || job.status !== 'done') return fail(404, 'no_report', textsFor(caller.lang).refusals.notFound);
    const last = Math.min(job.chunks, first + CHUNKS_PER_CALL);
    const rows = [];
    for (let n = first; n < last; n++) rows.push(...(await loadReportRows(job, n)));
    return ok({ rows, nextChunk: last < job.chunks ? last : null });
  });
}
