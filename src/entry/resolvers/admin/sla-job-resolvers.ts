/**
 * The admin page's SLA jobs: recompute chosen requests (a JQL) with the settings in force, preview what draft
 * settings would change over the last 90 days, see where they stand and resume one that stalled. Jira
 * administrators only (each function asks Jira first, as the caller).
 */
import { validateConfig } from '../../../domain/config-errors';
import { slaConfigFingerprint } from '../../../domain/sla-fingerprint';
import { textsFor } from '../../../domain/texts';
import { JiraError } from '../../../jira/client';
import { searchIssues } from '../../../jira/search-issues';
import { loadSlaJob, type SlaJob, type SlaJobKind } from '../../../store/sla-jobs';
import type {
  ConfigPayload,
  RecomputePayload,
  ResumePayload,
  SlaJobView,
  SlaJobsView,
} from '../../../shared/contracts';
import { isStalled, last90DaysJql, resumeSlaJob as resumeJob, startSlaJob } from '../../shared/sla-jobs';
import { fail, ok } from '../result';
import { asAdmin } from '../access';

const MAX_JQL = 2_000;

/**
 * A job as the admin page shows it (without its ids or draft settings).
 * @example jobView(job, Date.now()).done //=> 120
 */
export function jobView(job: SlaJob, nowMs: number): SlaJobView {
  return {
    kind: job.kind,
    jql: job.jql,
    status: job.status,
    stalled: isStalled(job, nowMs),
    startedAt: new Date(job.startedAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
    total: job.total,
    done: job.position,
    changed: job.changed,
    unchanged: job.unchanged,
    failed: job.failed,
    changedExamples: job.changedExamples,
    whatIf: job.tally ?? null,
    fingerprint: job.config ? slaConfigFingerprint(job.config) : null,
    error: job.error ?? null,
  };
}

/** Starts a recompute of the requests a JQL finds, once Jira has accepted the JQL. */
export const startSlaRecompute = asAdmin<RecomputePayload, SlaJobView>(async (caller, payload) => {
  const t = textsFor(caller.lang).refusals;
  const jql = typeof payload.jql === 'string' ? payload.jql.trim() : '';
  if (jql === '' || jql.length > MAX_JQL) return fail(400, 'invalid_jql', t.badJql(''));
  try {
    await searchIssues(jql, { fields: [], maxResults: 1 });
  } catch (error) {
    if (error instanceof JiraError && error.status === 400) return fail(400, 'invalid_jql', t.badJql(error.message));
    throw error;
  }
  return ok(jobView(await startSlaJob('recompute', { jql, by: caller.accountId }), Date.now()));
});

/** Starts the what-if of draft settings (valid ones) over the requests measured in the last 90 days. */
export const startSlaWhatIf = asAdmin<ConfigPayload, SlaJobView>(async (caller, payload) => {
  const t = textsFor(caller.lang).refusals;
  const input = payload.config;
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return fail(400, 'invalid_config', t.invalidConfig, [{ path: '', message: t.notObject }]);
  const draft = validateConfig(input, caller.lang);
  if (!draft.ok) return fail(400, 'invalid_config', t.invalidConfig, draft.errors);
  const job = await startSlaJob('what-if', {
    jql: last90DaysJql(draft.config),
    by: caller.accountId,
    config: draft.config,
  });
  return ok(jobView(job, Date.now()));
});

/** Where the latest recompute, refresh and what-if stand. */
export const getSlaJobs = asAdmin<object, SlaJobsView>(async () => {
  const now = Date.now();
  const [recompute, refresh, whatIf] = await Promise.all(
    (['recompute', 'refresh', 'what-if'] as SlaJobKind[]).map((kind) => loadSlaJob(kind)),
  );
  const view = (job: SlaJob | undefined) => (job ? jobView(job, now) : null);
  return ok({ recompute: view(recompute), refresh: view(refresh), whatIf: view(whatIf) });
});

/** Resumes a job that stalled or failed on a passing fault, from where its progress stands. */
export const resumeSlaJob = asAdmin<ResumePayload, SlaJobView>(async (caller, payload) => {
  const kind = payload.kind;
  if (kind !== 'recompute' && kind !== 'refresh' && kind !== 'what-if')
    return fail(400, 'invalid_job', textsFor(caller.lang).refusals.noJob);
  const job = await resumeJob(kind);
  return job ? ok(jobView(job, Date.now())) : fail(404, 'no_job', textsFor(caller.lang).refusals.noJob);
});
