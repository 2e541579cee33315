import { route } from '@forge/api';
import type { Person } from '../domain/request';
import { requestJiraJson } from './client';

/**
 * The accounts that may be assigned an issue (GET /rest/api/3/user/assignable/search?issueKey=…): in a service
 * project, its agents. The rules notify them of a reopen when no support group is configured.
 * @example (await findAssignableUsers('SUP-1')).map((u) => u.accountId) //=> ['agent-1', 'agent-2']
 */
export async function findAssignableUsers(issueKey: string, maxResults = 50): Promise<Person[]> {
  const users = await requestJiraJson<Person[]>(
    route`/rest/api/3/user/assignable/search?issueKey=${issueKey}&maxResults=${maxResults}`,
  );
  return (users ?? [])
    .filter((u) => u.accountType !== 'app' && u.accountType !== 'customer')
    .map((u) => ({
      accountId: u.accountId,
      displayName: u.displayName,
      accountType: u.accountType,
      locale: u.locale ?? null,
    }));
}
