/**
 * The at-risk queue page: the project's requests whose response SLA runs or is paused, read with their SLA record
 * in JQL search pages (as the caller, so Jira's permissions apply), ordered by breach instant, measured now.
 */
import {
  filterQueue,
  QUEUE_STATES,
  queueCounts,
  queueFacets,
  queueRowOf,
  sortQueue,
  type QueueFilters,
  type QueueRow,
} from '../../../domain/at-risk-queue';
import type { Config } from '../../../domain/config';
import { SLA_RECORD_PROPERTY } from '../../../domain/sla-record';
import { requestFieldIds } from '../../../store/request-fields-cache';
import { searchIssues } from '../../../jira/search-issues';
import type { AtRiskQueuePayload, AtRiskQueueView } from '../../../shared/contracts';
import { deskFields, queueRequestOf, SEARCH_PAGE } from '../../shared/desk-search';
import type { ResolverRequest } from '../access';
import { ok } from '../result';
import { asDeskAgent } from './desk-access';

/** The most open SLAs the queue reads (the most urgent first); past it the page says the rest is left out. */
export const MAX_QUEUE_ROWS = 2_000;
/** Rows a page shows. */
export const QUEUE_PAGE_SIZE = 100;
/** How long the queue reads before it shows what it has (a resolver has 25 s). */
const READ_BUDGET_MS = 12_000;

/**
 * The JQL of a project's open SLAs, by breach instant (those without one, paused within their goal, last).
 * @example queueJql('SUP') //=> 'project = "SUP" AND issue.property[supportRulesSla].state IN ("running", "paused") ORDER BY issue.property[supportRulesSla].breachAt ASC'
 */
export function queueJql(projectKey: string): string {
  const record = `issue.property[${SLA_RECORD_PROPERTY}]`;
  return `project = "${projectKey}" AND ${record}.state IN ("running", "paused") ORDER BY ${record}.breachAt ASC`;
}

/** The filters of a payload, each kept only when it is a non-empty string (a state, one of the states). */
function filtersOf(payload: AtRiskQueuePayload | undefined): QueueFilters {
  const f = (payload?.filters ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' && v.length <= 255 ? v : undefined);
  const state = QUEUE_STATES.find((s) => s === f.state);
  return {
    ...(text(f.organization) ? { organization: text(f.organization) } : {}),
    ...(text(f.priority) ? { priority: text(f.priority) } : {}),
    ...(text(f.assignee) ? { assignee: text(f.assignee) } : {}),
    ...(state ? { state } : {}),
  };
}

/**
 * Reads the open SLAs of a project (up to {@link MAX_QUEUE_ROWS}) and measures them at `nowMs`.
 * @example (await readQueue('SUP', config, Date.now())).rows.length //=> 12
 */
export async function readQueue(
  projectKey: string,
  config: Config,
  nowMs: number,
  clock: () => number = () => Date.now(),
): Promise<{ rows: QueueRow[]; truncated: boolean }> {
  const field = (await requestFieldIds()).organizations;
  const started = clock();
  const rows: QueueRow[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await searchIssues(queueJql(projectKey), {
      fields: deskFields(field),
      properties: [SLA_RECORD_PROPERTY],
      maxResults: SEARCH_PAGE,
      nextPageToken,
      as: 'user',
    });
    for (const issue of page.issues) {
      const request = queueRequestOf(issue, field);
      const row = request && queueRowOf(request, config, nowMs);
      if (row) rows.push(row);
    }
    nextPageToken = page.nextPageToken;
  } while (nextPageToken && rows.length < MAX_QUEUE_ROWS && clock() - started < READ_BUDGET_MS);
  return { rows: sortQueue(rows), truncated: nextPageToken !== undefined };
}

/** The at-risk queue of the page's project, filtered as asked. */
export function getAtRiskQueue(req: ResolverRequest<AtRiskQueuePayload>) {
  return asDeskAgent<AtRiskQueueView>(req, async (caller, config) => {
    const now = Date.now();
    const { rows, truncated } = await readQueue(caller.projectKey, config, now);
    const kept = filterQueue(rows, filtersOf(req.payload));
    return ok({
      lang: caller.lang,
      projectKey: caller.projectKey,
      measuredAt: new Date(now).toISOString(),
      atRiskPercent: config.sla.atRiskPercent,
      rows: kept.slice(0, QUEUE_PAGE_SIZE),
      matching: kept.length,
      pageSize: QUEUE_PAGE_SIZE,
      counts: queueCounts(rows),
      facets: queueFacets(rows),
      truncated,
    });
  });
}
