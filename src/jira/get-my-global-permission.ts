import { route } from '@forge/api';
import { requestJiraJson } from './client';

/**
 * True when the calling user holds a global permission (GET /rest/api/3/mypermissions?permissions=…, as the user).
 * @example await hasGlobalPermission('ADMINISTER') //=> false for a customer
 */
export async function hasGlobalPermission(permission: string): Promise<boolean> {
  const answer = await requestJiraJson<{ permissions?: Record<string, { havePermission?: boolean }> }>(
    route`/rest/api/3/mypermissions?permissions=${permission}`,
    { as: 'user' },
  );
  return answer?.permissions?.[permission]?.havePermission === true;
}
