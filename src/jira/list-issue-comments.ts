import { route } from '@forge/api';
import { requestJiraJson } from './client';

/** A comment as Jira's platform API returns it with expand=properties (the parts the app reads). */
export interface IssueComment {
  id: string;
  author?: { accountId?: string; accountType?: string } | null;
  body?: unknown;
  created?: string;
  jsdPublic?: boolean;
  properties?: { key?: string; value?: unknown }[];
}

/**
 * An issue's latest comments, newest first, public and internal, with their authors' account types
 * (GET /rest/api/3/issue/{key}/comment?orderBy=-created&expand=properties), as the app.
 * @example (await listIssueComments('SUP-1'))[0]?.author?.accountType //=> 'atlassian'
 */
export async function listIssueComments(issueKey: string, maxResults = 100): Promise<IssueComment[]> {
  const page = await requestJiraJson<{ comments?: IssueComment[] }>(
    route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&maxResults=${maxResults}&expand=properties`,
  );
  return page?.comments ?? [];
}

/**
 * True when a comment is an internal note (JSM's `sd.public.comment` property, or `jsdPublic: false`).
 * @example isInternalComment({ id: '1', properties: [{ key: 'sd.public.comment', value: { internal: true } }] }) //=> true
 */
export function isInternalComment(comment: IssueComment): boolean {
  const property = comment.properties?.find((p) => p.key === 'sd.public.comment')?.value as
    { internal?: unknown } | undefined;
  if (property && typeof property.internal === 'boolean') return property.internal;
  return comment.jsdPublic === false;
}
