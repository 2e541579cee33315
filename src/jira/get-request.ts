import { route } from '@forge/api';
import { nullIfAbsent, requestJiraJson } from './client';

/** The part of JSM's customer request (CustomerRequestDTO) the app reads. */
export interface CustomerRequestLinks {
  issueKey?: string;
  reporter?: { accountId: string; displayName?: string; emailAddress?: string | null };
  _links?: { web?: string };
}

/**
 * Reads a request through JSM's API (GET /rest/servicedeskapi/request/{key}), as the app: its portal link.
 * @example (await getRequest('SUP-1'))._links?.web //=> 'https://site.atlassian.net/servicedesk/customer/portal/1/SUP-1'
 */
export async function getRequest(issueKey: string): Promise<CustomerRequestLinks> {
  return requestJiraJson<CustomerRequestLinks>(route`/rest/servicedeskapi/request/${issueKey}`);
}

/**
 * The request's page in the customer portal, or null when JSM has no request for this issue (a 4xx: not a
 * service project). A failure that may pass (429, 5xx) is thrown, for the caller's retry.
 * @example await portalUrlOf('SUP-1') //=> 'https://site.atlassian.net/servicedesk/customer/portal/1/SUP-1'
 */
export async function portalUrlOf(issueKey: string): Promise<string | null> {
  return (await nullIfAbsent(getRequest(issueKey)))?._links?.web ?? null;
}
