/**
 * The SLA's background jobs in @forge/kvs, one of each kind at a time (a new one replaces the last): the admin's
 * recompute of chosen requests, the refresh of running SLAs after a settings change, and the what-if of draft
 * settings over the last 90 days. Each keeps its progress after every request, so a job cut short resumes where it
 * stopped and its counts stay exact. The request ids a recompute works through are kept in chunks beside it.
 */
import { kvs } from '@forge/kvs';
import type { Config } from '../domain/config';
import type { WhatIfTally } from '../domain/sla-what-if';

export type SlaJobKind = 'recompute' | 'refresh' | 'what-if';

export interface SlaJob {
  id: string;
  kind: SlaJobKind;
  /** The requests it works on. */
  jql: string;
  /** Who started it (an account id), null for the app itself (a refresh after a save). */
  by: string | null;
  status: 'collecting' | 'running' | 'done' | 'failed';
  /** Epoch ms. */
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Collecting: the next search page; what-if: the next page of the search it works through. */
  nextPageToken: string | null;
  /** Recompute and refresh: the ids collected, in chunks, and where processing stands. */
  total: number;
  chunks: number;
  position: number;
  /** Recompute and refresh: requests measured again whose record changed, did not change, could not be measured. */
  changed: number;
  unchanged: number;
  failed: number;
  /** Recompute and refresh: the first few requests whose record changed. */
  changedExamples: string[];
  /** What-if: the draft settings and what they would change. */
  config?: Config;
  tally?: WhatIfTally;
  /** Why it failed. */
  error?: string;
}

/** Request ids per kvs chunk (numbers: well under kvs's value size). */
export const IDS_PER_CHUNK = 1000;

const jobKey = (kind: SlaJobKind) => `sla-job:${kind}`;
const chunkKey = (job: Pick<SlaJob, 'kind' | 'id'>, n: number) => `sla-job:${job.kind}:${job.id}:ids:${n}`;

/**
 * The latest job of a kind, or undefined.
 * @example (await loadSlaJob('recompute'))?.status //=> 'running'
 */
export async function loadSlaJob(kind: SlaJobKind): Promise<SlaJob | undefined> {
  return kvs.get<SlaJob>(jobKey(kind));
}

/**
 * Saves a job (it becomes the latest of its kind).
 * @example await saveSlaJob({ ...job, position: job.position + 1, updatedAt: Date.now() })
 */
export async function saveSlaJob(job: SlaJob): Promise<void> {
  await kvs.set(jobKey(job.kind), job);
}

/**
 * Keeps a chunk of the ids a job works through.
 * @example await saveJobIds(job, 0, [10001, 10002])
 */
export async function saveJobIds(job: Pick<SlaJob, 'kind' | 'id'>, n: number, ids: string[]): Promise<void> {
  await kvs.set(chunkKey(job, n), ids);
}

/**
 * A chunk of the ids a job works through ([] when missing).
 * @example await loadJobIds(job, 0) //=> ['10001', '10002']
 */
export async function loadJobIds(job: Pick<SlaJob, 'kind' | 'id'>, n: number): Promise<string[]> {
  return (await kvs.get<string[]>(chunkKey(job, n))) ?? [];
}

/**
 * Deletes the id chunks of a finished or replaced job.
 * @example await deleteJobIds(job)
 */
export async function deleteJobIds(job: Pick<SlaJob, 'kind' | 'id' | 'chunks'>): Promise<void> {
  for (let n = 0; n < job.chunks; n++) await kvs.delete(chunkKey(job, n));
}
