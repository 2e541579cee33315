/**
 * The reminder sweep's work, in the queue consumer: for each due request, re-read its status and clock fresh,
 * decide with the pure core, and act through the ledger (keys carry the count's start and the reminder number,
 * so overlapping or repeated sweeps act once). A request whose read fails is left for the next sweep: its clock
 * still says it is due, so nothing is lost.
 */
import { actionKey, adfFromText, textFromAdf, type Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import { autoCloseMessage, languageFor, reminderMessage, type CommentAndMessage } from '../../domain/messages';
import {
  decideReminder,
  notWaiting,
  parseReminderState,
  propertyValue,
  stateAfterDecision,
  STATE_PROPERTY,
  type ReminderDecision,
  type ReminderState,
} from '../../domain/reminders';
import { appliesToProject } from '../../domain/project-scope';
import { statusResolver, type Language } from '../../domain/workflow';
import { getIssueWithProperties, type IssueWithProperties } from '../../jira/get-issue-with-properties';
import { portalUrlOf } from '../../jira/get-request';
import { getUser } from '../../jira/get-user';
import { isInternalComment, listIssueComments, type IssueComment } from '../../jira/list-issue-comments';
import { loadConfig } from '../../store/config-store';
import { clockFromJira } from '../shared/clock-from-jira';
import { executeActions } from '../shared/execute-actions';

/** What the sweep pushes: due issue keys and the instant it swept for (epoch ms). */
export interface SweepBatch {
  kind: 'sweep-batch';
  issueKeys: string[];
  sweptAt: number;
}

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
  const issue = await getIssueWithProperties(issueKey, FIELDS, [STATE_PROPERTY]);
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
  let comments: IssueComment[] | undefined;
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
    if (!sameStored(stored, next)) await writeClock(issueKey, stored, next, config);
    return;
  }
  comments ??= decision.kind === 'reminder' ? await listIssueComments(issueKey, 20) : [];
  const [locale, portalUrl] = await Promise.all([localeOf(issue, locales), portalUrlOf(issueKey)]);
  const actions = decisionActions(issue, decision, config, languageFor(locale, config), comments, portalUrl);
  const clockKey = actionKey(
    issueKey,
    decision.kind === 'close' ? 'autoclose' : 'reminder',
    decision.occurrence,
    decision.kind === 'close' ? 'clock' : `${decision.reminder}:clock`,
  );
  actions.push({
    type: 'setProperty',
    key: clockKey,
    issueKey,
    propertyKey: STATE_PROPERTY,
    value: propertyValue(stored, next),
  });
  await executeActions(actions, config);
}

/** The comment, the creator's email and, for a close, the transition before them (which they require). */
function decisionActions(
  issue: IssueWithProperties,
  decision: Exclude<ReminderDecision, { kind: 'none' }>,
  config: Config,
  lang: Language,
  comments: IssueComment[],
  portalUrl: string | null,
): Action[] {
  const ref = { issueKey: issue.key, summary: issue.fields.summary ?? '', portalUrl };
  const reporter = issue.fields.reporter?.accountId;
  const tz = config.calendars.businessHours.timeZone;
  let texts: CommentAndMessage;
  let base: string;
  let requires: string | undefined;
  const actions: Action[] = [];
  if (decision.kind === 'close') {
    base = actionKey(issue.key, 'autoclose', decision.occurrence);
    requires = actionKey(base, 'transition');
    actions.push({
      type: 'transition',
      key: requires,
      issueKey: issue.key,
      toStatus: 'closed',
      resolution: config.reminders.autoCloseResolution,
    });
    texts = autoCloseMessage(lang, ref, {
      days: config.reminders.autoCloseDays,
      replyReopens: config.rules.reopenOnCustomerComment,
    });
  } else {
    base = actionKey(issue.key, 'reminder', decision.occurrence, decision.reminder);
    texts = reminderMessage(lang, ref, {
      reminder: decision.reminder,
      awaited: awaitedText(comments, reporter),
      closesAtMs: decision.closesAt,
      timeZone: tz,
    });
  }
  // A close that failed for good (no transition to Closed in the workflow) is not announced to the customer.
  actions.push({
    type: 'comment',
    key: actionKey(base, 'comment'),
    issueKey: issue.key,
    body: adfFromText(texts.comment),
    internal: false,
    requires,
  });
  if (reporter)
    actions.push({
      type: 'notify',
      key: actionKey(base, 'notify'),
      issueKey: issue.key,
      to: { accountIds: [reporter] },
      ...texts.message,
      requires,
    });
  return actions;
}

/** The team's latest public comment (not the app's, not the customer's): what the request waits for. */
function awaitedText(comments: IssueComment[], reporter: string | undefined): string | null {
  const newestFirst = [...comments].sort((a, b) => Date.parse(b.created ?? '') - Date.parse(a.created ?? ''));
  const found = newestFirst.find(
    (c) =>
      !isInternalComment(c) &&
      c.author?.accountType !== 'app' &&
      c.author?.accountId !== reporter &&
      c.author?.accountType !== 'customer',
  );
  return found ? textFromAdf(found.body) || null : null;
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
      getUser(accountId).then((u) => u?.locale ?? null),
    );
  return cache.get(accountId)!;
}

function sameStored(stored: unknown, state: ReminderState): boolean {
  const current = parseReminderState(stored);
  const fields = ['waiting', 'waitingSince', 'lastActivityAt', 'nextDueAt', 'stage', 'initialisedFrom'] as const;
  return current !== null && fields.every((f) => current[f] === state[f]);
}

async function writeClock(issueKey: string, stored: unknown, state: ReminderState, config: Config): Promise<void> {
  const key = actionKey(
    issueKey,
    'clock',
    'sweep',
    state.waiting,
    state.waitingSince ?? 0,
    state.lastActivityAt,
    state.stage,
    state.nextDueAt ?? 0,
  );
  await executeActions(
    [{ type: 'setProperty', key, issueKey, propertyKey: STATE_PROPERTY, value: propertyValue(stored, state) }],
    config,
  );
}
