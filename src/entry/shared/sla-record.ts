/**
 * Measures a request's response SLA from Jira and keeps its record (issue property `supportRulesSla`) up to date:
 * one read (the issue with its changelog and its stored record), one write when the measure changed.
 * A stopped SLA keeps the record it was measured with, unless an admin asks for a recompute.
 */
import type { Config } from '../../domain/config';
import { appliesToProject, type ProjectRef } from '../../domain/project-scope';
import type { SlaResult } from '../../domain/sla';
import { slaFromIssue } from '../../domain/sla-from-issue';
import { slaThresholdKey } from '../../domain/sla-alerts';
import {
  parseSlaRecord,
  sameMeasure,
  slaRecordOf,
  SLA_RECORD_PROPERTY,
  type SlaRecord,
  type SlaThreshold,
} from '../../domain/sla-record';
import { JiraError } from '../../jira/client';
import { getIssueWithChangelog, type IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { setIssueProperty } from '../../jira/issue-property';
import { isDone } from '../../store/ledger';
import { pushWork } from '../../store/work-queue';
import { retryAfterMsOf } from '../../store/quota-pause';
import { requeueDelaySeconds } from '../../domain/pacing';

/**
 * A request with its changelog and its stored SLA record, read as the app in one call; null when it no longer exists.
 * @example (await loadSlaIssue('SUP-1'))?.properties?.supportRulesSla //=> { state: 'running', ... }
 */
export async function loadSlaIssue(issueKey: string): Promise<IssueWithChangelog | null> {
  try {
    return await getIssueWithChangelog(issueKey, 'app', { properties: [SLA_RECORD_PROPERTY] });
  } catch (error) {
    if (error instanceof JiraError && error.status === 404) return null;
    throw error;
  }
}

/**
 * True when the rules apply to the request's project (a JSM project the admin picked, or any JSM project when none
 * is picked): the others get no record and no alert.
 * @example inScope(await loadSlaIssue('DEV-1'), config) //=> false
 */
export function inScope(issue: IssueWithChangelog, config: Pick<Config, 'projects'>): boolean {
  return appliesToProject(issue.fields.project as ProjectRef | undefined, config);
}

/**
 * The thresholds whose alerts the ledger says were dealt with.
 * @example await handledThresholds('SUP-1') //=> { warning: true, breach: false }
 */
export async function handledThresholds(issueKey: string): Promise<Record<SlaThreshold, boolean>> {
  const [warning, breach] = await Promise.all([
    isDone(slaThresholdKey(issueKey, 'warning')),
    isDone(slaThresholdKey(issueKey, 'breach')),
  ]);
  return { warning: warning || breach, breach };
}

export type RefreshOutcome =
  | { status: 'written' | 'unchanged'; record: SlaRecord; previous: SlaRecord | null }
  /** The stopped SLA kept as it was measured. */
  | { status: 'kept'; record: SlaRecord; previous: SlaRecord }
  | { status: 'absent' }
  /** Not a request of a project the rules apply to: no record written. */
  | { status: 'out-of-scope' }
  /** The issue could not be measured (no creation date, no status): logged, nothing written. */
  | { status: 'unmeasurable'; reason: string };

export interface RefreshOptions {
  nowMs?: number;
  /** Recompute a stopped SLA too (the admin's recompute); otherwise it keeps its record. */
  force?: boolean;
  /** The issue, when the caller has read it already with {@link loadSlaIssue}. */
  issue?: IssueWithChangelog;
  /** The SLA computed at `nowMs`, when the caller has it already. */
  result?: SlaResult;
}

/**
 * Measures the SLA now and writes its record when it changed.
 * @example await refreshSlaRecord('SUP-1', config) //=> { status: 'written', record: { state: 'running', ... }, previous: null }
 */
export async function refreshSlaRecord(
  issueKey: string,
  config: Config,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const issue = opts.issue ?? (await loadSlaIssue(issueKey));
  if (!issue) return { status: 'absent' };
  const measured = await measureSlaRecord(issue, config, opts);
  if (measured.status !== 'changed') return measured;
  await setIssueProperty(issue.key, SLA_RECORD_PROPERTY, measured.record);
  return { ...measured, status: 'written' };
}

export type MeasureOutcome =
  | Exclude<RefreshOutcome, { status: 'written' | 'absent' }>
  /** The record to write: the measure changed. */
  | { status: 'changed'; record: SlaRecord; previous: SlaRecord | null };

/**
 * Measures the SLA of an issue read with its changelog and its stored record, and says whether the record must be
 * written (nothing is written here: the caller writes it, alone or with its other property writes).
 * @example (await measureSlaRecord(issue, config)).status //=> 'changed'
 */
export async function measureSlaRecord(
  issue: IssueWithChangelog,
  config: Config,
  opts: Omit<RefreshOptions, 'issue'> = {},
): Promise<MeasureOutcome> {
  const nowMs = opts.nowMs ?? Date.now();
  if (!inScope(issue, config)) return { status: 'out-of-scope' };
  const previous = parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY]);
  if (previous?.state === 'stopped' && !opts.force) return { status: 'kept', record: previous, previous };
  let result: SlaResult;
  try {
    result = opts.result ?? slaFromIssue(issue, config, nowMs);
  } catch (error) {
    const reason = (error as Error).message;
    console.warn(`[support-rules] SLA record: ${issue.key} not measured: ${reason}`);
    return { status: 'unmeasurable', reason };
  }
  const record = slaRecordOf(result, config, { nowMs, handled: await handledThresholds(issue.key) });
  if (previous && sameMeasure(previous, record)) return { status: 'unchanged', record, previous };
  return { status: 'changed', record, previous };
}

/** Attempts of a record refresh through the queue before it is given up (the next status change measures again). */
export const MAX_REFRESH_ATTEMPTS = 8;

/**
 * Refreshes the records of `issueKeys` in turn; those a transient failure stopped (429, 5xx, time-out) go back to
 * the queue with a growing delay, with the ones after them; a permanent failure is logged and the others go on.
 * @example await refreshSlaRecords(['SUP-1', 'SUP-2'], config) //=> { refreshed: 2, requeued: 0 }
 */
export async function refreshSlaRecords(
  issueKeys: string[],
  config: Config,
  attempt = 0,
): Promise<{ refreshed: number; requeued: number }> {
  let refreshed = 0;
  for (let i = 0; i < issueKeys.length; i++) {
    const issueKey = issueKeys[i]!;
    try {
      await refreshSlaRecord(issueKey, config);
      refreshed++;
    } catch (error) {
      const message = (error as Error).message;
      const transient = !(error instanceof JiraError) || error.retryable;
      if (transient && attempt + 1 < MAX_REFRESH_ATTEMPTS) {
        const rest = issueKeys.slice(i);
        await pushWork(
          { kind: 'sla-refresh', issueKeys: rest, attempt: attempt + 1 },
          requeueDelaySeconds(attempt, retryAfterMsOf(error)),
        );
        console.warn(`[support-rules] SLA record: ${issueKey}: ${message}; ${rest.length} request(s) re-queued`);
        return { refreshed, requeued: rest.length };
      }
      console.error(`[support-rules] SLA record: ${issueKey}: ${message}; not measured (the next change will)`);
    }
  }
  return { refreshed, requeued: 0 };
}
