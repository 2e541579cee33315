/**
 * The response SLA of a Jira issue as the REST API returns it (`GET /rest/api/3/issue/{key}?expand=changelog`):
 * its creation, status changes, JSM organizations (for the coverage) and priority (for the goal) read from the
 * JSON, then handed to the engine of sla.ts. Throws an Error naming what is missing when the issue cannot be
 * read. Pure: "now" is a parameter.
 */
import {
  parseJiraInstant,
  statusChangesFromChangelog,
  type JiraChangelogHistory,
  type JiraChangelogItem,
} from './changelog';
import type { Config } from './config';
import { coverageFor, goalMsFor, type Coverage } from './contract';
import { computeResponseSla, type SlaResult } from './sla';
import { normalizeStatusName, type SiteStatus } from './workflow';

/** The body of GET /rest/api/3/issue/{key}?expand=changelog (optionally with expand=names or schema). */
export interface JiraIssueJson {
  id?: string;
  key?: string;
  fields?: Record<string, unknown>;
  /** Field id -> field name (expand=names). */
  names?: Record<string, string>;
  /** Field id -> its type (expand=schema); JSM's Organizations field has custom "com.atlassian.servicedesk:sd-customer-organizations". */
  schema?: Record<string, { custom?: string } | undefined>;
  changelog?: { histories?: readonly unknown[]; total?: number; maxResults?: number };
}

const ORGANIZATIONS_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';
const ORGANIZATIONS_NAMES = new Set(['organizations', 'organisations', 'organization', 'organisation']);

interface Organization {
  id: string;
  name?: string;
}

function asOrganizations(value: unknown, requireLinks: boolean): Organization[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const orgs: Organization[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (
      (typeof o.id !== 'string' && typeof o.id !== 'number') ||
      (requireLinks && (typeof o.name !== 'string' || !o._links || typeof o._links !== 'object'))
    )
      return undefined;
    orgs.push(typeof o.name === 'string' ? { id: String(o.id), name: o.name } : { id: String(o.id) });
  }
  return orgs;
}

/**
 * The JSM organizations of a request, read from its Organizations field: the field named so in `names`
 * (expand=names) or typed so in `schema` (expand=schema); otherwise the first custom field holding a
 * non-empty list of `{id, name, _links}` objects, the shape JSM gives organizations.
 * @example organizationsOf({ fields: { customfield_10002: [{ id: '1', name: 'Acme', _links: {} }] } }) //=> [{ id: '1', name: 'Acme' }]
 */
export function organizationsOf(issue: JiraIssueJson): Organization[] {
  const fields = issue.fields ?? {};
  for (const [fieldId, name] of Object.entries(issue.names ?? {})) {
    if (typeof name === 'string' && ORGANIZATIONS_NAMES.has(normalizeStatusName(name)))
      return asOrganizations(fields[fieldId], false) ?? [];
  }
  for (const [fieldId, schema] of Object.entries(issue.schema ?? {})) {
    if (schema?.custom === ORGANIZATIONS_TYPE) return asOrganizations(fields[fieldId], false) ?? [];
  }
  for (const [fieldId, value] of Object.entries(fields)) {
    if (!fieldId.startsWith('customfield_') || !Array.isArray(value) || value.length === 0) continue;
    const orgs = asOrganizations(value, true);
    if (orgs) return orgs;
  }
  return [];
}

function siteStatusOf(value: unknown): SiteStatus | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  const id = typeof s.id === 'string' || typeof s.id === 'number' ? String(s.id) : null;
  const name = typeof s.name === 'string' ? s.name : null;
  return id === null && name === null ? null : { id, name };
}

function historiesOf(issueKey: string, value: unknown): JiraChangelogHistory[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${issueKey}: changelog.histories is not a list`);
  return value.map((h, i) => {
    if (!h || typeof h !== 'object') throw new Error(`${issueKey}: changelog entry #${i + 1} is not an object`);
    const history = h as Record<string, unknown>;
    const items = history.items === undefined ? [] : history.items;
    if (!Array.isArray(items)) throw new Error(`${issueKey}: changelog entry #${i + 1} has items that are not a list`);
    const entry: JiraChangelogHistory = {
      created: typeof history.created === 'string' ? history.created : String(history.created),
      items: items as JiraChangelogItem[],
    };
    if (typeof history.id === 'string' || typeof history.id === 'number') entry.id = String(history.id);
    return entry;
  });
}

/**
 * The response SLA of an issue read with expand=changelog: creation from `fields.created`, initial status
 * from the earliest status change (else the current status), coverage from its JSM organizations (unless
 * overridden), goal from its priority. Throws an Error naming what is missing when the issue cannot be read.
 * @example slaFromIssue(issueJson, defaultConfig(), Date.parse('2024-03-04T12:00:00Z')).state //=> 'running'
 */
export function slaFromIssue(
  issue: JiraIssueJson,
  config: Config,
  nowMs: number,
  overrides: { coverage?: Coverage } = {},
): SlaResult {
  if (!issue || typeof issue !== 'object' || Array.isArray(issue))
    throw new Error('not an issue: expected the JSON object of GET /rest/api/3/issue/{key}?expand=changelog');
  const issueKey = typeof issue.key === 'string' ? issue.key : typeof issue.id === 'string' ? issue.id : undefined;
  if (issueKey === undefined) throw new Error('the issue has no "key"');
  const fields = issue.fields;
  if (!fields || typeof fields !== 'object') throw new Error(`${issueKey}: the issue has no "fields"`);
  const createdMs = parseJiraInstant(fields.created);
  if (createdMs === undefined)
    throw new Error(
      `${issueKey}: fields.created is missing or not a timestamp (${JSON.stringify(fields.created ?? null)})`,
    );
  const changes = statusChangesFromChangelog(historiesOf(issueKey, issue.changelog?.histories));
  const initialStatus = changes[0]?.from ?? siteStatusOf(fields.status) ?? changes[0]?.to;
  if (!initialStatus)
    throw new Error(`${issueKey}: no status: neither fields.status nor a status change in the changelog`);
  const priority =
    fields.priority && typeof fields.priority === 'object' ? (fields.priority as { name?: unknown }).name : undefined;
  return computeResponseSla(
    {
      issueKey,
      createdMs,
      initialStatus,
      changes,
      coverage: overrides.coverage ?? coverageFor(config, organizationsOf(issue)),
      goalMs: goalMsFor(config, typeof priority === 'string' ? priority : null),
      nowMs,
    },
    config,
  );
}
