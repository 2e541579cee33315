/**
 * The one path of every product-event trigger: parse the Forge event, load the request as it is now (one read: its
 * fields, JSM's fields, the app's properties and, when the event can move the SLA, its changelog), run the rules
 * (and the activity hook of the reminders), measure the SLA record again when the event can change the SLA, then
 * execute the actions through the ledger, the request's property writes merged into one call.
 * A malformed event is logged with its reason and ignored. A Jira failure while loading is not lost: the event
 * goes to the work queue and is handled again later (the action keys make the retry safe).
 */
import { actionKey, mergePropertyWrites, type Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import type { Person, RequestEvent } from '../../domain/request';
import { appliesToProject } from '../../domain/project-scope';
import { evaluateRules, inputsNeeded } from '../../domain/rules';
import { changesSla, SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import { STATE_PROPERTY } from '../../domain/reminders';
import { JiraError, nullIfAbsent } from '../../jira/client';
import { getComment } from '../../jira/get-comment';
import { commentIsPublic } from '../../domain/comments';
import { findAssignableUsers } from '../../jira/find-assignable-users';
import { getReopenAction } from '../../jira/get-reopen-action';
import { cachedAccount } from '../../store/account-cache';
import { listIssueComments } from '../../jira/list-issue-comments';
import { loadConfig } from '../../store/config-store';
import { keepDeadEvent } from '../../store/dead-letters';
import { pushWork } from '../../store/work-queue';
import { pauseIfQuotaRefused, quotaPausedUntil, retryAfterMsOf } from '../../store/quota-pause';
import { requeueDelaySeconds } from '../../domain/pacing';
import { activityActions, occurrenceOf } from '../shared/activity';
import { executeActions, MAX_QUEUE_ATTEMPTS, type ExecutionReport } from '../shared/execute-actions';
import { loadSnapshot, type LoadedRequest } from '../shared/load-snapshot';
import { measureSlaRecord } from '../shared/sla-record';
import { parseEvent, type TriggerKind } from './parse-event';

export type EventOutcome =
  | { handled: 'ignored'; reason: string }
  | { handled: 'requeued'; reason: string }
  | { handled: 'done'; report: ExecutionReport };

/**
 * Handles one product event.
 * @example await handleRequestEvent('commented', forgeEvent) //=> { handled: 'done', report: { done: ['SUP-1:notify-comment:10400'], ... } }
 */
export async function handleRequestEvent(
  kind: TriggerKind,
  payload: unknown,
  opts: { nowMs?: number; attempt?: number } = {},
): Promise<EventOutcome> {
  const attempt = opts.attempt ?? 0;
  const parsed = parseEvent(kind, payload, opts.nowMs ?? Date.now());
  if (!parsed.ok) {
    console.warn(`[support-rules] ${kind} trigger: ignored a malformed event (${parsed.reason})`);
    return { handled: 'ignored', reason: parsed.reason };
  }
  let actions: Action[];
  let config: Config;
  // Jira refused the app's hourly quota: no call until Retry-After; the event waits in the queue meanwhile.
  const pausedForMs = (await quotaPausedUntil()) - (opts.nowMs ?? Date.now());
  if (pausedForMs > 0) {
    await pushWork(
      { kind: 'event', trigger: kind, payload, attempt, reason: 'hourly quota' },
      requeueDelaySeconds(0, pausedForMs),
    );
    return { handled: 'requeued', reason: 'the hourly quota is spent until its reset' };
  }
  try {
    config = await loadConfig();
    // The event names the issue's project (Forge's issue events carry it): a Software issue costs no REST call.
    if (parsed.project && !appliesToProject(parsed.project, config)) return outOfScope(kind, parsed.issueKey);
    const slaMoves = parsed.events.some(changesSla);
    const loaded = await loadSnapshot(parsed.issueKey, config, {
      changelog: slaMoves,
      channel: parsed.events.some((e) => e.kind === 'created'),
    });
    if (!loaded) {
      console.warn(`[support-rules] ${kind} trigger: ${parsed.issueKey} no longer exists; event ignored`);
      return { handled: 'ignored', reason: 'issue not found' };
    }
    if ('outOfScope' in loaded) return outOfScope(kind, parsed.issueKey);
    const events = parsed.commentToCheck
      ? await withCommentVisibility(parsed.events, parsed.issueKey, parsed.commentToCheck)
      : parsed.events;
    actions = await decide(events, loaded, config);
    // The SLA record follows every change that can move the SLA, written with the request's other properties.
    if (slaMoves) actions.push(...(await slaRecordWrite(loaded, parsed.events, config)));
  } catch (error) {
    const reason = (error as Error).message;
    const transient = !(error instanceof JiraError) || error.retryable;
    await pauseIfQuotaRefused(error, Date.now());
    if (transient && attempt + 1 < MAX_QUEUE_ATTEMPTS) {
      await pushWork(
        { kind: 'event', trigger: kind, payload, attempt: attempt + 1, reason },
        requeueDelaySeconds(attempt, retryAfterMsOf(error)),
      );
      console.warn(
        `[support-rules] ${kind} trigger: ${parsed.issueKey}: ${reason}; event re-queued (attempt ${attempt + 1})`,
      );
      return { handled: 'requeued', reason };
    }
    console.error(`[support-rules] ${kind} trigger: ${parsed.issueKey}: ${reason}; event kept as a dead letter`);
    await keepDeadEvent({
      trigger: kind,
      issueKey: parsed.issueKey,
      payload,
      error: reason,
      attempts: attempt + 1,
      at: new Date().toISOString(),
    });
    return { handled: 'ignored', reason };
  }
  // A failed write is re-queued with the actions after it, never lost.
  const report = await executeActions(mergePropertyWrites(actions), config);
  return { handled: 'done', report };
}

function outOfScope(kind: TriggerKind, issueKey: string): EventOutcome {
  console.log(`[support-rules] ${kind} trigger: ${issueKey} is not in a JSM project the rules apply to; nothing done`);
  return { handled: 'ignored', reason: 'out of scope' };
}

/** The write of the request's SLA record, when its measure changed (keyed by the event, so a repeat is skipped). */
async function slaRecordWrite(loaded: LoadedRequest, events: RequestEvent[], config: Config): Promise<Action[]> {
  const measured = await measureSlaRecord(loaded.issue, config);
  if (measured.status !== 'changed') return [];
  const issueKey = loaded.snapshot.issueKey;
  const event = events.find(changesSla)!;
  return [
    {
      type: 'setProperty',
      key: actionKey(issueKey, 'sla-record', occurrenceOf(event)),
      issueKey,
      propertyKey: SLA_RECORD_PROPERTY,
      value: measured.record,
    },
  ];
}

async function decide(events: RequestEvent[], loaded: LoadedRequest, config: Config): Promise<Action[]> {
  const { snapshot, details } = loaded;
  const stored = loaded.issue.properties?.[STATE_PROPERTY];
  const actions: Action[] = [];
  for (const parsedEvent of events) {
    const actor = parsedEvent.kind === 'created' ? parsedEvent.actor : await withAccount(parsedEvent.actor, snapshot);
    const event = { ...parsedEvent, actor };
    const needed = inputsNeeded({ event, snapshot, config, details });
    const [supportTeam, comments, reopenAction] = await Promise.all([
      needed.supportTeam ? findAssignableUsers(snapshot.issueKey) : [],
      needed.comments ? listIssueComments(snapshot.issueKey, 50) : undefined,
      needed.reopenAction ? getReopenAction(snapshot.issueKey) : null,
    ]);
    actions.push(...evaluateRules({ event, snapshot, config, details, supportTeam, comments, reopenAction }));
    actions.push(
      ...(await activityActions({ event, snapshot, config, byApp: event.actor?.accountType === 'app', stored })),
    );
  }
  return actions;
}

/**
 * The events with the comment's visibility read from Jira, for an event that did not say (neither jsdPublic nor
 * the sd.public.comment property): public only when the comment proves it; a comment gone stays internal. A failed
 * read throws, so the event is re-queued and handled again later, never forwarded on a guess.
 */
async function withCommentVisibility(
  events: RequestEvent[],
  issueKey: string,
  commentId: string,
): Promise<RequestEvent[]> {
  const comment = await nullIfAbsent(getComment(issueKey, commentId));
  const proven = comment !== null && commentIsPublic(comment) === true;
  return events.map((e) => (e.kind === 'commented' && e.commentId === commentId ? { ...e, internal: !proven } : e));
}

/**
 * The actor with their account type and name (the rules tell customers from the support team by them): the
 * reporter's and participants' come with the request, anyone else's from the day's account cache.
 */
async function withAccount(actor: Person | null, snapshot: LoadedRequest['snapshot']): Promise<Person | null> {
  if (!actor || (actor.accountType && actor.displayName)) return actor;
  const known = [snapshot.reporter, ...snapshot.participants].find((p) => p?.accountId === actor.accountId);
  if (known?.accountType && known.displayName) return { ...actor, ...known };
  const account = await cachedAccount(actor.accountId);
  return account ? { ...actor, ...account } : actor;
}
