/**
 * The other engines the screens read: the response SLA (src/domain/sla.ts), the waiting-for-customer schedule
 * (src/domain/reminders.ts) and the stored escalation, loaded for one request.
 */
import type { Config } from '../../domain/config';
import { ESCALATION_PROPERTY, parseEscalationRecord } from '../../domain/escalation';
import { STATE_PROPERTY, parseReminderState, reminderSchedule } from '../../domain/reminders';
import { slaFromIssue } from '../../domain/sla-from-issue';
import { measuredSla, parseSlaRecord, SLA_RECORD_PROPERTY, type MeasuredSla } from '../../domain/sla-record';
import { getIssueProperty } from '../../jira/issue-property';
import type { CanonicalStatus } from '../../domain/workflow';
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

/**
 * The next reminder and the auto-close date, when the request waits for its customer: from its stored clock, or,
 * for a request waiting whose clock the hourly sweep has not written yet (it waited before the install, or just
 * began to), from its history read now, as the sweep will count it.
 */
export async function loadWaiting(
  issueKey: string,
  config: Config,
  status?: CanonicalStatus,
  created?: string,
): Promise<WaitingView | null> {
  const stored = parseReminderState(await getIssueProperty<unknown>(issueKey, STATE_PROPERTY));
  const waiting = status === 'waiting_for_customer';
  const clock =
    stored && (stored.waiting === 'yes' || !waiting)
      ? stored
      : waiting && (config.rules.reminders || config.rules.autoClose)
        ? (await clockFromJira(issueKey, status, created ? Date.parse(created) : 0, config)).clock
        : null;
  if (!clock) return null;
  const schedule = reminderSchedule(clock, config);
  return schedule.nextReminderAt === null && schedule.autoCloseAt === null ? null : schedule;
}

/** The request's escalation, if any. */
export async function loadEscalation(issueKey: string): Promise<EscalationView | null> {
  return parseEscalationRecord(await getIssueProperty<unknown>(issueKey, ESCALATION_PROPERTY));
}
