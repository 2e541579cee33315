import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * Every resolution of the site (GET /rest/api/3/resolution).
 * @example (await listResolutions()).map((r) => r.name) //=> ['Done', 'Consulting', ...]
 */
export async function listResolutions(): Promise<{ id: string; name: string }[]> {
  return requestJiraJson<{ id: string; name: string }[]>(route`/rest/api/3/resolution`, { as: 'app' });
}
