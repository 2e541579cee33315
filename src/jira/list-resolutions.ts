import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * Every resolution of the site (GET /rest/api/3/resolution/search, every page; scope read:jira-work).
 * @example (await listResolutions()).map((r) => r.name) //=> ['Done', 'Consulting', ...]
 */
export async function listResolutions(): Promise<{ id: string; name: string }[]> {
  const resolutions: { id: string; name: string }[] = [];
  for (let startAt = 0; startAt < 5_000;) {
    const page = await requestJiraJson<{ values?: { id: string; name: string }[]; isLast?: boolean }>(
      route`/rest/api/3/resolution/search?startAt=${startAt}&maxResults=50`,
      { as: 'app' },
    );
    const values = page?.values ?? [];
    resolutions.push(...values.map((r) => ({ id: String(r.id), name: r.name })));
    if (page?.isLast !== false || values.length === 0) break;
    startAt += values.length;
  }
  return resolutions;
}
