import { route } from '@forge/api';
import type { Person } from '../domain/request';
import { requestJiraJson } from './client';

interface ParticipantPage {
  values?: { accountId: string; displayName?: string; emailAddress?: string | null }[];
  isLastPage?: boolean;
}

/**
 * The request participants (GET /rest/servicedeskapi/request/{key}/participant), first page of up to 50.
 * @example (await getRequestParticipants('SUP-1')).map((p) => p.accountId) //=> ['cust-2']
 */
export async function getRequestParticipants(issueKey: string, limit = 50): Promise<Person[]> {
  const page = await requestJiraJson<ParticipantPage>(
    route`/rest/servicedeskapi/request/${issueKey}/participant?limit=${limit}`,
  );
  return (page?.values ?? []).map((p) => ({
    accountId: p.accountId,
    displayName: p.displayName,
    emailAddress: p.emailAddress ?? null,
  }));
}
