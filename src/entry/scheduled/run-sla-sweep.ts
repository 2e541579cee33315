/**
 * The five-minute SLA sweep: finds the requests whose SLA is due a look before the next run (one JQL search page
 * per 100, with their record's next check, and nothing else read) and hands them to the queue consumer, each
 * delayed to its own instant, so an alert goes out at its minute rather than at the next run. Once a day it also
 * finds the requests without an SLA record (they predate the install) and has their record written. When it
 * runs short of its time budget it records a cursor, and the next invocation resumes there. Only the requests of
 * the projects the rules apply to (domain/project-scope.ts) are searched and measured.
 */
import { appliesToProject, type ProjectRef } from '../../domain/project-scope';
import { parseSlaRecord, SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import { searchIssues, type SearchPage } from '../../jira/search-issues';
import { loadConfig } from '../../store/config-store';
import { loadSlaSweepState, saveSlaSweepState } from '../../store/sla-sweep-state';
import type { SweepCursor } from '../../store/sweep-cursor';
import { pushWork } from '../../store/work-queue';
import { spreadDelaySeconds } from '../../domain/pacing';
import { slaDueJql, slaUnrecordedJql } from './sla-sweep-jql';

export interface SlaSweepOptions {
  now: () => number;
  /** Stop searching after this long (Forge gives a scheduled trigger 25 s unless told more). */
  budgetMs: number;
  pageSize: number;
  /** Issue keys per queued batch. */
  batchSize: number;
  /** How far ahead to look: the interval of the scheduled trigger, so nothing falls between two runs. */
  lookAheadMs: number;
  /** Seconds between two record refresh batches: a large backfill reaches Jira spread over time (pacing.ts). */
  batchSpacingSeconds: number;
  /** Batches queued at once before the spacing starts: a small sweep is not slowed down. */
  immediateBatches: number;
}

export const DEFAULT_SLA_SWEEP: SlaSweepOptions = {
  now: () => Date.now(),
  budgetMs: 15_000,
  pageSize: 100,
  batchSize: 50,
  lookAheadMs: 5 * 60_000,
  batchSpacingSeconds: 10,
  immediateBatches: 4,
};

const BACKFILL_EVERY_MS = 24 * 3_600_000;
/** Forge delays a queued event by at most 900 seconds. */
const MAX_DELAY_S = 900;

export interface SlaSweepReport {
  pages: number;
  /** Requests due a look before the next run. */
  due: number;
  /** Requests without a record, sent to be measured. */
  unrecorded: number;
  batches: number;
  /** False when the budget ran out and a cursor was kept. */
  finished: boolean;
}

interface Pending {
  keys: string[];
  kind: 'sla-alert-batch' | 'sla-refresh';
  /** When the batch is due (epoch ms, to the second): it is pushed with the delay left until then. */
  dueAt: number;
  sweptAt: number;
}

/**
 * Runs one SLA sweep (or resumes the interrupted one, then starts a fresh one if time remains).
 * @example await runSlaSweep() //=> { pages: 1, due: 3, unrecorded: 0, batches: 2, finished: true }
 */
export async function runSlaSweep(options: Partial<SlaSweepOptions> = {}): Promise<SlaSweepReport> {
  const opts = { ...DEFAULT_SLA_SWEEP, ...options };
  const startedAt = opts.now();
  const report: SlaSweepReport = { pages: 0, due: 0, unrecorded: 0, batches: 0, finished: false };
  const [state, config] = await Promise.all([loadSlaSweepState(), loadConfig()]);
  let lastBackfillAt = state.lastBackfillAt;
  let cursor: SweepCursor | undefined = state.cursor ?? fresh(startedAt);
  const pending: Pending[] = [];
  while (cursor) {
    if (opts.now() - startedAt > opts.budgetMs) break;
    const due = cursor.phase === 'due';
    const page: SearchPage = await searchIssues(
      due ? slaDueJql(cursor.sweptAt + opts.lookAheadMs, config) : slaUnrecordedJql(config),
      {
        // The backfill also reads the project: with no project picked, its JQL finds other kinds of projects' issues.
        fields: due ? ['key'] : ['key', 'project'],
        maxResults: opts.pageSize,
        nextPageToken: cursor.nextPageToken ?? undefined,
        ...(due ? { properties: [SLA_RECORD_PROPERTY] } : {}),
      },
    );
    report.pages++;
    for (const issue of page.issues) {
      const key = issue.key ?? issue.id;
      if (due) {
        const next = parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY])?.nextCheckAt ?? cursor.sweptAt;
        // Those due already go together, at once; the others each at their second.
        const dueAt = next <= cursor.sweptAt ? cursor.sweptAt : Math.ceil(next / 1000) * 1000;
        add(pending, { keys: [key], kind: 'sla-alert-batch', dueAt, sweptAt: cursor.sweptAt }, opts.batchSize);
        report.due++;
      } else if (appliesToProject(issue.fields?.project as ProjectRef | undefined, config)) {
        add(pending, { keys: [key], kind: 'sla-refresh', dueAt: 0, sweptAt: cursor.sweptAt }, opts.batchSize);
        report.unrecorded++;
      }
    }
    if (page.nextPageToken) cursor = { ...cursor, nextPageToken: page.nextPageToken };
    else if (cursor.phase === 'due' && cursor.sweptAt - lastBackfillAt >= BACKFILL_EVERY_MS)
      cursor = { sweptAt: cursor.sweptAt, phase: 'backfill', nextPageToken: null };
    else {
      if (cursor.phase === 'backfill') lastBackfillAt = cursor.sweptAt;
      // A sweep resumed from an earlier run is followed by a fresh one.
      cursor = cursor.sweptAt < startedAt ? fresh(startedAt) : undefined;
    }
  }
  // Pushed once the search is over: consumers writing records meanwhile would shift the pages still to read.
  // Alerts go at their own instant; record refreshes are spread out, one batch every few seconds.
  let refreshes = 0;
  for (const batch of pending) {
    const delay = Math.min(MAX_DELAY_S, Math.max(0, Math.ceil((batch.dueAt - opts.now()) / 1000)));
    if (batch.kind === 'sla-alert-batch')
      await pushWork({ kind: 'sla-alert-batch', issueKeys: batch.keys, sweptAt: batch.sweptAt }, delay);
    else
      await pushWork(
        { kind: 'sla-refresh', issueKeys: batch.keys, attempt: 0 },
        Math.max(delay, spreadDelaySeconds(refreshes++, opts.batchSpacingSeconds, opts.immediateBatches)),
      );
    report.batches++;
  }
  await saveSlaSweepState({ cursor: cursor ?? null, lastBackfillAt }, state);
  report.finished = cursor === undefined;
  return report;
}

/** Adds a key to the batch of the same kind and delay, starting a new one when it is full. */
function add(pending: Pending[], item: Pending, batchSize: number): void {
  const batch = pending.find(
    (p) => p.kind === item.kind && p.dueAt === item.dueAt && p.sweptAt === item.sweptAt && p.keys.length < batchSize,
  );
  if (batch) batch.keys.push(...item.keys);
  else pending.push(item);
}

function fresh(nowMs: number): SweepCursor {
  return { sweptAt: nowMs, phase: 'due', nextPageToken: null };
}
