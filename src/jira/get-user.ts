import { route } from '@forge/api';
import type { Person } from '../domain/request';
import { JiraError, requestJiraJson } from './client';

/**
 * Reads an account (GET /rest/api/3/user?accountId=…): its name, type and locale; null when it does not exist.
 * @example (await getUser('5b10a2844c20165700ede21g'))?.locale //=> 'fr_FR'
 */
export async function getUser(accountId: string): Promise<Person | null> {
  try {
    const user = await requestJiraJson<Person>(route`/rest/api/3/user?accountId=${accountId}`);
    return {
      accountId: user.accountId,
      displayName: user.displayName,
      accountType: user.accountType,
      locale: user.locale ?? null,
      emailAddress: user.emailAddress ?? null,
    };
  } catch (error) {
    if (error instanceof JiraError && error.status === 404) return null;
    throw error;
  }
}
