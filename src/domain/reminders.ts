/**
 * Waiting-for-customer reminders and auto-close (DESIGN.md section 1, Automations): the activity clock a request
 * keeps in its `supportRulesState` issue property, how a person's action moves it, and what falls due when the
 * sweep looks at it (nothing, reminder N, or close). Pure: the instant is always a parameter.
 *
 * The count starts when the request enters waiting_for_customer, or at a person's later action, whichever is
 * latest; reminder N falls due `reminderDays[N-1]` calendar days after that start, the close `autoCloseDays` days
 * after it (calendar days in the desk's time zone, so a daylight-saving change does not shift the hour).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Config } from './config';
import { actorRole, type RequestEvent, type RequestSnapshot } from './request';
import type { CanonicalStatus } from './workflow';

/** The issue property that carries the clock (indexed by the manifest's `request-state` entity property). */
export const STATE_PROPERTY = 'supportRulesState';

/** Reminders already sent in this count (0, 1, 2, …), or 'closed' once the sweep closed the request. */
export type ReminderStage = number | 'closed';

export interface ReminderState {
  /** 'yes' while the request is in waiting_for_customer (a string, so JQL can compare it). */
  waiting: 'yes' | 'no';
  /** When the request entered waiting_for_customer (epoch ms), null when not waiting. */
  waitingSince: number | null;
  /** The last action of a person (epoch ms); the app's own comments, moves and writes never change it. */
  lastActivityAt: number;
  /** When the next reminder or the close falls due (epoch ms), null when nothing will. */
  nextDueAt: number | null;
  stage: ReminderStage;
  /** Set when the clock was rebuilt from the changelog and comments of a request that predates the install. */
  initialisedFrom?: 'changelog';
}

const stateSchema = z.object({
  waiting: z.enum(['yes', 'no']),
  waitingSince: z.number().nullable(),
  lastActivityAt: z.number(),
  nextDueAt: z.number().nullable(),
  stage: z.union([z.number().int().min(0), z.literal('closed')]),
  initialisedFrom: z.literal('changelog').optional(),
});

/**
 * The clock stored on a request, or null when the value is missing or not one the app wrote.
 * @example parseReminderState({ waiting: 'no', waitingSince: null, lastActivityAt: 0, nextDueAt: null, stage: 0 })?.waiting //=> 'no'
 */
export function parseReminderState(value: unknown): ReminderState | null {
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) return null;
  const { initialisedFrom, ...rest } = parsed.data;
  return initialisedFrom ? { ...rest, initialisedFrom } : rest;
}

/**
 * The property value to write: the clock over what is stored, so fields other engines keep there
 * (such as `escalated`) survive.
 * @example propertyValue({ escalated: 'yes' }, state).escalated //=> 'yes'
 */
export function propertyValue(stored: unknown, state: ReminderState): Record<string, unknown> {
  const base =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return { ...base, ...state };
}

/** One step of the count: a reminder (1-based) or the close, and how many days after the count's start. */
type Step = { kind: 'reminder'; reminder: number; days: number } | { kind: 'close'; days: number };

function steps(config: Config): Step[] {
  const result: Step[] = [];
  if (config.rules.reminders)
    config.reminders.reminderDays.forEach((days, i) => result.push({ kind: 'reminder', reminder: i + 1, days }));
  if (config.rules.autoClose) result.push({ kind: 'close', days: config.reminders.autoCloseDays });
  return result;
}

/**
 * The instant the count of a waiting request started: its entry into waiting_for_customer or a person's later action.
 * @example countStart({ waiting: 'yes', waitingSince: 10, lastActivityAt: 25, nextDueAt: null, stage: 0 }) //=> 25
 */
export function countStart(state: Pick<ReminderState, 'waitingSince' | 'lastActivityAt'>): number {
  return Math.max(state.waitingSince ?? Number.NEGATIVE_INFINITY, state.lastActivityAt);
}

/**
 * `days` calendar days after `ms`, in the desk's time zone.
 * @example addCalendarDays(Date.UTC(2026, 0, 1), 3, 'UTC') //=> Date.UTC(2026, 0, 4)
 */
export function addCalendarDays(ms: number, days: number, timeZone: string): number {
  return DateTime.fromMillis(ms, { zone: timeZone }).plus({ days }).toMillis();
}

function stepDueAt(state: ReminderState, step: Step, config: Config): number {
  return addCalendarDays(countStart(state), step.days, config.calendars.businessHours.timeZone);
}

/** The steps still ahead of a waiting request, in order. */
function pendingSteps(state: ReminderState, config: Config): Step[] {
  if (state.waiting !== 'yes' || state.stage === 'closed') return [];
  const sent = state.stage;
  return steps(config).filter((s) => s.kind === 'close' || s.reminder > sent);
}

/**
 * When the next reminder or the close falls due, or null when nothing will (not waiting, closed, rules off).
 * @example nextDueAt(waitingSince(Date.UTC(2026, 0, 1)), defaultConfig()) //=> Date.UTC(2026, 0, 4) (3 days, Paris time)
 */
export function nextDueAt(state: ReminderState, config: Config): number | null {
  const next = pendingSteps(state, config)[0];
  return next ? stepDueAt(state, next, config) : null;
}

export type ReminderDecision =
  | { kind: 'none' }
  | { kind: 'reminder'; reminder: number; dueAt: number; closesAt: number | null; occurrence: number }
  | { kind: 'close'; dueAt: number; occurrence: number };

/**
 * What falls due at `nowMs`: the close when its day has come (without the reminders it no longer needs), else
 * the latest reminder due (one reminder, however many sweeps were missed), else nothing. `occurrence` is the
 * count's start: with the reminder number it names the action once, however many sweeps see it.
 * @example decideReminder({ waiting: 'yes', waitingSince: t, lastActivityAt: t, nextDueAt: null, stage: 0 }, defaultConfig(), t + 4 * DAY).kind //=> 'reminder'
 */
export function decideReminder(state: ReminderState, config: Config, nowMs: number): ReminderDecision {
  const pending = pendingSteps(state, config);
  const due = pending.filter((s) => stepDueAt(state, s, config) <= nowMs);
  const occurrence = countStart(state);
  const close = due.find((s) => s.kind === 'close');
  if (close) return { kind: 'close', dueAt: stepDueAt(state, close, config), occurrence };
  const last = due.at(-1);
  if (!last || last.kind !== 'reminder') return { kind: 'none' };
  const closeStep = pending.find((s) => s.kind === 'close');
  return {
    kind: 'reminder',
    reminder: last.reminder,
    dueAt: stepDueAt(state, last, config),
    closesAt: closeStep ? stepDueAt(state, closeStep, config) : null,
    occurrence,
  };
}

/**
 * The clock once a decision was carried out: the reminder counted, or the request closed and no longer waiting;
 * with no decision, the next due instant recomputed (the configuration may have changed).
 * @example stateAfterDecision(state, { kind: 'close', dueAt, occurrence }, config).stage //=> 'closed'
 */
export function stateAfterDecision(state: ReminderState, decision: ReminderDecision, config: Config): ReminderState {
  if (decision.kind === 'close')
    return { ...state, waiting: 'no', waitingSince: null, nextDueAt: null, stage: 'closed' };
  const next: ReminderState = decision.kind === 'reminder' ? { ...state, stage: decision.reminder } : { ...state };
  return { ...next, nextDueAt: nextDueAt(next, config) };
}

/**
 * A clock that starts waiting at `atMs` (a fresh count, stage 0).
 * @example startWaiting(0, 0, defaultConfig()).stage //=> 0
 */
export function startWaiting(atMs: number, lastActivityAt: number, config: Config): ReminderState {
  const state: ReminderState = {
    waiting: 'yes',
    waitingSince: atMs,
    lastActivityAt: Math.max(lastActivityAt, atMs),
    nextDueAt: null,
    stage: 0,
  };
  return { ...state, nextDueAt: nextDueAt(state, config) };
}

/**
 * A clock that is not waiting (the request left waiting_for_customer, or never was there).
 * @example notWaiting(5).nextDueAt //=> null
 */
export function notWaiting(lastActivityAt: number, stage: ReminderStage = 0): ReminderState {
  return { waiting: 'no', waitingSince: null, lastActivityAt, nextDueAt: null, stage };
}

export interface EventInput {
  event: RequestEvent;
  /** The request after the event. */
  snapshot: Pick<RequestSnapshot, 'reporter' | 'participants'> & { status: { canonical: CanonicalStatus | undefined } };
  /** The canonical status the event moved the request from (status changes only). */
  fromStatus?: CanonicalStatus | undefined;
  /** The clock stored before the event (rebuilt from history for a request that predates the install), or null. */
  previous: ReminderState | null;
  byApp: boolean;
  config: Config;
}

/**
 * The clock after one event, or null when it does not change. Entering waiting_for_customer starts a fresh count;
 * leaving it clears it; a person's comment (public or internal), move or field change restarts the count; the
 * app's own never does. A customer's public comment while waiting ends the wait when the resume rule is on
 * (the rules move the request back to in_progress).
 * @example clockAfterEvent({ event: { kind: 'commented', at: 9, actor: agent, ... }, previous: waiting, byApp: false, ... }).lastActivityAt //=> 9
 */
export function clockAfterEvent(input: EventInput): ReminderState | null {
  const { event, snapshot, previous, byApp, config } = input;
  const status = snapshot.status.canonical;
  const isWaiting = status === 'waiting_for_customer';
  const lastActivityAt = byApp
    ? (previous?.lastActivityAt ?? event.at)
    : Math.max(event.at, previous?.lastActivityAt ?? event.at);
  let next: ReminderState;
  if (event.kind === 'status_changed' && isWaiting && input.fromStatus !== 'waiting_for_customer') {
    next = startWaiting(event.at, lastActivityAt, config);
  } else if (!isWaiting) {
    if (!previous) return null;
    next = notWaiting(lastActivityAt, previous?.waiting === 'no' ? previous.stage : 0);
  } else if (byApp && previous) {
    next = previous;
  } else if (resumesOnComment(input)) {
    next = notWaiting(lastActivityAt);
  } else {
    const since = previous?.waiting === 'yes' && previous.waitingSince !== null ? previous.waitingSince : event.at;
    const restarted = lastActivityAt !== previous?.lastActivityAt || previous?.waiting !== 'yes';
    const base: ReminderState = {
      waiting: 'yes',
      waitingSince: since,
      lastActivityAt,
      nextDueAt: null,
      stage: restarted ? 0 : (previous?.stage ?? 0),
    };
    if (previous?.initialisedFrom) base.initialisedFrom = previous.initialisedFrom;
    next = { ...base, nextDueAt: nextDueAt(base, config) };
  }
  return previous && sameClock(previous, next) ? null : next;
}

function resumesOnComment(input: EventInput): boolean {
  const { event, snapshot, config } = input;
  return (
    event.kind === 'commented' &&
    !event.internal &&
    config.rules.resumeOnCustomerComment &&
    actorRole(event.actor, snapshot) === 'customer'
  );
}

/**
 * True when the stored value already holds this clock (the sweep need not write it).
 * @example isStoredClock(propertyValue(undefined, state), state) //=> true
 */
export function isStoredClock(stored: unknown, state: ReminderState): boolean {
  const current = parseReminderState(stored);
  const fields = ['waiting', 'waitingSince', 'lastActivityAt', 'nextDueAt', 'stage', 'initialisedFrom'] as const;
  return current !== null && fields.every((f) => current[f] === state[f]);
}

/** Equal for the sweep and the screens: outside a wait, the last activity alone is not worth a write. */
function sameClock(a: ReminderState, b: ReminderState): boolean {
  const same =
    a.waiting === b.waiting && a.waitingSince === b.waitingSince && a.nextDueAt === b.nextDueAt && a.stage === b.stage;
  return same && (b.waiting === 'no' || a.lastActivityAt === b.lastActivityAt);
}

/** What the screens show of a waiting request (see {@link reminderSchedule}). */
export interface ReminderSchedule {
  /** When the next reminder falls due (ISO instant); null when none will go out. */
  nextReminderAt: string | null;
  /** When the request closes unanswered (ISO instant); null when it will not. */
  autoCloseAt: string | null;
  /** The next reminder's time has passed and it is not sent yet: the hourly sweep sends it on its next run. */
  reminderDue: boolean;
  /** The close's time has passed and the request is still waiting: the hourly sweep closes it on its next run. */
  autoCloseDue: boolean;
}

/**
 * What the screens show of a waiting request at `nowMs`: when the next reminder goes out and when it will close
 * (ISO instants, both null when the request is not waiting or the rules are off), and whether either is already
 * due, waiting for the sweep. As the sweep decides ({@link decideReminder}): once the close is due, no reminder
 * goes out before it, so the next reminder is null.
 * @example reminderSchedule(startWaiting(Date.UTC(2026, 0, 5), 0, defaultConfig()), defaultConfig(), Date.UTC(2026, 0, 5)).autoCloseAt //=> '2026-01-17T00:00:00.000Z'
 * @example reminderSchedule(startWaiting(Date.UTC(2026, 0, 5), 0, defaultConfig()), defaultConfig(), Date.UTC(2026, 0, 9)).reminderDue //=> true
 */
export function reminderSchedule(state: ReminderState | null, config: Config, nowMs: number): ReminderSchedule {
  const clock = parseReminderState(state);
  const none = { nextReminderAt: null, autoCloseAt: null, reminderDue: false, autoCloseDue: false };
  if (!clock) return none;
  const pending = pendingSteps(clock, config);
  const dueAt = (step: Step | undefined) => (step ? stepDueAt(clock, step, config) : null);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const closeAt = dueAt(pending.find((s) => s.kind === 'close'));
  const autoCloseDue = closeAt !== null && closeAt <= nowMs;
  const reminderAt = autoCloseDue ? null : dueAt(pending.find((s) => s.kind === 'reminder'));
  return {
    nextReminderAt: iso(reminderAt),
    autoCloseAt: iso(closeAt),
    reminderDue: reminderAt !== null && reminderAt <= nowMs,
    autoCloseDue,
  };
}
