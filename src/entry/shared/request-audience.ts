/**
 * Whether a person may see (and escalate) a request, decided by the app itself: its reporter, its participants and
 * the members of an organization it is shared with (src/domain/request-audience.ts), read as the app, since a
 * portal-only customer's `asUser()` calls get permission errors (Atlassian's ECO-838); otherwise an agent, asked of
 * Jira as the user. Anyone else is refused.
 */
import { organizationsOf } from '../../domain/sla-from-issue';
import {
  participantIdsOf,
  portalRelation,
  type PortalRelation,
  type RequestPeople,
} from '../../domain/request-audience';
import { JiraError, nullIfAbsent } from '../../jira/client';
import { getCustomerRequest } from '../../jira/get-customer-request';
import { getIssueWithChangelog, type IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import { getRequestParticipants } from '../../jira/get-request-participants';
import { listUserOrganizationIds } from '../../jira/list-user-organizations';

export type Audience = PortalRelation | 'agent';

/**
 * How `accountId` may see the request `issue` (read as the app, with names and schema), or null.
 * @example await requestAudience(issue, 'cust-1', 'view') //=> 'reporter'
 */
export async function requestAudience(
  issue: IssueWithChangelog,
  accountId: string,
  purpose: 'view' | 'escalate',
): Promise<Audience | null> {
  // Read only what the answer needs, in the order the rule looks (the reporter, the participants, the caller's
  // organizations): the reporter and the participants are in the request's read; the caller's organizations cost
  // one call, made only when the request is shared with one and the caller is neither.
  const people: RequestPeople = {
    reporterId: issue.fields.reporter?.accountId ?? null,
    participantIds: [],
    organizationIds: organizationsOf(issue).map((o) => String(o.id)),
  };
  let relation = portalRelation(accountId, people, []);
  if (!relation) {
    // The Request participants field of the read; JSM's participant list when the read does not hold it.
    people.participantIds =
      participantIdsOf(issue) ??
      ((await nullIfAbsent(getRequestParticipants(issue.key))) ?? []).map((p) => p.accountId);
    relation = portalRelation(accountId, people, []);
  }
  if (!relation && people.organizationIds.length > 0)
    relation = portalRelation(accountId, people, await listUserOrganizationIds(accountId));
  if (relation) return relation;
  return (await isAgentOf(issue.key, purpose)) ? 'agent' : null;
}

/**
 * Reads the request as the app (with the issue properties asked, in the same call) and says how `accountId` may see
 * it; null when the request does not exist.
 * @example (await loadAudience('SUP-1', 'cust-9', 'view'))?.audience //=> null for a stranger
 */
export async function loadAudience(
  issueKey: string,
  accountId: string,
  purpose: 'view' | 'escalate',
  opts: { properties?: string[] } = {},
): Promise<{ issue: IssueWithChangelog; audience: Audience | null } | null> {
  const issue = await nullIfAbsent(getIssueWithChangelog(issueKey, 'app', opts));
  if (!issue) return null;
  return { issue, audience: await requestAudience(issue, accountId, purpose) };
}

/** As the user: JSM shows them the request (view) or they may transition it (escalate). A refusal is false. */
async function isAgentOf(issueKey: string, purpose: 'view' | 'escalate'): Promise<boolean> {
  try {
    if (purpose === 'escalate') return await hasIssuePermission(issueKey, 'TRANSITION_ISSUES');
    await getCustomerRequest(issueKey, 'user');
    return true;
  } catch (error) {
    if (error instanceof JiraError && [401, 403, 404].includes(error.status)) return false;
    throw error;
  }
}
