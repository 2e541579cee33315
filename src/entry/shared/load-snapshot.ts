/**
 * Loads what the rules see of a request: the issue's fields (as the app), its JSM request (portal link and
 * participants), its channel (JQL `request-channel-type`), the reporter's account (locale) and the agent panel's
 * details (third party, scheduled operation).
 */
import type { Config } from '../../domain/config';
import { requestDetailsSchema, type RequestDetails } from '../../domain/messages';
import type { Person, RequestSnapshot } from '../../domain/request';
import { statusResolver } from '../../domain/workflow';
import { JiraError } from '../../jira/client';
import { getIssue } from '../../jira/get-issue';
import { getRequest } from '../../jira/get-request';
import { getRequestParticipants } from '../../jira/get-request-participants';
import { getUser } from '../../jira/get-user';
import { getIssueProperty } from '../../jira/issue-property';
import { searchIssues } from '../../jira/search-issues';

export const DETAILS_PROPERTY = 'supportRulesDetails';

export interface LoadedRequest {
  snapshot: RequestSnapshot;
  details: RequestDetails | null;
}

/**
 * The request as it is now, or null when the issue no longer exists. The channel is 'portal' or 'unknown' (the
 * rules only need to know a portal request); an issue outside a service project (no JSM request) loads with
 * no participants and no portal link.
 * @example const loaded = await loadSnapshot('SUP-1', config); loaded?.snapshot.channel //=> 'email'
 */
export async function loadSnapshot(issueKey: string, config: Config): Promise<LoadedRequest | null> {
  const issue = await getIssue(issueKey);
  if (!issue) return null;
  const [request, participants, portal, rawDetails] = await Promise.all([
    orNull(getRequest(issueKey)),
    orNull(getRequestParticipants(issueKey)),
    searchIssues(`key = "${issue.key}" AND request-channel-type = portal`, { fields: [], maxResults: 1 }),
    getIssueProperty<unknown>(issueKey, DETAILS_PROPERTY),
  ]);
  const f = issue.fields;
  const reporterRef = f.reporter ?? (request?.reporter ? { ...request.reporter } : null);
  const account = reporterRef ? await getUser(reporterRef.accountId) : null;
  const reporter: Person | null = reporterRef ? { ...reporterRef, ...account, accountId: reporterRef.accountId } : null;
  const details = requestDetailsSchema.safeParse(rawDetails ?? {});
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
    channel: portal.issues.length > 0 ? 'portal' : 'unknown',
    createdMs: f.created ? Date.parse(f.created) : 0,
    portalUrl: request?._links?.web ?? null,
  };
  return { snapshot, details: rawDetails !== undefined && details.success ? details.data : null };
}

/** A JSM call's answer, or null when JSM has no request for this issue (a 4xx: not a service project). */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof JiraError && !error.retryable) return null;
    throw error;
  }
}
