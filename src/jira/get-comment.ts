import { route } from '@forge/api';
import { requestJiraJson } from './client';
import type { JiraComment } from '../domain/comments';

/**
 * One comment with its properties (GET /rest/api/3/issue/{key}/comment/{id}?expand=properties), as the app.
 * @example (await getComment('SUP-1', '10400')).jsdPublic //=> true for a reply to the customer
 */
export async function getComment(issueKey: string, commentId: string): Promise<JiraComment & { visibility?: unknown }> {
  return requestJiraJson(route`/rest/api/3/issue/${issueKey}/comment/${commentId}?expand=properties`);
}
