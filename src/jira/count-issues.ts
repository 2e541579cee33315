import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * How many issues a JQL finds, as Jira estimates it (POST /rest/api/3/search/approximate-count): for progress, not
 * for figures.
 * @example await countIssues('project = SUP') //=> 12
 */
export async function countIssues(jql: string, as: 'app' | 'user' = 'app'): Promise<number> {
  const answer = await requestJiraJson<{ count?: number }>(route`/rest/api/3/search/approximate-count`, {
    method: 'POST',
    body: { jql },
    as,
  });
  return typeof answer?.count === 'number' ? answer.count : 0;
}
