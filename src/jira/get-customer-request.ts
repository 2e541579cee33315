import { route } from '@forge/api';
import { requestJiraJson, type Actor } from './client';

/** The parts of JSM's GET /rest/servicedeskapi/request/{key} the app reads. */
export interface CustomerRequest {
  issueKey: string;
  reporter?: { accountId?: string; displayName?: string };
  currentStatus?: { status?: string };
}

/**
 * Reads a customer request through JSM (GET /rest/servicedeskapi/request/{key}): as the user, it answers only
 * for the reporter, the participants and the agents (a JiraError 403/404 otherwise).
 * @example (await getCustomerRequest('SUP-1', 'user')).issueKey //=> 'SUP-1'
 */
export async function getCustomerRequest(issueKey: string, as: Actor = 'user'): Promise<CustomerRequest> {
  return requestJiraJson<CustomerRequest>(route`/rest/servicedeskapi/request/${issueKey}`, { as });
}
