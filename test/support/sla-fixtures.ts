/**
 * The SLA examples the domain's tests share: the issue's Friday request (created Friday 6 March 2026 at 16:00 in
 * Paris, in "Soumise", a 4-hour goal in business hours 09:00-18:00: it warns on Monday at 10:00 and breaches at
 * 11:00), its status moves, and an SLA record as the triggers write it.
 */
import type { StatusChange } from '../../src/domain/changelog';
import { defaultConfig, type Config } from '../../src/domain/config';
import { computeResponseSla, type SlaInput, type SlaResult } from '../../src/domain/sla';
import type { SlaRecord } from '../../src/domain/sla-record';
import { STATUS_NAMES, type CanonicalStatus } from '../../src/domain/workflow';

export const H = 3_600_000;
/** An ISO instant as epoch milliseconds (a typo in a test fails it, rather than giving NaN). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

/** Friday 6 March 2026, 16:00 in Paris: the request's creation. */
export const FRIDAY_16H = at('2026-03-06T16:00:00+01:00');
export const MONDAY_10H = at('2026-03-09T10:00:00+01:00');
export const MONDAY_11H = at('2026-03-09T11:00:00+01:00');

/** The default configuration (business hours 09:00-18:00 Europe/Paris, French holidays, at risk at 75 %). */
export const config: Config = defaultConfig();

/** A move of the request between two statuses (by their French names, as the site's workflow has them). */
export const move = (ms: number, from: CanonicalStatus, to: CanonicalStatus): StatusChange => ({
  at: ms,
  from: { name: STATUS_NAMES[from].fr },
  to: { name: STATUS_NAMES[to].fr },
});

/**
 * The SLA of the Friday request (SUP-1) as of `nowMs` unless `over` says otherwise, under `cfg`.
 * @example slaOfFridayRequest(MONDAY_10H)().state //=> 'running'
 */
export const slaOfFridayRequest =
  (nowMs: number) =>
  (over: Partial<SlaInput> = {}, cfg: Config = config): SlaResult =>
    computeResponseSla(
      {
        issueKey: 'SUP-1',
        createdMs: FRIDAY_16H,
        initialStatus: { name: 'Soumise' },
        changes: [],
        coverage: 'business_hours',
        goalMs: 4 * H,
        nowMs,
        ...over,
      },
      cfg,
    );

/**
 * An SLA record: running in business hours with a 4-hour goal, created Monday 9 March 2026 at 09:00 in Paris
 * (warning at 12:00, breach at 13:00), nothing elapsed; `over` changes any of it.
 */
export const slaRecord = (over: Partial<SlaRecord> = {}): SlaRecord => ({
  version: 1,
  state: 'running',
  breached: 'no',
  risk: 'on_track',
  coverage: 'business_hours',
  goalMs: 4 * H,
  startedAt: '2026-03-09T08:00:00Z',
  stoppedAt: null,
  stopStatus: null,
  lastChangeAt: at('2026-03-09T09:00:00+01:00'),
  elapsedMs: 0,
  breachAt: '2026-03-09T12:00:00Z',
  warnAt: '2026-03-09T11:00:00Z',
  nextCheckAt: null,
  measuredAt: at('2026-03-09T09:00:00+01:00'),
  measuredWith: 'x',
  ...over,
});
