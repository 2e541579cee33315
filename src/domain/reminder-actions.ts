/**
 * What the reminder sweep does for a request that falls due: for a close, the move to closed with the
 * configured resolution; the public comment and the creator's email (which a close requires, so a close that
 * failed is not announced; no email when the admin leaves it to JSM, which emails the public comment or the
 * resolution); and the clock's write. Every key carries the count's start (and the reminder's number), so
 * overlapping or repeated sweeps act once. Pure: the decision and the request in, actions out.
 */
import { actionKey, type Action } from './actions';
import { adfFromText } from './adf';
import type { Config } from './config';
import { leftToJsm } from './jsm-notifications';
import type { Language } from './language';
import type { CommentAndMessage, RequestRef } from './messages/layout';
import { autoCloseMessage, reminderMessage } from './messages/reminder-messages';
import { propertyValue, STATE_PROPERTY, type ReminderDecision, type ReminderState } from './reminders';

export interface DueRequest {
  ref: RequestRef;
  /** The creator, who gets the email; none when the request has no reporter. */
  reporterId: string | undefined;
  /** The language of the creator. */
  lang: Language;
  /** What the team awaits (comments.ts `awaitedFromTeam`), quoted by a reminder. */
  awaited: string | null;
  /** The clock property as stored (its other fields are kept). */
  storedClock: unknown;
}

/**
 * The actions of a due reminder or close, then the clock's write (`next`, the clock once it is done).
 * @example dueActions(request, { kind: 'close', dueAt, occurrence: 5 }, next, config).map((a) => a.type)
 *   //=> ['transition', 'comment', 'notify', 'setProperty']
 */
export function dueActions(
  request: DueRequest,
  decision: Exclude<ReminderDecision, { kind: 'none' }>,
  next: ReminderState,
  config: Config,
): Action[] {
  const { ref } = request;
  const actions: Action[] = [];
  let texts: CommentAndMessage;
  let base: string;
  let requires: string | undefined;
  if (decision.kind === 'close') {
    base = actionKey(ref.issueKey, 'autoclose', decision.occurrence);
    requires = actionKey(base, 'transition');
    actions.push({
      type: 'transition',
      key: requires,
      issueKey: ref.issueKey,
      toStatus: 'closed',
      resolution: config.reminders.autoCloseResolution,
      from: ['waiting_for_customer'],
    });
    texts = autoCloseMessage(request.lang, ref, {
      days: config.reminders.autoCloseDays,
      replyReopens: config.rules.reopenOnCustomerComment,
    });
  } else {
    base = actionKey(ref.issueKey, 'reminder', decision.occurrence, decision.reminder);
    texts = reminderMessage(request.lang, ref, {
      reminder: decision.reminder,
      awaited: request.awaited,
      closesAtMs: decision.closesAt,
      timeZone: config.calendars.businessHours.timeZone,
    });
  }
  actions.push({
    type: 'comment',
    key: actionKey(base, 'comment'),
    issueKey: ref.issueKey,
    body: adfFromText(texts.comment),
    internal: false,
    requires,
  });
  const email = decision.kind === 'close' ? ({ kind: 'autoClose' } as const) : ({ kind: 'reminder' } as const);
  if (request.reporterId && !leftToJsm(email, config))
    actions.push({
      type: 'notify',
      key: actionKey(base, 'notify'),
      issueKey: ref.issueKey,
      to: { accountIds: [request.reporterId] },
      ...texts.message,
      requires,
    });
  actions.push({
    type: 'setProperty',
    key: actionKey(base, 'clock'),
    issueKey: ref.issueKey,
    propertyKey: STATE_PROPERTY,
    value: propertyValue(request.storedClock, next),
  });
  return actions;
}

/**
 * The sweep's own write of a clock it corrects (a request that left the wait unseen, a due instant the
 * configuration moved), keyed by the clock it writes.
 * @example clockWriteAction('SUP-7', stored, notWaiting(5)).key //=> 'SUP-7:clock:sweep:no:0:5:0:0'
 */
export function clockWriteAction(issueKey: string, storedClock: unknown, state: ReminderState): Action {
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
  return {
    type: 'setProperty',
    key,
    issueKey,
    propertyKey: STATE_PROPERTY,
    value: propertyValue(storedClock, state),
  };
}
