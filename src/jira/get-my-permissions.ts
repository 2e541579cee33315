import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * True when the calling user holds a project permission on an issue (GET /rest/api/3/mypermissions, as the user).
 * @example await hasIssuePermission('SUP-1', 'TRANSITION_ISSUES') //=> true for an agent
 */
export async function hasIssuePermission(issueKey: string, permission: string): Promise<boolean> {
  const answer = await requestJiraJson<{ permissions?: Record<string, { havePermission?: boolean }> }>(
    route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${permission}`,
    { as: 'user' },
  );
  return answer?.permissions?.[permission]?.havePermission === true;
}

/**
 * True when the calling user holds a project permission on a project (GET /rest/api/3/mypermissions, as the user).
 * @example await hasProjectPermission('SUP', 'SERVICEDESK_AGENT') //=> true for an agent of SUP's service desk
 */
export async function hasProjectPermission(projectKey: string, permission: string): Promise<boolean> {
  const answer = await requestJiraJson<{ permissions?: Record<string, { havePermission?: boolean }> }>(
    route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${permission}`,
    { as: 'user' },
  );
  return answer?.permissions?.[permission]?.havePermission === true;
}
