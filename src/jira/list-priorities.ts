import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * Every priority of the site (GET /rest/api/3/priority, scope read:jira-work). The paged
 * `GET /rest/api/3/priority/search` would need `manage:jira-configuration` (an admin scope, per the platform spec's
 * `x-atlassian-oauth2-scopes`), so the app keeps to the full list, which Jira gives to anyone with access to Jira.
 * @example (await listPriorities()).map((p) => p.name) //=> ['Highest', 'High', 'Medium', 'Low', 'Lowest']
 */
export async function listPriorities(): Promise<{ id: string; name: string }[]> {
  const priorities = await requestJiraJson<{ id: string; name: string }[]>(route`/rest/api/3/priority`, { as: 'app' });
  return (priorities ?? []).map((p) => ({ id: String(p.id), name: p.name }));
}
