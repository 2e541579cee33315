import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * The site's Jira Service Management projects (GET /rest/api/3/project/search?typeKey=service_desk), every page.
 * @example (await listServiceProjects()).map((p) => p.key) //=> ['SUP', 'IT']
 */
export async function listServiceProjects(): Promise<{ key: string; name: string }[]> {
  const projects: { key: string; name: string }[] = [];
  for (let startAt = 0; startAt < 5_000;) {
    const page = await requestJiraJson<{ values?: { key: string; name: string }[]; isLast?: boolean }>(
      route`/rest/api/3/project/search?typeKey=service_desk&startAt=${startAt}&maxResults=50`,
    );
    const values = page?.values ?? [];
    projects.push(...values.map((p) => ({ key: p.key, name: p.name })));
    if (page?.isLast !== false || values.length === 0) break;
    startAt += values.length;
  }
  return projects;
}
