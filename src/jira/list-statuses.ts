import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * Every status of the site (GET /rest/api/3/status).
 * @example (await listStatuses()).map((s) => s.name) //=> ['Soumise', 'En cours', ...]
 */
export async function listStatuses(): Promise<{ id: string; name: string }[]> {
  return requestJiraJson<{ id: string; name: string }[]>(route`/rest/api/3/status`, { as: 'app' });
}
