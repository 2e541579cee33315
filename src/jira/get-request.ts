import { route } from '@forge/api';
import { requestJiraJson } from './client';

/** The part of JSM's customer request (CustomerRequestDTO) the app reads. */
export interface CustomerRequest {
  issueId?: string;
  issueKey?: string;
  /** How the request came in (portal, email, jira, api), when the site tells it. */
  channel?: string;
  reporter?: { accountId: string; displayName?: string; emailAddress?: string | null; accountType?: string };
  participants?: { values?: { accountId: string; displayName?: string; emailAddress?: string | null; accountType?: string }[] };
  _links?: { web?: string };
}

/**
 * Reads a request through JSM's API (GET /rest/servicedeskapi/request/{key}?expand=participant): its channel,
 * its participants and its portal link.
 * @example (await getRequest('SUP-1'))._links?.web //=> 'https://site.atlassian.net/servicedesk/customer/portal/1/SUP-1'
 */
export async function getRequest(issueKey: string): Promise<CustomerRequest> {
  return requestJiraJson<CustomerRequest>(route`/rest/servicedeskapi/request/${issueKey}?expand=participant`);
}
