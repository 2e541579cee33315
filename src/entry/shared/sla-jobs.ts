/**
 * Starts the SLA's background jobs (src/entry/consumers/run-sla-job.ts runs them) and shows where they stand.
 * A new job replaces the last one of its kind: the steps of the one replaced find another id and stop.
 */
import type { Config } from '../../domain/config';
import { projectClause } from '../../domain/project-scope';
import { SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import { emptyTally } from '../../domain/sla-what-if';
import { deleteJobIds, loadSlaJob, saveSlaJob, type SlaJob, type SlaJobKind } from '../../store/sla-jobs';
import { pushWork } from '../../store/work-queue';

/**
 * The running and paused SLAs of the projects the rules apply to: what a settings change moves.
 * @example runningSlasJql(defaultConfig()) //=> 'issue.property[supportRulesSla].state IN ("running", "paused") ORDER BY key ASC'
 */
export function runningSlasJql(config: Pick<Config, 'projects'>): string {
  return `${projectClause(config)}issue.property[${SLA_RECORD_PROPERTY}].state IN ("running", "paused") ORDER BY key ASC`;
}

/**
 * The requests measured in the last 90 days, in the projects `config` applies to: what a what-if looks at.
 * @example last90DaysJql({ projects: { keys: ['SUP'] } }) //=> 'project in ("SUP") AND issue.property[supportRulesSla].startedAt >= -90d ORDER BY key ASC'
 */
export function last90DaysJql(config: Pick<Config, 'projects'>): string {
  return `${projectClause(config)}issue.property[${SLA_RECORD_PROPERTY}].startedAt >= -90d ORDER BY key ASC`;
}

/** A step that has not moved for this long, and has not finished, has stalled (its chain of queued steps broke). */
export const STALLED_AFTER_MS = 5 * 60_000;

/**
 * Starts a job of `kind` over the requests `jql` finds, replacing the last one of that kind.
 * @example await startSlaJob('recompute', { jql: 'project = SUP AND created >= -30d', by: 'admin-1' })
 */
export async function startSlaJob(
  kind: SlaJobKind,
  opts: { jql: string; by: string | null; config?: Config; nowMs?: number },
): Promise<SlaJob> {
  const now = opts.nowMs ?? Date.now();
  const previous = await loadSlaJob(kind);
  if (previous) await deleteJobIds(previous);
  const job: SlaJob = {
    id: `${kind}-${now}`,
    kind,
    jql: opts.jql,
    by: opts.by,
    status: kind === 'what-if' ? 'running' : 'collecting',
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    nextPageToken: null,
    total: 0,
    chunks: 0,
    position: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    changedExamples: [],
    ...(kind === 'what-if' ? { config: opts.config, tally: emptyTally() } : {}),
  };
  await saveSlaJob(job);
  await pushWork({ kind: 'sla-job', jobKind: kind, jobId: job.id });
  return job;
}

/**
 * Queues the next step of a job that stalled (or failed on a passing fault), from where its progress stands.
 * @example await resumeSlaJob('recompute') //=> the job, or undefined when there is none to resume
 */
export async function resumeSlaJob(kind: SlaJobKind, nowMs = Date.now()): Promise<SlaJob | undefined> {
  const job = await loadSlaJob(kind);
  if (!job || job.status === 'done') return undefined;
  const resumed: SlaJob = {
    ...job,
    status: job.status === 'failed' ? (job.total > 0 || kind === 'what-if' ? 'running' : 'collecting') : job.status,
    updatedAt: nowMs,
    finishedAt: null,
  };
  delete resumed.error;
  await saveSlaJob(resumed);
  await pushWork({ kind: 'sla-job', jobKind: kind, jobId: job.id });
  return resumed;
}

/**
 * True when a job has not finished and has not moved for {@link STALLED_AFTER_MS}.
 * @example isStalled({ status: 'running', updatedAt: now - 600_000 }, now) //=> true
 */
export function isStalled(job: Pick<SlaJob, 'status' | 'updatedAt'>, nowMs: number): boolean {
  return (job.status === 'running' || job.status === 'collecting') && nowMs - job.updatedAt > STALLED_AFTER_MS;
}
