import { route } from '@forge/api';
import type { JiraChangelogHistory } from '../domain/changelog';
import { requestJiraJson, type Actor } from './client';

/** Jira's PageBeanChangelog: one page of GET /rest/api/3/issue/{key}/changelog. */
interface ChangelogPage {
  startAt?: number;
  maxResults?: number;
  total?: number;
  isLast?: boolean;
  values?: JiraChangelogHistory[];
}

const PAGE_SIZE = 100;

/**
 * Reads a request's whole changelog, oldest entries first as Jira pages them, following startAt until
 * isLast (or total, or an empty page), as the app unless told otherwise.
 * @example (await getChangelog('SUP-1')).length //=> 142 (two pages)
 */
export async function getChangelog(issueKeyOrId: string, as: Actor = 'app'): Promise<JiraChangelogHistory[]> {
  const histories: JiraChangelogHistory[] = [];
  let startAt = 0;
  for (;;) {
    const page = await requestJiraJson<ChangelogPage>(
      route`/rest/api/3/issue/${issueKeyOrId}/changelog?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
      { as },
    );
    const values = page?.values ?? [];
    histories.push(...values);
    startAt += values.length;
    const done =
      values.length === 0 ||
      page.isLast === true ||
      (page.isLast === undefined && typeof page.total === 'number' && startAt >= page.total);
    if (done) return histories;
  }
}
