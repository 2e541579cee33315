import { route } from '@forge/api';
import { requestJiraJson } from './client';

export interface SearchPage {
  issues: {
    id: string;
    key: string;
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
    changelog?: { histories?: unknown[]; total?: number };
  }[];
  nextPageToken?: string;
  isLast?: boolean;
}

/**
 * One page of a JQL search (POST /rest/api/3/search/jql), with the asked fields, issue properties and expansions.
 * Jira's search index lags behind writes; `reconcileIssues` (issue ids, at most 50) asks it to answer for those
 * issues as they are now (the spec's "strong consistency" for issues just written).
 * @example (await searchIssues('key = SUP-1 AND request-channel-type = portal', { fields: [], maxResults: 1, reconcileIssues: [10001] })).issues.length //=> 1 for a portal request
 */
export async function searchIssues(
  jql: string,
  opts: {
    fields?: string[];
    maxResults?: number;
    nextPageToken?: string;
    properties?: string[];
    expand?: string[];
    /** Who asks: the app (default) or the calling user, whose permissions then apply. */
    as?: 'app' | 'user';
    reconcileIssues?: number[];
  } = {},
): Promise<SearchPage> {
  const body = {
    jql,
    fields: opts.fields ?? ['summary'],
    maxResults: opts.maxResults ?? 50,
    ...(opts.nextPageToken ? { nextPageToken: opts.nextPageToken } : {}),
    ...(opts.properties?.length ? { properties: opts.properties } : {}),
    // The spec's `expand` is a comma-separated string ("changelog,names").
    ...(opts.expand?.length ? { expand: opts.expand.join(',') } : {}),
    ...(opts.reconcileIssues?.length ? { reconcileIssues: opts.reconcileIssues.slice(0, 50) } : {}),
  };
  // A search through POST changes nothing: safe to repeat when its answer is lost.
  const page = await requestJiraJson<SearchPage>(route`/rest/api/3/search/jql`, {
    method: 'POST',
    body,
    idempotent: true,
    as: opts.as,
  });
  return { ...page, issues: page?.issues ?? [] };
}
