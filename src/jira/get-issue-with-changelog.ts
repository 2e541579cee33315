import { route } from '@forge/api';
import { requestJiraJson, type Actor } from './client';
import { getChangelog } from './get-changelog';

/** The parts of GET /rest/api/3/issue/{key}?expand=changelog the app reads. */
export interface IssueWithChangelog {
  id: string;
  key: string;
  fields: {
    status?: { id?: string; name?: string };
    resolution?: { name?: string } | null;
    reporter?: { accountId?: string; displayName?: string } | null;
    priority?: { name?: string } | null;
    created?: string;
    [field: string]: unknown;
  };
  changelog?: { histories?: unknown[]; total?: number };
  /** Field id -> name and type (expand=names,schema): how the SLA engine finds JSM's Organizations field. */
  names?: Record<string, string>;
  schema?: Record<string, { custom?: string } | undefined>;
  /** The issue properties asked for (`properties=`), by key; absent ones are left out. */
  properties?: Record<string, unknown>;
  /** The issue's REST address (its origin is the site's). */
  self?: string;
}

/**
 * Reads an issue with its whole changelog (GET /rest/api/3/issue/{key}?expand=changelog,names,schema, then
 * GET /rest/api/3/issue/{key}/changelog when the history is longer than the expanded page). As the user, a 403/404
 * (a JiraError) means they may not see it. `properties` reads those issue properties in the same call; `fields`
 * limits the fields read (all by default); `changelog: false` leaves the history out (names and schema stay).
 * @example (await getIssueWithChangelog('SUP-1', 'user')).fields.status?.name //=> 'En cours'
 */
export async function getIssueWithChangelog(
  issueKey: string,
  as: Actor = 'app',
  opts: { properties?: string[]; fields?: string[]; changelog?: boolean } = {},
): Promise<IssueWithChangelog> {
  const expand = opts.changelog === false ? 'names,schema' : 'changelog,names,schema';
  const query = new URLSearchParams({ expand });
  if (opts.fields?.length) query.set('fields', opts.fields.join(','));
  if (opts.properties?.length) query.set('properties', opts.properties.join(','));
  const issue = await requestJiraJson<IssueWithChangelog>(route`/rest/api/3/issue/${issueKey}?${query}`, { as });
  // Jira puts only the most recent 100 histories in expand=changelog; a longer history is read page by page.
  const histories = issue.changelog?.histories ?? [];
  const total = issue.changelog?.total;
  if (opts.changelog !== false && typeof total === 'number' && total > histories.length) {
    issue.changelog = { histories: await getChangelog(issue.id ?? issueKey, as), total };
  }
  return issue;
}
