/**
 * The SLA's background jobs, step by step in the queue consumer (Forge gives a consumer minutes, not hours): each
 * step works for a bounded time, saves its progress and queues the next step, so a job of thousands of requests
 * stays within Forge's limits and resumes where it stopped after a failure.
 *
 * - recompute (the admin's JQL) and refresh (running SLAs after a settings change): first the request ids are
 *   collected (pages of ids only, kept in kvs), then each request is measured again and its record written when it
 *   changed; a recompute measures stopped SLAs again too, a refresh keeps them as measured.
 * - what-if (draft settings): pages through the requests of the last 90 days with their changelog and record, and
 *   counts those whose outcome the draft would change; nothing is written.
 */
import type { SlaResult } from '../../domain/sla';
import { slaFromIssue } from '../../domain/sla-from-issue';
import { parseSlaRecord, SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import { addToTally, currentSla, emptyTally } from '../../domain/sla-what-if';
import { JiraError } from '../../jira/client';
import { getChangelog } from '../../jira/get-changelog';
import type { IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { searchIssues } from '../../jira/search-issues';
import { loadConfig } from '../../store/config-store';
import {
  deleteJobIds,
  IDS_PER_CHUNK,
  loadJobIds,
  loadSlaJob,
  saveJobIds,
  saveSlaJob,
  type SlaJob,
  type SlaJobKind,
} from '../../store/sla-jobs';
import { pushWork } from '../../store/work-queue';
import { loadSlaIssue, refreshSlaRecord } from '../shared/sla-record';

export interface StepOptions {
  now: () => number;
  /** How long one step works before it queues the next (well within a consumer's time limit). */
  budgetMs: number;
}

export const DEFAULT_STEP: StepOptions = { now: () => Date.now(), budgetMs: 20_000 };

/** The most requests one job takes on: a larger JQL is refused, to be narrowed. */
export const MAX_JOB_REQUESTS = 20_000;
/** Requests per what-if page (the most a search gives with fields). */
const WHAT_IF_PAGE = 100;
const CHANGED_EXAMPLES = 5;

/**
 * Runs one step of a job and queues the next while work remains.
 * @example await runSlaJobStep({ kind: 'sla-job', jobKind: 'recompute', jobId: 'r-1764590000000' })
 */
export async function runSlaJobStep(item: Record<string, unknown>, options: Partial<StepOptions> = {}): Promise<void> {
  const opts = { ...DEFAULT_STEP, ...options };
  const kind = item.jobKind as SlaJobKind;
  if (!['recompute', 'refresh', 'what-if'].includes(kind) || typeof item.jobId !== 'string') {
    console.error('[support-rules] SLA job: ignored a malformed step:', JSON.stringify(item).slice(0, 300));
    return;
  }
  const job = await loadSlaJob(kind);
  if (!job || job.id !== item.jobId || job.status === 'done' || job.status === 'failed') return;
  const started = opts.now();
  const inBudget = () => opts.now() - started < opts.budgetMs;
  try {
    const more =
      job.kind === 'what-if'
        ? await whatIfStep(job, opts, inBudget)
        : job.status === 'collecting'
          ? await collectStep(job, opts, inBudget)
          : await measureStep(job, opts, inBudget);
    if (more) await pushWork({ kind: 'sla-job', jobKind: job.kind, jobId: job.id });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof JiraError && !error.retryable) {
      // The search itself was refused (the JQL no longer works): the job ends, saying why.
      await saveSlaJob({ ...job, status: 'failed', error: message, updatedAt: opts.now(), finishedAt: opts.now() });
      console.error(`[support-rules] SLA job ${job.kind} ${job.id}: ${message}; stopped`);
      return;
    }
    // Jira busy or failing for now: the next step picks up from the progress saved.
    console.warn(`[support-rules] SLA job ${job.kind} ${job.id}: ${message}; continues in a minute`);
    await pushWork({ kind: 'sla-job', jobKind: job.kind, jobId: job.id }, 60);
  }
}

/** Collects the ids of the requests the JQL finds, a page of ids at a time; true while more remain. */
async function collectStep(job: SlaJob, opts: StepOptions, inBudget: () => boolean): Promise<boolean> {
  while (inBudget()) {
    const page = await searchIssues(job.jql, {
      fields: [],
      maxResults: IDS_PER_CHUNK,
      nextPageToken: job.nextPageToken ?? undefined,
    });
    const ids = page.issues.map((i) => String(i.id ?? i.key));
    if (job.total + ids.length > MAX_JOB_REQUESTS) {
      await deleteJobIds(job);
      await saveSlaJob({
        ...job,
        status: 'failed',
        error: `more than ${MAX_JOB_REQUESTS.toLocaleString('en')} requests`,
        updatedAt: opts.now(),
        finishedAt: opts.now(),
      });
      return false;
    }
    await appendIds(job, ids);
    Object.assign(job, {
      total: job.total + ids.length,
      chunks: Math.ceil((job.total + ids.length) / IDS_PER_CHUNK),
      nextPageToken: page.nextPageToken ?? null,
      updatedAt: opts.now(),
    });
    if (!page.nextPageToken) {
      Object.assign(job, { status: 'running' });
      await saveSlaJob(job);
      return true;
    }
    await saveSlaJob(job);
  }
  return true;
}

/** Adds ids after the `job.total` already kept, in chunks of exactly {@link IDS_PER_CHUNK} (the last one partial). */
async function appendIds(job: SlaJob, ids: string[]): Promise<void> {
  let at = job.total;
  let rest = ids;
  while (rest.length > 0) {
    const n = Math.floor(at / IDS_PER_CHUNK);
    const kept = at % IDS_PER_CHUNK === 0 ? [] : await loadJobIds(job, n);
    const room = IDS_PER_CHUNK - kept.length;
    await saveJobIds(job, n, [...kept, ...rest.slice(0, room)]);
    at += Math.min(room, rest.length);
    rest = rest.slice(room);
  }
}

/** Measures the collected requests again, one at a time, saving after each; true while more remain. */
async function measureStep(job: SlaJob, opts: StepOptions, inBudget: () => boolean): Promise<boolean> {
  const config = await loadConfig();
  let chunk = -1;
  let ids: string[] = [];
  while (job.position < job.total) {
    if (!inBudget()) return true;
    const n = Math.floor(job.position / IDS_PER_CHUNK);
    if (n !== chunk) {
      ids = await loadJobIds(job, n);
      chunk = n;
    }
    const id = ids[job.position % IDS_PER_CHUNK];
    let counted: 'changed' | 'unchanged' | 'failed' = 'failed';
    let key: string | undefined;
    if (id !== undefined) {
      const issue = await loadSlaIssue(id);
      if (issue) {
        key = issue.key;
        const outcome = await refreshSlaRecord(issue.key, config, {
          issue,
          nowMs: opts.now(),
          force: job.kind === 'recompute',
        });
        counted = outcome.status === 'written' ? 'changed' : outcome.status === 'unmeasurable' ? 'failed' : 'unchanged';
      }
    }
    job[counted]++;
    if (counted === 'changed' && key && job.changedExamples.length < CHANGED_EXAMPLES) job.changedExamples.push(key);
    job.position++;
    job.updatedAt = opts.now();
    await saveSlaJob(job);
  }
  await deleteJobIds(job);
  await saveSlaJob({ ...job, status: 'done', finishedAt: opts.now() });
  return false;
}

/** Counts a page of the last 90 days' requests under the draft settings; true while more pages remain. */
async function whatIfStep(job: SlaJob, opts: StepOptions, inBudget: () => boolean): Promise<boolean> {
  const draft = job.config;
  if (!draft) {
    await saveSlaJob({ ...job, status: 'failed', error: 'no settings to compare', finishedAt: opts.now() });
    return false;
  }
  const config = await loadConfig();
  while (inBudget()) {
    const page = await searchIssues(job.jql, {
      fields: ['*all', '-comment', '-description', '-attachment'],
      expand: ['changelog'],
      properties: [SLA_RECORD_PROPERTY],
      maxResults: WHAT_IF_PAGE,
      nextPageToken: job.nextPageToken ?? undefined,
    });
    const tally = job.tally ?? emptyTally();
    const now = opts.now();
    for (const found of page.issues) {
      const issue = found as unknown as IssueWithChangelog;
      const total = issue.changelog?.total;
      if (typeof total === 'number' && total > (issue.changelog?.histories?.length ?? 0))
        issue.changelog = { histories: await getChangelog(issue.id ?? issue.key), total };
      let live: SlaResult;
      let proposed: SlaResult;
      try {
        live = slaFromIssue(issue, config, now);
        proposed = slaFromIssue(issue, draft, now);
      } catch {
        tally.scanned++;
        tally.unmeasurable++;
        continue;
      }
      addToTally(tally, issue.key, currentSla(live, parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY])), proposed);
    }
    // The page and the tally are saved together: a step cut short counts its page again, never twice.
    Object.assign(job, { tally, nextPageToken: page.nextPageToken ?? null, updatedAt: now });
    if (!page.nextPageToken) {
      await saveSlaJob({ ...job, status: 'done', finishedAt: now });
      return false;
    }
    await saveSlaJob(job);
  }
  return true;
}
