/**
 * The hourly reminder sweep: finds the due requests with one JQL search page per 100 and hands them to the queue
 * consumer in batches; it reads no request itself. Once a day it also looks for waiting requests without a clock
 * (they predate the install). When it runs short of its time budget it records a cursor, and the next invocation
 * resumes there.
 */
import type { Config } from '../../domain/config';
import { statusResolver } from '../../domain/workflow';
import { JiraError } from '../../jira/client';
import { listStatuses } from '../../jira/list-statuses';
import { searchIssues, type SearchPage } from '../../jira/search-issues';
import { fitsInInvocation, remainingMs } from '../../jira/time-budget';
import { loadConfig } from '../../store/config-store';
import {
  lastBackfillAt,
  loadSweepCursor,
  recordBackfill,
  saveSweepCursor,
  type SweepCursor,
} from '../../store/sweep-cursor';
import { pushWork } from '../../store/work-queue';
import { spreadDelaySeconds } from '../../domain/pacing';
import { dueJql, unclockedJql } from './sweep-jql';

export interface SweepOptions {
  now: () => number;
  /** The invocation's remaining time (ms): a search page is read only while one more fits (time-budget.ts). */
  remainingMs: () => number;
  pageSize: number;
  /** Issue keys per queued batch. */
  batchSize: number;
  /** Seconds between two batches: a large sweep reaches Jira spread over time, not in one burst (pacing.ts). */
  batchSpacingSeconds: number;
  /** Batches queued at once before the spacing starts: a small sweep is not slowed down. */
  immediateBatches: number;
}

export const DEFAULT_SWEEP: SweepOptions = {
  now: () => Date.now(),
  remainingMs,
  pageSize: 100,
  batchSize: 50,
  batchSpacingSeconds: 10,
  immediateBatches: 4,
};
/** What one search page may take, the client's retries included, before the sweep stops for this invocation. */
const PAGE_MS = 10_000;

const BACKFILL_EVERY_MS = 24 * 3_600_000;

export interface SweepReport {
  pages: number;
  due: number;
  batches: number;
  /** False when the budget ran out and a cursor was kept. */
  finished: boolean;
}

/**
 * Runs one sweep (or resumes the interrupted one, then starts a fresh one if time remains).
 * @example await runSweep() //=> { pages: 1, due: 100, batches: 2, finished: true }
 */
export async function runSweep(options: Partial<SweepOptions> = {}): Promise<SweepReport> {
  const opts = { ...DEFAULT_SWEEP, ...options };
  const startedAt = opts.now();
  const hasTime = () => fitsInInvocation(PAGE_MS, opts.remainingMs());
  const config = await loadConfig();
  const report: SweepReport = { pages: 0, due: 0, batches: 0, finished: false };
  let cursor: SweepCursor | undefined = (await loadSweepCursor()) ?? freshCursor(startedAt);
  const pending: { keys: string[]; sweptAt: number }[] = [];
  while (cursor) {
    if (!hasTime()) break;
    const jql: string | null = cursor.phase === 'due' ? dueJql(cursor.sweptAt, config) : await backfillJql(config);
    const page: SearchPage =
      jql === null ? { issues: [], nextPageToken: undefined } : await searchOrSkip(jql, cursor, opts.pageSize);
    if (jql !== null) report.pages++;
    const keys = page.issues.map((i) => i.key);
    report.due += keys.length;
    if (keys.length) pending.push({ keys, sweptAt: cursor.sweptAt });
    cursor = page.nextPageToken ? { ...cursor, nextPageToken: page.nextPageToken } : await nextPhase(cursor, startedAt);
  }
  // Pushed once the search is over: consumers acting meanwhile would shift the pages still to read.
  for (const { keys, sweptAt } of pending) {
    for (let i = 0; i < keys.length; i += opts.batchSize) {
      await pushWork(
        { kind: 'sweep-batch', issueKeys: keys.slice(i, i + opts.batchSize), sweptAt },
        spreadDelaySeconds(report.batches, opts.batchSpacingSeconds, opts.immediateBatches),
      );
      report.batches++;
    }
  }
  await saveSweepCursor(cursor);
  report.finished = cursor === undefined;
  return report;
}

function freshCursor(nowMs: number): SweepCursor {
  return { sweptAt: nowMs, phase: 'due', nextPageToken: null };
}

/** After the due search: the daily backfill, then a fresh sweep when the one finished was resumed from before. */
async function nextPhase(cursor: SweepCursor, startedAt: number): Promise<SweepCursor | undefined> {
  if (cursor.phase === 'due' && cursor.sweptAt - (await lastBackfillAt()) >= BACKFILL_EVERY_MS) {
    return { sweptAt: cursor.sweptAt, phase: 'backfill', nextPageToken: null };
  }
  if (cursor.phase === 'backfill') await recordBackfill(cursor.sweptAt);
  return cursor.sweptAt < startedAt ? freshCursor(startedAt) : undefined;
}

async function backfillJql(config: Config): Promise<string | null> {
  const resolve = statusResolver(config.statusMapping);
  const statuses = await listStatuses();
  return unclockedJql(
    statuses.filter((s) => resolve(s) === 'waiting_for_customer').map((s) => s.id),
    config,
  );
}

/** A search page; a backfill JQL the site refuses (400) is logged and ends the backfill, never the sweep. */
async function searchOrSkip(jql: string, cursor: SweepCursor, maxResults: number): Promise<SearchPage> {
  try {
    // /search/jql answers issue ids only unless `fields` asks for more (OpenAPI: "The default is `id`"): the key is asked for.
    return await searchIssues(jql, { fields: ['key'], maxResults, nextPageToken: cursor.nextPageToken ?? undefined });
  } catch (error) {
    if (cursor.phase === 'backfill' && error instanceof JiraError && error.status === 400) {
      console.warn(
        `[support-rules] sweep: the site refused the backfill search (${error.message}); requests without a clock get one from their next event`,
      );
      return { issues: [], nextPageToken: undefined };
    }
    throw error;
  }
}
