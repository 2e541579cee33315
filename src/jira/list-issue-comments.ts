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
 * True unless the comment is proven public: JSM's `sd.public.comment` property says `internal: false`, or it
 * carries `jsdPublic: true`, and no `visibility` restricts it to a role or group. A comment that says nothing is
 * treated as an internal note: a customer never sees what might be one.
 * @example isInternalComment({ id: '1', properties: [{ key: 'sd.public.comment', value: { internal: true } }] }) //=> true
 * @example isInternalComment({ id: '2' }) //=> true (nothing proves it public)
 */
export function isInternalComment(comment: IssueComment & { visibility?: unknown }): boolean {
  return commentIsPublic(comment) !== true;
}

/**
 * What the comment itself proves: true (public), false (internal or restricted), or null when it says nothing.
 * @example commentIsPublic({ id: '1', jsdPublic: true }) //=> true
 */
export function commentIsPublic(comment: {
  jsdPublic?: unknown;
  properties?: { key?: string; value?: unknown }[];
  visibility?: unknown;
}): boolean | null {
  if (comment.visibility !== undefined && comment.visibility !== null) return false;
  const property = comment.properties?.find((p) => p.key === 'sd.public.comment')?.value as
    { internal?: unknown } | undefined;
  const internal = property?.internal;
  if (internal === true || internal === 'true' || comment.jsdPublic === false) return false;
  if (internal === false || internal === 'false' || comment.jsdPublic === true) return true;
  return null;
}
