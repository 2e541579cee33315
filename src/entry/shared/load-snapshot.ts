/**
 * Loads what the rules see of a request: the issue's fields (as the app), its JSM request (portal link and
 * participants), its channel (JQL `request-channel-type`), the reporter's account (locale) and the agent panel's
 * details (third party, scheduled operation).
 */
import type { Config } from '../../domain/config';
import { appliesToProject } from '../../domain/project-scope';
import { DETAILS_PROPERTY, parseRequestDetails, type RequestDetails } from '../../domain/request-details';
import type { Person, RequestSnapshot } from '../../domain/request';
import { statusResolver } from '../../domain/workflow';
import { nullIfAbsent } from '../../jira/client';
import { getIssue } from '../../jira/get-issue';
import { portalUrlOf } from '../../jira/get-request';
import { getRequestParticipants } from '../../jira/get-request-participants';
import { getUser } from '../../jira/get-user';
import { getIssueProperty } from '../../jira/issue-property';
import { searchIssues } from '../../jira/search-issues';

export interface LoadedRequest {
  snapshot: RequestSnapshot;
  details: RequestDetails | null;
}

/** An issue the rules do not apply to (not in a JSM project the admin picked): nothing more was read. */
export interface OutOfScope {
  outOfScope: { key?: string; projectTypeKey?: string } | null;
}

/**
 * The request as it is now, or null when the issue no longer exists, or `{ outOfScope }` when the rules do not apply
 * to its project (then nothing else is read). The channel is 'portal', 'email' (asked only when the admin leaves JSM's
 * "Request created" to JSM, which confirms email requests) or 'unknown'; an issue outside a service project (no JSM request) loads with
 * no participants and no portal link.
 * @example const loaded = await loadSnapshot('SUP-1', config); loaded?.snapshot.channel //=> 'portal'
 */
export async function loadSnapshot(issueKey: string, config: Config): Promise<LoadedRequest | OutOfScope | null> {
  const issue = await getIssue(issueKey);
  if (!issue) return null;
  const f = issue.fields;
  if (!appliesToProject(f.project, config)) return { outOfScope: f.project ?? null };
  // The issue may have been created an instant ago: reconciled, the lagging search index answers for it as it is.
  const byChannel = (channel: 'portal' | 'email') =>
    searchIssues(`key = "${issue.key}" AND request-channel-type = ${channel}`, {
      fields: [],
      maxResults: 1,
      reconcileIssues: [Number(issue.id)],
    });
  const [portalUrl, participants, portal, email, rawDetails, account] = await Promise.all([
    portalUrlOf(issueKey),
    nullIfAbsent(getRequestParticipants(issueKey)),
    byChannel('portal'),
    config.leaveToJsm.requestCreated ? byChannel('email') : null,
    getIssueProperty<unknown>(issueKey, DETAILS_PROPERTY),
    f.reporter ? getUser(f.reporter.accountId) : Promise.resolve(null),
  ]);
  const reporter: Person | null = f.reporter ? { ...f.reporter, ...account, accountId: f.reporter.accountId } : null;
  const status = { id: f.status?.id ?? null, name: f.status?.name ?? null };
  const snapshot: RequestSnapshot = {
    issueKey: issue.key,
    issueId: issue.id,
    summary: f.summary ?? '',
    status: { ...status, canonical: statusResolver(config.statusMapping)(status) },
    resolution: f.resolution?.name ?? null,
    reporter,
    participants: participants ?? [],
    organizations: [],
    priority: f.priority?.name ?? null,
    channel: portal.issues.length > 0 ? 'portal' : (email?.issues.length ?? 0) > 0 ? 'email' : 'unknown',
    createdMs: f.created ? Date.parse(f.created) : 0,
    portalUrl,
  };
  return { snapshot, details: parseRequestDetails(rawDetails) };
}
