import { route } from '@forge/api';
import type { Person } from '../domain/request';
import { requestJiraJson, type Actor } from './client';

/**
 * People whose name or email starts with `query` (GET /rest/api/3/user/search?query=…), as the caller sees them:
 * Atlassian accounts only (neither portal customers nor apps), for the admin page's contact pickers.
 * @example (await searchUsers('léa', 'user')).map((u) => u.displayName) //=> ['Léa Lead']
 */
export async function searchUsers(query: string, as: Actor = 'user', maxResults = 20): Promise<Person[]> {
  const users = await requestJiraJson<Person[]>(
    route`/rest/api/3/user/search?query=${query}&maxResults=${maxResults}`,
    { as },
  );
  return (users ?? [])
    .filter((u) => u.accountType === 'atlassian')
    .map((u) => ({
      accountId: u.accountId,
      displayName: u.displayName,
      accountType: u.accountType,
      locale: u.locale ?? null,
      emailAddress: u.emailAddress ?? null,
    }));
}
