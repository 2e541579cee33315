import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * Every JSM organization of the site (GET /rest/servicedeskapi/organization, every page; scope
 * read:servicedesk-request), read as the app: JSM lists them all to agents, and only a customer's own to a customer
 * (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-organization/#api-rest-servicedeskapi-organization-get).
 * @example (await listOrganizations()).map((o) => o.name) //=> ['Acme Industries', 'Globex Cloud']
 */
export async function listOrganizations(): Promise<{ id: string; name: string }[]> {
  const organizations: { id: string; name: string }[] = [];
  for (let start = 0; start < 5_000;) {
    const page = await requestJiraJson<{ values?: { id: string | number; name: string }[]; isLastPage?: boolean }>(
      route`/rest/servicedeskapi/organization?start=${start}&limit=50`,
      { as: 'app' },
    );
    const values = page?.values ?? [];
    organizations.push(...values.map((o) => ({ id: String(o.id), name: o.name })));
    if (page?.isLastPage !== false || values.length === 0) break;
    start += values.length;
  }
  return organizations;
}
