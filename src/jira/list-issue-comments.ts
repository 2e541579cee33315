import { route } from '@forge/api';
import type { JiraComment } from '../domain/comments';
import { requestJiraJson } from './client';

/**
 * An issue's latest comments, newest first, public and internal, with their authors' account types
 * (GET /rest/api/3/issue/{key}/comment?orderBy=-created&expand=properties), as the app.
 * @example (await listIssueComments('SUP-1'))[0]?.author?.accountType //=> 'atlassian'
 */
export async function listIssueComments(issueKey: string, maxResults = 100): Promise<JiraComment[]> {
  const page = await requestJiraJson<{ comments?: JiraComment[] }>(
    route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&maxResults=${maxResults}&expand=properties`,
  );
  return page?.comments ?? [];
}
