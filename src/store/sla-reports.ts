/**
 * The SLA reports in @forge/kvs, one per project and period (the latest replaces the one before): where its
 * reading stands (the next search page), its rows a search page per chunk, and, once read, its figures. A report
 * read in several steps resumes from the last chunk saved, so each request is counted once.
 */
import { kvs } from '@forge/kvs';
import type { ReportRow } from '../domain/sla-report';

export interface SlaReportJob {
  id: string;
  projectKey: string;
  /** The period, months YYYY-MM, both included. */
  from: string;
  to: string;
  /** The desk's time zone the months are counted in. */
  timeZone: string;
  jql: string;
  status: 'running' | 'done' | 'failed';
  /** Epoch ms. */
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Jira's estimate of the requests to read, for the progress shown. */
  expected: number;
  /** Requests read, chunks saved, and the search page to read next. */
  read: number;
  chunks: number;
  nextPageToken: string | null;
  /** The figures' blob parts, once done. */
  resultParts: number;
  error?: string;
}

const jobKey = (projectKey: string, from: string, to: string) => `sla-report:${projectKey}:${from}:${to}`;
const chunkKey = (job: Pick<SlaReportJob, 'id'>, n: number) => `sla-report-rows:${job.id}:${n}`;
const partKey = (job: Pick<SlaReportJob, 'id'>, n: number) => `sla-report-result:${job.id}:${n}`;

/** Characters per stored part of a report's figures (kvs keeps values up to 240 KiB). */
const PART_CHARS = 100_000;

/**
 * The report of a project and period, or undefined.
 * @example (await loadSlaReport('SUP', '2026-10', '2026-11'))?.status //=> 'done'
 */
export async function loadSlaReport(projectKey: string, from: string, to: string): Promise<SlaReportJob | undefined> {
  return kvs.get<SlaReportJob>(jobKey(projectKey, from, to));
}

/**
 * Saves a report's state.
 * @example await saveSlaReport({ ...job, read: job.read + 100, updatedAt: Date.now() })
 */
export async function saveSlaReport(job: SlaReportJob): Promise<void> {
  await kvs.set(jobKey(job.projectKey, job.from, job.to), job);
}

/**
 * Keeps a chunk of a report's rows (a search page's worth).
 * @example await saveReportRows(job, 0, rows)
 */
export async function saveReportRows(job: Pick<SlaReportJob, 'id'>, n: number, rows: ReportRow[]): Promise<void> {
  await kvs.set(chunkKey(job, n), rows);
}

/**
 * A chunk of a report's rows ([] when missing).
 * @example (await loadReportRows(job, 0)).length //=> 100
 */
export async function loadReportRows(job: Pick<SlaReportJob, 'id'>, n: number): Promise<ReportRow[]> {
  return (await kvs.get<ReportRow[]>(chunkKey(job, n))) ?? [];
}

/**
 * Keeps a report's computed result (split in parts that fit kvs's value size); returns the number of parts.
 * @example await saveReportResult(job, figures) //=> 1
 */
export async function saveReportResult(job: Pick<SlaReportJob, 'id'>, result: unknown): Promise<number> {
  const text = JSON.stringify(result);
  const parts = Math.max(1, Math.ceil(text.length / PART_CHARS));
  for (let n = 0; n < parts; n++) await kvs.set(partKey(job, n), text.slice(n * PART_CHARS, (n + 1) * PART_CHARS));
  return parts;
}

/**
 * A report's computed result, or undefined when a part is missing.
 * @example await loadReportResult<SlaReportFigures>(job)
 */
export async function loadReportResult<T>(job: Pick<SlaReportJob, 'id' | 'resultParts'>): Promise<T | undefined> {
  let text = '';
  for (let n = 0; n < job.resultParts; n++) {
    const part = await kvs.get<string>(partKey(job, n));
    if (typeof part !== 'string') return undefined;
    text += part;
  }
  return text === '' ? undefined : (JSON.parse(text) as T);
}

/**
 * Deletes what a replaced report kept (its rows and its result).
 * @example await deleteReportData(oldJob)
 */
export async function deleteReportData(job: Pick<SlaReportJob, 'id' | 'chunks' | 'resultParts'>): Promise<void> {
  for (let n = 0; n < job.chunks; n++) await kvs.delete(chunkKey(job, n));
  for (let n = 0; n < job.resultParts; n++) await kvs.delete(partKey(job, n));
}
