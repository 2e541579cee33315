/**
 * What the desk's screens (the at-risk queue, the SLA report) read of a request in a JQL search: a few fields and
 * the SLA record, returned by the search itself (`properties`), never a request read one by one.
 */
import type { QueueRequest } from '../../domain/at-risk-queue';
import { parseSlaRecord, SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import type { ReportRequest } from '../../domain/sla-report';
import type { SearchPage } from '../../jira/search-issues';

/** The most issues a search page gives with fields. */
export const SEARCH_PAGE = 100;

/**
 * The fields the desk asks a search for (the Organizations field when the site has one).
 * @example deskFields('customfield_10002') //=> ['summary', 'priority', 'assignee', 'customfield_10002']
 */
export function deskFields(organizationsField: string | null): string[] {
  return ['summary', 'priority', 'assignee', ...(organizationsField ? [organizationsField] : [])];
}

type Issue = SearchPage['issues'][number];

function organizationsOf(issue: Issue, field: string | null): { id: string; name: string }[] {
  const value = field ? issue.fields?.[field] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((o: unknown) => {
    const org = o as { id?: unknown; name?: unknown } | null;
    if (!org || (typeof org.id !== 'string' && typeof org.id !== 'number')) return [];
    return [{ id: String(org.id), name: typeof org.name === 'string' ? org.name : String(org.id) }];
  });
}

const nameOf = (value: unknown, key: 'name' | 'displayName'): string | null => {
  const v = value as Record<string, unknown> | null | undefined;
  return v && typeof v[key] === 'string' ? (v[key] as string) : null;
};

/**
 * A searched issue as the at-risk queue reads it; null without a valid SLA record.
 * @example queueRequestOf(issue, 'customfield_10002')?.record.state //=> 'running'
 */
export function queueRequestOf(issue: Issue, organizationsField: string | null): QueueRequest | null {
  const record = parseSlaRecord(issue.properties?.[SLA_RECORD_PROPERTY]);
  if (!record) return null;
  const assignee = issue.fields?.assignee as { accountId?: unknown; displayName?: unknown } | null | undefined;
  return {
    key: issue.key,
    summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '',
    organizations: organizationsOf(issue, organizationsField),
    priority: nameOf(issue.fields?.priority, 'name'),
    assignee:
      assignee && typeof assignee.accountId === 'string'
        ? { accountId: assignee.accountId, displayName: nameOf(assignee, 'displayName') ?? assignee.accountId }
        : null,
    record,
  };
}

/**
 * A searched issue as the SLA report reads it; null without a valid SLA record.
 * @example reportRequestOf(issue, 'customfield_10002')?.organizations //=> ['Acme Industries']
 */
export function reportRequestOf(issue: Issue, organizationsField: string | null): ReportRequest | null {
  const request = queueRequestOf(issue, organizationsField);
  if (!request) return null;
  return { ...request, organizations: request.organizations.map((o) => o.name) };
}
