/**
 * Loads what the rules see of a request: the issue's fields (as the app), the JSM request (channel, participants,
 * portal link), the reporter's account (locale) and the agent panel's details (third party, scheduled operation).
 */
import type { Config } from '../../domain/config';
import { requestDetailsSchema, type RequestDetails } from '../../domain/messages';
import type { Channel, Person, RequestSnapshot } from '../../domain/request';
import { statusResolver } from '../../domain/workflow';
import { JiraError } from '../../jira/client';
import { getIssue } from '../../jira/get-issue';
import { getRequest, type CustomerRequest } from '../../jira/get-request';
import { getUser } from '../../jira/get-user';
import { getIssueProperty } from '../../jira/issue-property';

export const DETAILS_PROPERTY = 'supportRulesDetails';

const CHANNELS: readonly Channel[] = ['portal', 'email', 'jira', 'api'];

export interface LoadedRequest {
  snapshot: RequestSnapshot;
  details: RequestDetails | null;
}

/**
 * The request as it is now, or null when the issue no longer exists. An issue outside a service project (no JSM
 * request) loads with channel 'unknown', no participants and no portal link.
 * @example const loaded = await loadSnapshot('SUP-1', config); loaded?.snapshot.channel //=> 'email'
 */
export async function loadSnapshot(issueKey: string, config: Config): Promise<LoadedRequest | null> {
  const [issue, request, rawDetails] = await Promise.all([getIssue(issueKey), getRequestOrNull(issueKey), getIssueProperty<unknown>(issueKey, DETAILS_PROPERTY)]);
  if (!issue) return null;
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
    participants: (request?.participants?.values ?? []).map((p) => ({ accountId: p.accountId, displayName: p.displayName, accountType: p.accountType })),
    organizations: [],
    priority: f.priority?.name ?? null,
    channel: CHANNELS.find((c) => c === request?.channel?.toLowerCase()) ?? 'unknown',
    createdMs: f.created ? Date.parse(f.created) : 0,
    portalUrl: request?._links?.web ?? null,
  };
  return { snapshot, details: rawDetails !== undefined && details.success ? details.data : null };
}

async function getRequestOrNull(issueKey: string): Promise<CustomerRequest | null> {
  try {
    return await getRequest(issueKey);
  } catch (error) {
    if (error instanceof JiraError && !error.retryable) return null;
    throw error;
  }
}
