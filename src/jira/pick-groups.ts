import { route } from '@forge/api';
import { requestJiraJson, type Actor } from './client';

/** Jira's FoundGroups (GET /rest/api/3/groups/picker), the parts the app reads. */
interface FoundGroups {
  groups?: Array<{ name?: string; groupId?: string }>;
}

/**
 * Group names containing `query` (GET /rest/api/3/groups/picker?query=…), as the caller sees them.
 * @example await pickGroups('support', 'user') //=> ['support-team']
 */
export async function pickGroups(query: string, as: Actor = 'user', maxResults = 20): Promise<string[]> {
  const found = await requestJiraJson<FoundGroups>(
    route`/rest/api/3/groups/picker?query=${query}&maxResults=${maxResults}`,
    { as },
  );
  return (found?.groups ?? [])
    .map((g) => g.name)
    .filter((name): name is string => typeof name === 'string' && name !== '');
}
