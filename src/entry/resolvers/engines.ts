/**
 * The other engines the screens read: the response SLA (src/domain/sla.ts), the waiting-for-customer schedule
 * (src/domain/reminders.ts) and the stored escalation, loaded for one request.
 */
import type { Config } from '../../domain/config';
import { ESCALATION_PROPERTY, parseEscalationRecord } from '../../domain/escalation';
import { STATE_PROPERTY, parseReminderState, reminderSchedule } from '../../domain/reminders';
import { slaFromIssue } from '../../domain/sla-from-issue';
import { measuredSla, parseSlaRecord, SLA_RECORD_PROPERTY, type MeasuredSla } from '../../domain/sla-record';
import type { CanonicalStatus } from '../../domain/workflow';
import type { JiraComment } from '../../domain/comments';
import { clockFromJira } from '../shared/clock-from-jira';
import type { IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import type { EscalationView, WaitingView } from '../../shared/contracts';

/**
 * The response SLA of an issue read with its changelog (and its SLA record): a stopped SLA as its record measured
 * it, anything else computed now; or the reason it could not be computed.
 */
export function computeSla(
  issue: IssueWithChangelog,
  config: Config,
  nowMs: number,
): { sla: MeasuredSla | null; unavailable: string | null } {
  try {
    const live = slaFromIssue(issue, config, nowMs);
    return { sla: measuredSla(live, parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY])), unavailable: null };
  } catch (error) {
    console.error('[support-rules] SLA not computed for', issue.key, error);
    return { sla: null, unavailable: (error as Error).message };
  }
}

/** The issue properties the screens read, asked in the same read as the issue (`properties=`). */
export const SCREEN_PROPERTIES = [SLA_RECORD_PROPERTY, STATE_PROPERTY, ESCALATION_PROPERTY];

/**
 * The next reminder and the auto-close date, when the request waits for its customer: from its stored clock (the
 * `supportRulesState` property, read with the issue), or, for a request waiting whose clock the hourly sweep has not
 * written yet (it waited before the install, or just began to), from its history, as the sweep will count it: the
 * changelog of the issue read, and `comments` when the caller read the newest 100 (otherwise they are read here).
 * @example await loadWaiting(issue, config, 'waiting_for_customer', Date.now()) //=> { nextReminderAt: '…', autoCloseAt: '…', reminderDue: false, … }
 */
export async function loadWaiting(
  issue: Pick<IssueWithChangelog, 'key' | 'properties' | 'fields' | 'changelog'>,
  config: Config,
  status: CanonicalStatus | undefined,
  nowMs: number,
  comments?: JiraComment[],
): Promise<WaitingView | null> {
  const issueKey = issue.key;
  const created = issue.fields.created;
  const stored = parseReminderState(issue.properties?.[STATE_PROPERTY]);
  const waiting = status === 'waiting_for_customer';
  const clock =
    stored && (stored.waiting === 'yes' || !waiting)
      ? stored
      : waiting && (config.rules.reminders || config.rules.autoClose)
        ? (
            await clockFromJira(issueKey, status, created ? Date.parse(created) : 0, config, {
              histories: wholeChangelog(issue),
              comments,
            })
          ).clock
        : null;
  if (!clock) return null;
  const schedule = reminderSchedule(clock, config, nowMs);
  return schedule.nextReminderAt === null && schedule.autoCloseAt === null ? null : schedule;
}

/** The histories of an issue read that holds its whole changelog (getIssueWithChangelog pages a long one). */
function wholeChangelog(issue: Pick<IssueWithChangelog, 'changelog'>): unknown[] | undefined {
  const histories = issue.changelog?.histories;
  const total = issue.changelog?.total;
  return histories && (typeof total !== 'number' || total <= histories.length) ? histories : undefined;
}

/**
 * The request's escalation, if any, from its `supportRulesEscalation` property read with the issue.
 * @example escalationOf(issue) //=> { by: 'cust-1', at: '…', … } | null
 */
export function escalationOf(issue: Pick<IssueWithChangelog, 'properties'>): EscalationView | null {
  return parseEscalationRecord(issue.properties?.[ESCALATION_PROPERTY]);
}
