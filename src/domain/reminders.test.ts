import fc from 'fast-check';
import { configSchema, type Config, type ConfigInput } from './config';
import type { Person, RequestEvent } from './request';
import {
  addCalendarDays,
  clockAfterEvent,
  decideReminder,
  nextDueAt,
  parseReminderState,
  propertyValue,
  reminderSchedule,
  startWaiting,
  stateAfterDecision,
  type EventInput,
  type ReminderState,
} from './reminders';
import type { CanonicalStatus } from './workflow';

// ── builders ───────────────────────────────────────────────────────────────────────────────────────────────
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday in January, far from any daylight-saving change. */
const T0 = Date.UTC(2026, 0, 5, 9, 0);
const customer: Person = { accountId: 'cust-1', accountType: 'customer' };
const agent: Person = { accountId: 'agent-1', accountType: 'atlassian' };
const app: Person = { accountId: 'app-1', accountType: 'app' };

function config(input: ConfigInput = {}): Config {
  return configSchema.parse(input);
}

function waiting(over: Partial<ReminderState> = {}): ReminderState {
  const base: ReminderState = {
    waiting: 'yes',
    waitingSince: T0,
    lastActivityAt: T0,
    nextDueAt: null,
    stage: 0,
    ...over,
  };
  return { ...base, nextDueAt: over.nextDueAt !== undefined ? over.nextDueAt : nextDueAt(base, config()) };
}

function commented(at: number, actor: Person, internal = false): RequestEvent {
  return { kind: 'commented', issueKey: 'SUP-7', actor, at, commentId: String(at), internal, body: 'text' };
}

function moved(at: number, actor: Person): RequestEvent {
  return {
    kind: 'status_changed',
    issueKey: 'SUP-7',
    actor,
    at,
    changelogId: String(at),
    from: null,
    to: { name: 'x' },
    resolution: null,
  };
}

function eventInput(
  event: RequestEvent,
  previous: ReminderState | null,
  status: CanonicalStatus,
  over: Partial<EventInput> = {},
): EventInput {
  return {
    event,
    previous,
    snapshot: { reporter: customer, participants: [], status: { canonical: status } },
    byApp: event.actor?.accountType === 'app',
    config: config(),
    ...over,
  };
}

// ── the count ─────────────────────────────────────────────────────────────────────────────────────────────
describe('the count of a waiting request', () => {
  it('starts on entry with the first reminder due 3 calendar days later', () => {
    const state = startWaiting(T0, T0 - DAY, config());
    expect(state).toEqual({ waiting: 'yes', waitingSince: T0, lastActivityAt: T0, nextDueAt: T0 + 3 * DAY, stage: 0 });
  });

  it('counts calendar days in the desk time zone, across a daylight-saving change (71 hours in late March)', () => {
    const friday = Date.UTC(2026, 2, 27, 9, 0); // 10:00 in Paris, two days before the clocks go forward
    expect(addCalendarDays(friday, 3, 'Europe/Paris') - friday).toBe(71 * HOUR);
    expect(addCalendarDays(friday, 3, 'UTC') - friday).toBe(72 * HOUR);
  });

  it.each([
    [3 * DAY - 1, { kind: 'none' }],
    [3 * DAY, { kind: 'reminder', reminder: 1 }],
    [5 * DAY, { kind: 'reminder', reminder: 1 }],
  ])('at %d ms after entry, a fresh count decides %j', (elapsed, expected) => {
    expect(decideReminder(waiting(), config(), T0 + elapsed)).toMatchObject(expected);
  });

  it('sends the second reminder at 6 days and closes at 12, once each stage is recorded', () => {
    const afterFirst = stateAfterDecision(waiting(), decideReminder(waiting(), config(), T0 + 3 * DAY), config());
    expect(afterFirst).toMatchObject({ stage: 1, nextDueAt: T0 + 6 * DAY });
    expect(decideReminder(afterFirst, config(), T0 + 6 * DAY - 1)).toEqual({ kind: 'none' });
    const second = decideReminder(afterFirst, config(), T0 + 6 * DAY);
    expect(second).toEqual({
      kind: 'reminder',
      reminder: 2,
      dueAt: T0 + 6 * DAY,
      closesAt: T0 + 12 * DAY,
      occurrence: T0,
    });
    const afterSecond = stateAfterDecision(afterFirst, second, config());
    expect(afterSecond).toMatchObject({ stage: 2, nextDueAt: T0 + 12 * DAY });
    const close = decideReminder(afterSecond, config(), T0 + 12 * DAY);
    expect(close).toEqual({ kind: 'close', dueAt: T0 + 12 * DAY, occurrence: T0 });
    expect(stateAfterDecision(afterSecond, close, config())).toEqual({
      waiting: 'no',
      waitingSince: null,
      lastActivityAt: T0,
      nextDueAt: null,
      stage: 'closed',
    });
  });

  it('sends one reminder, the latest due, after missed sweeps', () => {
    expect(decideReminder(waiting(), config(), T0 + 7 * DAY)).toMatchObject({ kind: 'reminder', reminder: 2 });
  });

  it('closes a request seen late without the reminders it no longer needs', () => {
    expect(decideReminder(waiting(), config(), T0 + 30 * DAY)).toMatchObject({ kind: 'close', dueAt: T0 + 12 * DAY });
  });

  it('counts from a person’s last action when it came after the entry', () => {
    const state = waiting({ lastActivityAt: T0 + 5 * DAY, stage: 0 });
    expect(decideReminder(state, config(), T0 + 6 * DAY)).toEqual({ kind: 'none' });
    expect(decideReminder(state, config(), T0 + 8 * DAY)).toMatchObject({
      kind: 'reminder',
      reminder: 1,
      occurrence: T0 + 5 * DAY,
    });
  });

  it('follows the switches: no reminders, or no close', () => {
    const noReminders = config({ rules: { reminders: false } });
    expect(decideReminder(waiting(), noReminders, T0 + 7 * DAY)).toEqual({ kind: 'none' });
    expect(nextDueAt(waiting(), noReminders)).toBe(T0 + 12 * DAY);
    const noClose = config({ rules: { autoClose: false } });
    expect(decideReminder(waiting({ stage: 2 }), noClose, T0 + 40 * DAY)).toEqual({ kind: 'none' });
    expect(decideReminder(waiting(), noClose, T0 + 40 * DAY)).toMatchObject({
      kind: 'reminder',
      reminder: 2,
      closesAt: null,
    });
    expect(nextDueAt(waiting({ stage: 2 }), noClose)).toBeNull();
  });

  it('follows configured delays', () => {
    const custom = config({ reminders: { reminderDays: [1, 2, 4], autoCloseDays: 5 } });
    expect(decideReminder(waiting(), custom, T0 + 4 * DAY)).toMatchObject({
      kind: 'reminder',
      reminder: 3,
      closesAt: T0 + 5 * DAY,
    });
  });

  it('decides nothing for a request that is not waiting or already closed', () => {
    expect(decideReminder({ ...waiting(), waiting: 'no' }, config(), T0 + 20 * DAY)).toEqual({ kind: 'none' });
    expect(decideReminder({ ...waiting(), stage: 'closed' }, config(), T0 + 20 * DAY)).toEqual({ kind: 'none' });
  });

  it('recomputes a stale due instant when nothing is due', () => {
    const stale = waiting({ nextDueAt: T0 });
    expect(stateAfterDecision(stale, { kind: 'none' }, config()).nextDueAt).toBe(T0 + 3 * DAY);
  });
});

// ── events ─────────────────────────────────────────────────────────────────────────────────────────────────
describe('how events move the clock', () => {
  it('starts a fresh count when a person moves the request into waiting_for_customer', () => {
    const next = clockAfterEvent(
      eventInput(moved(T0, agent), null, 'waiting_for_customer', { fromStatus: 'in_progress' }),
    );
    expect(next).toEqual({ waiting: 'yes', waitingSince: T0, lastActivityAt: T0, nextDueAt: T0 + 3 * DAY, stage: 0 });
  });

  it('starts a fresh count on a new entry, whatever the previous wait had sent', () => {
    const previous = {
      waiting: 'no',
      waitingSince: null,
      lastActivityAt: T0 + DAY,
      nextDueAt: null,
      stage: 2,
    } as const;
    const next = clockAfterEvent(
      eventInput(moved(T0 + 2 * DAY, agent), previous, 'waiting_for_customer', { fromStatus: 'in_progress' }),
    );
    expect(next).toMatchObject({ waitingSince: T0 + 2 * DAY, stage: 0, nextDueAt: T0 + 5 * DAY });
  });

  it.each([
    ['a public comment', false],
    ['an internal note', true],
  ])('restarts the count on an agent’s %s at day 5, even after a reminder', (_label, internal) => {
    const next = clockAfterEvent(
      eventInput(commented(T0 + 5 * DAY, agent, internal), waiting({ stage: 1 }), 'waiting_for_customer'),
    );
    expect(next).toEqual({
      waiting: 'yes',
      waitingSince: T0,
      lastActivityAt: T0 + 5 * DAY,
      nextDueAt: T0 + 8 * DAY,
      stage: 0,
    });
  });

  it('restarts the count on a person’s field change', () => {
    const event: RequestEvent = {
      kind: 'fields_changed',
      issueKey: 'SUP-7',
      actor: agent,
      at: T0 + DAY,
      changelogId: '9',
      fields: ['priority'],
    };
    expect(clockAfterEvent(eventInput(event, waiting(), 'waiting_for_customer'))?.nextDueAt).toBe(T0 + 4 * DAY);
  });

  it('never restarts the count for the app’s own comment', () => {
    const previous = waiting({ stage: 1 });
    expect(clockAfterEvent(eventInput(commented(T0 + 3 * DAY, app), previous, 'waiting_for_customer'))).toBeNull();
  });

  it('ends the wait on a customer’s public comment when the resume rule is on', () => {
    const next = clockAfterEvent(eventInput(commented(T0 + DAY, customer), waiting(), 'waiting_for_customer'));
    expect(next).toEqual({ waiting: 'no', waitingSince: null, lastActivityAt: T0 + DAY, nextDueAt: null, stage: 0 });
  });

  it('restarts the count on a customer’s comment when the resume rule is off', () => {
    const next = clockAfterEvent(
      eventInput(commented(T0 + DAY, customer), waiting(), 'waiting_for_customer', {
        config: config({ rules: { resumeOnCustomerComment: false } }),
      }),
    );
    expect(next).toMatchObject({ waiting: 'yes', lastActivityAt: T0 + DAY, nextDueAt: T0 + 4 * DAY });
  });

  it('clears the wait when the request leaves waiting_for_customer', () => {
    const next = clockAfterEvent(
      eventInput(moved(T0 + DAY, agent), waiting(), 'in_progress', { fromStatus: 'waiting_for_customer' }),
    );
    expect(next).toEqual({ waiting: 'no', waitingSince: null, lastActivityAt: T0 + DAY, nextDueAt: null, stage: 0 });
  });

  it('writes nothing for a request that never waited, nor for the same event twice', () => {
    expect(clockAfterEvent(eventInput(commented(T0, agent), null, 'in_progress'))).toBeNull();
    const once = clockAfterEvent(eventInput(commented(T0 + DAY, agent), waiting(), 'waiting_for_customer'))!;
    expect(clockAfterEvent(eventInput(commented(T0 + DAY, agent), once, 'waiting_for_customer'))).toBeNull();
  });

  it('keeps the closed stage of an auto-closed request that a customer reopens (nothing to write)', () => {
    const closed = { waiting: 'no', waitingSince: null, lastActivityAt: T0, nextDueAt: null, stage: 'closed' } as const;
    expect(
      clockAfterEvent(eventInput(moved(T0 + 13 * DAY, customer), closed, 'in_progress', { fromStatus: 'closed' })),
    ).toBeNull();
  });
});

// ── stored value and screens ───────────────────────────────────────────────────────────────────────────────
describe('the stored value', () => {
  it('parses what the app wrote and refuses anything else', () => {
    expect(parseReminderState(waiting())).toEqual(waiting());
    expect(parseReminderState({ waiting: 'maybe' })).toBeNull();
    expect(parseReminderState(undefined)).toBeNull();
  });

  it('keeps the fields other engines store in the same property', () => {
    expect(propertyValue({ escalated: 'yes', stage: 4 }, waiting())).toEqual({ escalated: 'yes', ...waiting() });
  });

  it('gives the screens the next reminder and the close as ISO instants', () => {
    expect(reminderSchedule(waiting({ stage: 1 }), config(), T0 + 4 * DAY)).toEqual({
      nextReminderAt: new Date(T0 + 6 * DAY).toISOString(),
      autoCloseAt: new Date(T0 + 12 * DAY).toISOString(),
      reminderDue: false,
      autoCloseDue: false,
    });
    expect(reminderSchedule(waiting({ stage: 2 }), config(), T0 + 7 * DAY).nextReminderAt).toBeNull();
    const none = { nextReminderAt: null, autoCloseAt: null, reminderDue: false, autoCloseDue: false };
    expect(reminderSchedule({ ...waiting(), waiting: 'no' }, config(), T0 + 13 * DAY)).toEqual(none);
    expect(reminderSchedule(null, config(), T0)).toEqual(none);
  });

  it('says a reminder is due from its instant until the sweep sends it, and not before', () => {
    const reminder1 = new Date(T0 + 3 * DAY).toISOString();
    expect(reminderSchedule(waiting(), config(), T0 + 3 * DAY - 1)).toMatchObject({
      nextReminderAt: reminder1,
      reminderDue: false,
    });
    expect(reminderSchedule(waiting(), config(), T0 + 3 * DAY)).toMatchObject({
      nextReminderAt: reminder1,
      reminderDue: true,
      autoCloseDue: false,
    });
    // The sweep agrees: at that instant it sends reminder 1.
    expect(decideReminder(waiting(), config(), T0 + 3 * DAY).kind).toBe('reminder');
    // Once sent (stage 1), the next one is ahead again.
    expect(reminderSchedule(waiting({ stage: 1 }), config(), T0 + 3 * DAY + HOUR)).toMatchObject({
      nextReminderAt: new Date(T0 + 6 * DAY).toISOString(),
      reminderDue: false,
    });
  });

  it('says the close is due once its day has come, with no reminder before it (as the sweep closes without one)', () => {
    // Reminder 2 was never sent (the sweep missed its runs): the sweep closes without it.
    const late = reminderSchedule(waiting({ stage: 1 }), config(), T0 + 12 * DAY + 5 * 60_000);
    expect(late).toEqual({
      nextReminderAt: null,
      autoCloseAt: new Date(T0 + 12 * DAY).toISOString(),
      reminderDue: false,
      autoCloseDue: true,
    });
    expect(decideReminder(waiting({ stage: 1 }), config(), T0 + 12 * DAY + 5 * 60_000).kind).toBe('close');
    // With the auto-close rule off, a due reminder stays due; nothing closes.
    const noClose = config({ rules: { autoClose: false } });
    expect(reminderSchedule(waiting(), noClose, T0 + 20 * DAY)).toMatchObject({
      autoCloseAt: null,
      autoCloseDue: false,
      reminderDue: true,
    });
    // Closed by the sweep: nothing left to show.
    expect(reminderSchedule(waiting({ stage: 'closed' }), config(), T0 + 13 * DAY)).toMatchObject({
      nextReminderAt: null,
      autoCloseAt: null,
      autoCloseDue: false,
    });
  });
});

// ── properties ─────────────────────────────────────────────────────────────────────────────────────────────
describe('whatever the sweep times', () => {
  const sweepTimes = fc
    .array(fc.integer({ min: 0, max: 20 * DAY }), { maxLength: 40 })
    .map((ts) => [...ts].sort((a, b) => a - b));
  const configs = fc.record({ reminders: fc.boolean(), autoClose: fc.boolean() }).map((rules) => config({ rules }));

  /** Runs the sweeps one after the other, each acting on what the previous one recorded. */
  function run(times: number[], cfg: Config) {
    let state = startWaiting(T0, T0, cfg);
    const acted: { at: number; decision: ReturnType<typeof decideReminder> }[] = [];
    for (const t of times) {
      const decision = decideReminder(state, cfg, T0 + t);
      if (decision.kind !== 'none') acted.push({ at: T0 + t, decision });
      state = stateAfterDecision(state, decision, cfg);
    }
    return { acted, state };
  }

  it('decides each reminder at most once, in increasing order, never before it is due and never after the close', () => {
    fc.assert(
      fc.property(sweepTimes, configs, (times, cfg) => {
        const { acted } = run(times, cfg);
        const reminders = acted.flatMap((a) => (a.decision.kind === 'reminder' ? [a.decision.reminder] : []));
        expect(new Set(reminders).size).toBe(reminders.length);
        expect([...reminders].sort()).toEqual(reminders);
        const closeIndex = acted.findIndex((a) => a.decision.kind === 'close');
        if (closeIndex >= 0) expect(closeIndex).toBe(acted.length - 1);
        for (const a of acted) if (a.decision.kind !== 'none') expect(a.decision.dueAt).toBeLessThanOrEqual(a.at);
        if (!cfg.rules.reminders) expect(reminders).toEqual([]);
      }),
    );
  });

  it('closes exactly when a sweep ran at or after the close day (with auto-close on)', () => {
    fc.assert(
      fc.property(sweepTimes, configs, (times, cfg) => {
        const { state } = run(times, cfg);
        const closes = cfg.rules.autoClose && times.some((t) => t >= 12 * DAY);
        expect(state.stage === 'closed').toBe(closes);
      }),
    );
  });

  it('gives the same decisions to two sweeps that read the same state (so their action keys match)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: HOUR }), (t, skew) => {
        const a = decideReminder(waiting(), config(), T0 + t);
        const b = decideReminder(waiting(), config(), T0 + t + skew);
        if (a.kind !== 'none' && b.kind !== 'none') expect(a.occurrence).toBe(b.occurrence);
      }),
    );
  });
});
