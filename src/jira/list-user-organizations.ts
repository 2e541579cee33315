import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * The ids of the JSM organizations a user belongs to (GET /rest/servicedeskapi/organization?accountId=), as the
 * app: JSM answers the filter by account to agents (and the app) only. First page of up to 50.
 * @example await listUserOrganizationIds('cust-1') //=> ['1']
 */
export async function listUserOrganizationIds(accountId: string): Promise<string[]> {
  const page = await requestJiraJson<{ values?: { id: string | number }[] }>(
    route`/rest/servicedeskapi/organization?accountId=${accountId}&limit=50`,
  );
  return (page?.values ?? []).map((o) => String(o.id));
}
