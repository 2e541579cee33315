import { route } from '@forge/api';
import { requestJiraJson, type Actor } from './client';

export interface RequestComment {
  id: string;
  body: string;
  public: boolean;
  author?: { accountId?: string; displayName?: string };
  created?: { iso8601?: string; epochMillis?: number };
}

/**
 * A customer request's public comments, oldest first (GET /rest/servicedeskapi/request/{key}/comment?internal=false).
 * As the user, JSM shows a customer only what they may read.
 * @example (await listRequestComments('SUP-1', 'user')).at(-1)?.body //=> 'Could you send us the logs?'
 */
export async function listRequestComments(issueKey: string, as: Actor = 'user'): Promise<RequestComment[]> {
  const page = await requestJiraJson<{ values?: RequestComment[] }>(
    route`/rest/servicedeskapi/request/${issueKey}/comment?internal=false&limit=100`,
    { as },
  );
  return page.values ?? [];
}
