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
 * @example (await searchIssues('key = SUP-1 AND request-channel-type = portal', { fields: [], maxResults: 1 })).issues.length //=> 1 for a portal request
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
  };
  const page = await requestJiraJson<SearchPage>(route`/rest/api/3/search/jql`, { method: 'POST', body, as: opts.as });
  return { ...page, issues: page?.issues ?? [] };
}
