import { route } from '@forge/api';
import { JiraError, requestJiraJson } from './client';

/** An issue's fields and the asked issue properties, in one read. */
export interface IssueWithProperties {
  id: string;
  key: string;
  fields: {
    summary?: string;
    status?: { id?: string; name?: string } | null;
    reporter?: { accountId: string; displayName?: string; accountType?: string } | null;
    created?: string;
    project?: { key?: string; projectTypeKey?: string } | null;
    /** Other fields asked for (JSM's custom fields, by id). */
    [field: string]: unknown;
  };
  properties?: Record<string, unknown>;
}

/**
 * Reads an issue's fields and properties in one call (GET /rest/api/3/issue/{key}?fields=…&properties=…), as the
 * app; null when the issue no longer exists.
 * @example (await getIssueWithProperties('SUP-1', ['status'], ['supportRulesState']))?.properties?.supportRulesState //=> { waiting: 'yes', ... }
 */
export async function getIssueWithProperties(
  issueKey: string,
  fields: string[],
  properties: string[],
): Promise<IssueWithProperties | null> {
  try {
    return await requestJiraJson<IssueWithProperties>(
      route`/rest/api/3/issue/${issueKey}?fields=${fields.join(',')}&properties=${properties.join(',')}`,
    );
  } catch (error) {
    if (error instanceof JiraError && error.status === 404) return null;
    throw error;
  }
}
