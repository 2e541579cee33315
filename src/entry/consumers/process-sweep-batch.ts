/**
 * The reminder sweep's work, in the queue consumer: for each due request, re-read its status and clock fresh,
 * decide with the pure core (reminders.ts, reminder-actions.ts, comments.ts), and act through the ledger.
 * A request whose read fails is left for the next sweep: its clock still says it is due, so nothing is lost.
 */
import { awaitedFromTeam, type JiraComment } from '../../domain/comments';
import type { Config } from '../../domain/config';
import { languageFor } from '../../domain/language';
import { clockWriteAction, dueActions } from '../../domain/reminder-actions';
import {
  decideReminder,
  isStoredClock,
  notWaiting,
  parseReminderState,
  stateAfterDecision,
  STATE_PROPERTY,
  type ReminderState,
} from '../../domain/reminders';
import { appliesToProject } from '../../domain/project-scope';
import { statusResolver } from '../../domain/workflow';
import { getIssueWithProperties, type IssueWithProperties } from '../../jira/get-issue-with-properties';
import { portalUrlOf } from '../../jira/get-request';
import { cachedAccount } from '../../store/account-cache';
import { requestFieldIds } from '../../store/request-fields-cache';
import { listIssueComments } from '../../jira/list-issue-comments';
import { loadConfig } from '../../store/config-store';
import { clockFromJira } from '../shared/clock-from-jira';
import { executeActions } from '../shared/execute-actions';

const FIELDS = ['summary', 'status', 'reporter', 'created', 'project'];

/**
 * Handles one batch of due requests.
 * @example await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: Date.UTC(2026, 0, 8, 10) })
 */
export async function processSweepBatch(item: Record<string, unknown>): Promise<void> {
  const keys = Array.isArray(item.issueKeys) ? item.issueKeys.filter((k): k is string => typeof k === 'string') : [];
  const sweptAt = Number(item.sweptAt);
  if (keys.length === 0 || !Number.isFinite(sweptAt)) {
    console.error('[support-rules] sweep batch: ignored a malformed batch:', JSON.stringify(item).slice(0, 300));
    return;
  }
  const config = await loadConfig();
  const locales = new Map<string, Promise<string | null>>();
  for (const issueKey of keys) {
    try {
      await processDueRequest(issueKey, sweptAt, config, locales);
    } catch (error) {
      console.warn(`[support-rules] sweep: ${issueKey}: ${(error as Error).message}; left for the next sweep`);
    }
  }
}

async function processDueRequest(
  issueKey: string,
  nowMs: number,
  config: Config,
  locales: Map<string, Promise<string | null>>,
): Promise<void> {
  // JSM's Request Type field links the portal page: asked in the same read.
  const { requestType } = await requestFieldIds();
  const issue = await getIssueWithProperties(issueKey, requestType ? [...FIELDS, requestType] : FIELDS, [
    STATE_PROPERTY,
  ]);
  if (!issue) return;
  // Not (or no longer) a request of a JSM project the rules apply to: nothing is sent or written.
  if (!appliesToProject(issue.fields.project, config)) return;
  const stored = issue.properties?.[STATE_PROPERTY];
  const status = statusResolver(config.statusMapping)({
    id: issue.fields.status?.id ?? null,
    name: issue.fields.status?.name ?? null,
  });
  let state = parseReminderState(stored);
  if (status !== 'waiting_for_customer') {
    // It left the wait without the triggers telling the clock (say, the app resumed it): stop the count.
    if (state?.waiting === 'yes') await writeClock(issueKey, stored, notWaiting(state.lastActivityAt), config);
    return;
  }
  let comments: JiraComment[] | undefined;
  if (!state || state.waiting !== 'yes') {
    const rebuilt = await clockFromJira(
      issueKey,
      status,
      issue.fields.created ? Date.parse(issue.fields.created) : 0,
      config,
    );
    state = rebuilt.clock;
    comments = rebuilt.comments;
  }
  const decision = decideReminder(state, config, nowMs);
  const next = stateAfterDecision(state, decision, config);
  if (decision.kind === 'none') {
    if (!isStoredClock(stored, next)) await writeClock(issueKey, stored, next, config);
    return;
  }
  comments ??= decision.kind === 'reminder' ? await listIssueComments(issueKey, 20) : [];
  const locale = await localeOf(issue, locales);
  const portalUrl = requestType ? portalLinkOf(issue.fields[requestType]) : await portalUrlOf(issueKey);
  const reporter = issue.fields.reporter ?? null;
  const lang = languageFor(locale, config.languages);
  const actions = dueActions(
    {
      ref: { issueKey: issue.key, summary: issue.fields.summary ?? '', portalUrl },
      reporterId: reporter?.accountId,
      lang,
      awaited: awaitedFromTeam(comments, { reporter, participants: [] }, lang),
      storedClock: stored,
    },
    decision,
    next,
    config,
  );
  await executeActions(actions, config);
}

async function localeOf(
  issue: IssueWithProperties,
  cache: Map<string, Promise<string | null>>,
): Promise<string | null> {
  const accountId = issue.fields.reporter?.accountId;
  if (!accountId) return null;
  if (!cache.has(accountId))
    cache.set(
      accountId,
      cachedAccount(accountId).then((u) => u?.locale ?? null),
    );
  return cache.get(accountId)!;
}

/** The portal page of a request, from the value of JSM's Request Type field (`_links.web`). */
function portalLinkOf(requestType: unknown): string | null {
  const web = (requestType as { _links?: { web?: unknown } } | null | undefined)?._links?.web;
  return typeof web === 'string' ? web : null;
}

async function writeClock(issueKey: string, stored: unknown, state: ReminderState, config: Config): Promise<void> {
  await executeActions([clockWriteAction(issueKey, stored, state)], config);
}
