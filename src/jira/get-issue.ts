import { route } from '@forge/api';
import { JiraError, requestJiraJson, type Actor } from './client';

/** The part of Jira's IssueBean the app reads. */
export interface IssueFields {
  id: string;
  key: string;
  fields: {
    summary?: string;
    status?: { id?: string; name?: string } | null;
    resolution?: { name?: string } | null;
    reporter?: { accountId: string; displayName?: string; accountType?: string; emailAddress?: string | null } | null;
    priority?: { name?: string } | null;
    created?: string;
    /** Its project: key and type (`service_desk` for JSM). */
    project?: { key?: string; projectTypeKey?: string } | null;
  };
}

const FIELDS = 'summary,status,resolution,reporter,priority,created,project';

/**
 * Reads an issue's fields the rules need (GET /rest/api/3/issue/{key}), or null when the caller cannot see it
 * (Jira answers 404 for an issue the user may not browse).
 * @example (await getIssue('SUP-1', 'user'))?.fields.summary //=> 'VPN down'
 */
export async function getIssue(issueKey: string, as: Actor = 'app'): Promise<IssueFields | null> {
  try {
    return await requestJiraJson<IssueFields>(route`/rest/api/3/issue/${issueKey}?fields=${FIELDS}`, { as });
  } catch (error) {
    if (error instanceof JiraError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}
