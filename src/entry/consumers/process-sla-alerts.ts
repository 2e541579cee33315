/**
 * The SLA sweep's work, in the queue consumer: for each request due a look, read it fresh (with its changelog),
 * measure its SLA now, send the alerts due through the ledger (once per request, threshold and recipient, however
 * often the sweep or a retried event looks), mark the thresholds dealt with, and write the record (its next check).
 * A request whose read fails is left for the next sweep: its record still says it is due, so nothing is lost.
 */
import type { Config } from '../../domain/config';
import type { Person } from '../../domain/request';
import { slaFromIssue } from '../../domain/sla-from-issue';
import { needsSupportTeamForAlert, slaAlerts, slaThresholdKey, thresholdsReached } from '../../domain/sla-alerts';
import { parseSlaRecord, SLA_RECORD_PROPERTY, type SlaThreshold } from '../../domain/sla-record';
import { findAssignableUsers } from '../../jira/find-assignable-users';
import { getUser } from '../../jira/get-user';
import type { IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { loadConfig } from '../../store/config-store';
import { runOnce } from '../../store/ledger';
import { executeActions } from '../shared/execute-actions';
import { inScope, loadSlaIssue, refreshSlaRecord } from '../shared/sla-record';

/** Looks up each account once per batch. */
type People = Map<string, Promise<Person | null>>;

/**
 * Handles one batch of requests due a look.
 * @example await processSlaAlertBatch({ kind: 'sla-alert-batch', issueKeys: ['SUP-1'], sweptAt: Date.now() })
 */
export async function processSlaAlertBatch(item: Record<string, unknown>, now: () => number = Date.now): Promise<void> {
  const keys = Array.isArray(item.issueKeys) ? item.issueKeys.filter((k): k is string => typeof k === 'string') : [];
  if (keys.length === 0) {
    console.error('[support-rules] SLA alerts: ignored a malformed batch:', JSON.stringify(item).slice(0, 300));
    return;
  }
  const config = await loadConfig();
  const people: People = new Map();
  for (const issueKey of keys) {
    try {
      await processSlaAlert(issueKey, config, people, now());
    } catch (error) {
      console.warn(`[support-rules] SLA alerts: ${issueKey}: ${(error as Error).message}; left for the next sweep`);
    }
  }
}

async function processSlaAlert(issueKey: string, config: Config, people: People, nowMs: number): Promise<void> {
  const issue = await loadSlaIssue(issueKey);
  // A request of a project the rules no longer apply to gets no alert (the sweep's JQL leaves those out already).
  if (!issue || !inScope(issue, config)) return;
  const stored = parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY]);
  // A stopped SLA is a fact of the past: no alert, and its record stays as measured.
  if (stored?.state === 'stopped') return;
  let result;
  try {
    result = slaFromIssue(issue, config, nowMs);
  } catch (error) {
    console.warn(`[support-rules] SLA alerts: ${issue.key} not measured: ${(error as Error).message}`);
    return;
  }
  const reached = thresholdsReached(result, config, nowMs);
  if (reached.warning && config.rules.slaAlerts) {
    const assignee = await personOf(assigneeOf(issue), people);
    const teamLeadId = config.escalation.teamLeadAccountId;
    const teamLead = reached.breach && teamLeadId ? await personOf({ accountId: teamLeadId }, people) : null;
    const supportTeam = needsSupportTeamForAlert(assignee, config) ? await findAssignableUsers(issue.key) : [];
    const decision = slaAlerts({
      request: { issueKey: issue.key, summary: String(issue.fields.summary ?? ''), portalUrl: null },
      issueUrl: browseUrl(issue),
      assignee,
      teamLead,
      supportTeam,
      result,
      config,
      nowMs,
    });
    if (decision.actions.length > 0) await executeActions(decision.actions, config);
  }
  for (const threshold of ['warning', 'breach'] as SlaThreshold[])
    if (reached[threshold]) await runOnce(slaThresholdKey(issue.key, threshold), async () => undefined);
  await refreshSlaRecord(issue.key, config, { nowMs, issue, result });
}

function assigneeOf(issue: IssueWithChangelog): Person | null {
  const a = issue.fields.assignee as { accountId?: unknown; displayName?: unknown } | null | undefined;
  if (!a || typeof a.accountId !== 'string') return null;
  return { accountId: a.accountId, ...(typeof a.displayName === 'string' ? { displayName: a.displayName } : {}) };
}

/** The account with its locale (the issue's user fields carry none); the account as known when it cannot be read. */
async function personOf(person: Person | null, people: People): Promise<Person | null> {
  if (!person) return null;
  if (!people.has(person.accountId)) people.set(person.accountId, getUser(person.accountId));
  const account = await people.get(person.accountId)!;
  return account ? { ...person, ...account } : person;
}

/** The request in Jira's issue view, from the origin of the issue's REST address. */
function browseUrl(issue: IssueWithChangelog): string | null {
  try {
    return issue.self ? `${new URL(issue.self).origin}/browse/${encodeURIComponent(issue.key)}` : null;
  } catch {
    return null;
  }
}
