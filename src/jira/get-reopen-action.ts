import { route } from '@forge/api';
import { requestJiraJson } from './client';

interface CustomerTransitionPage {
  values?: { id?: string; name?: string }[];
}

/**
 * The site's own name of the customer transition a resolved or closed request offers (its reopen), as the
 * portal shows it: JSM's `GET /rest/servicedeskapi/request/{key}/transition` (CustomerTransitionDTO), as the
 * app. Null when none is offered or the call fails: the name only words an email, which then says "reopen it".
 * @example await getReopenAction('SUP-1') //=> 'Rouvrir'
 */
export async function getReopenAction(issueKey: string): Promise<string | null> {
  try {
    const page = await requestJiraJson<CustomerTransitionPage>(
      route`/rest/servicedeskapi/request/${issueKey}/transition?limit=10`,
    );
    const name = page?.values?.find((t) => typeof t.name === 'string' && t.name.trim() !== '')?.name;
    return name?.trim() ?? null;
  } catch (error) {
    console.warn(
      `[support-rules] ${issueKey}: the reopen transition's name could not be read (${(error as Error).message})`,
    );
    return null;
  }
}
