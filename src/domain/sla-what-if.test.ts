import { at, config, H, move, MONDAY_10H, slaOfFridayRequest } from '../../test/support/sla-fixtures';
import { configSchema } from './config';
import { slaRecordOf } from './sla-record';
import { slaSettingsDiffer } from './sla-fingerprint';
import { addToTally, currentSla, emptyTally, outcomeChange, WHAT_IF_EXAMPLES } from './sla-what-if';

const allDay = configSchema.parse({ coverage: { default: '24x7' } });
const sla = slaOfFridayRequest(MONDAY_10H);

describe('what a change of settings does to an outcome', () => {
  // Answered on Monday at 10:30: met in business hours (3 h 30), breached around the clock (66 h 30).
  const answered = [move(at('2026-03-09T10:30:00+01:00'), 'submitted', 'waiting_for_customer')];

  it('a stopped SLA met in business hours would be breached in 24/7, from its record', () => {
    const later = at('2026-03-09T12:00:00+01:00');
    const record = slaRecordOf(sla({ changes: answered, nowMs: later }), config, {
      nowMs: at('2026-03-09T10:30:00+01:00'),
      handled: { warning: false, breach: false },
    });
    const current = currentSla(sla({ changes: answered, nowMs: later }, allDay), record);
    expect(current).toEqual({ state: 'stopped', breached: false, elapsedMs: 3.5 * H, goalMs: 4 * H });
    expect(outcomeChange(current, sla({ changes: answered, coverage: '24x7', nowMs: later }, allDay))).toBe(
      'met_to_breached',
    );
  });

  it('a running SLA would be late now, or no longer', () => {
    const running = sla({});
    expect(outcomeChange(currentSla(running, null), sla({ coverage: '24x7' }, allDay))).toBe('now_breached');
    const late = sla({ coverage: '24x7' }, allDay);
    expect(outcomeChange(currentSla(late, null), running)).toBe('no_longer_breached');
    expect(outcomeChange(currentSla(running, null), running)).toBeNull();
  });

  it('counts each change and keeps a few examples', () => {
    const tally = emptyTally();
    for (let i = 0; i < 8; i++)
      addToTally(tally, `SUP-${i}`, currentSla(sla({}), null), sla({ coverage: '24x7' }, allDay));
    addToTally(tally, 'SUP-99', currentSla(sla({}), null), sla({}));
    expect(tally.scanned).toBe(9);
    expect(tally.changes).toEqual({ met_to_breached: 0, breached_to_met: 0, now_breached: 8, no_longer_breached: 0 });
    expect(tally.examples).toHaveLength(WHAT_IF_EXAMPLES);
    expect(tally.examples[0]).toEqual({
      issueKey: 'SUP-0',
      change: 'now_breached',
      elapsedMs: 3 * H,
      newElapsedMs: 66 * H,
      goalMs: 4 * H,
      newGoalMs: 4 * H,
    });
  });

  it('only the settings that measure an SLA make a difference', () => {
    expect(slaSettingsDiffer(config, allDay)).toBe(true);
    expect(slaSettingsDiffer(config, configSchema.parse({ reminders: { autoCloseDays: 14 } }))).toBe(false);
    expect(slaSettingsDiffer(config, configSchema.parse({ responseGoals: { byPriority: { High: 60 } } }))).toBe(true);
  });
});
