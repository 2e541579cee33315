// The panel's SLA lines from the engine's real results (through the resolver's view), in both languages.
import { defaultConfig } from '../../../src/domain/config';
import type { SlaInput } from '../../../src/domain/sla';
import { STATUS_NAMES } from '../../../src/domain/workflow';
import { slaView } from '../../../src/entry/resolvers/views';
import { strings } from '../../common/src/i18n';
import { at, slaOfFridayRequest } from '../../../test/support/sla-fixtures';
import { breachLine, remainingLabel, rowTime } from './sla-lines';

/** Created Friday 8 March 2024 at 14:00 in Paris, 4-hour goal in business hours (Mon–Fri 09:00–18:00). */
const CREATED = at('2024-03-08T14:00:00+01:00');
const view = (over: Partial<SlaInput>) => {
  const nowMs = over.nowMs ?? at('2024-03-08T15:00:00+01:00');
  const result = slaOfFridayRequest(nowMs)({ createdMs: CREATED, ...over });
  return slaView({ source: 'live', measuredAt: null, result }, defaultConfig(), nowMs);
};
const iso = (s: string) => s;
const en = strings('en');
const fr = strings('fr');

it('projects the breach of a running SLA, with what remains', () => {
  const sla = view({});
  expect(breachLine(sla, en, 'en', iso)).toBe('Breach expected at 2024-03-08T17:00:00.000Z');
  expect(remainingLabel(sla, fr, false)).toBe('Restant');
});

it('says the time was used up, at the instant it was, when the goal is reached exactly outside hours', () => {
  const sla = view({ nowMs: at('2024-03-08T20:00:00+01:00') });
  expect(breachLine(sla, fr, 'fr', iso)).toBe('Délai épuisé le 2024-03-08T17:00:00.000Z');
  expect(breachLine(view({ nowMs: at('2024-03-11T09:30:00+01:00') }), en, 'en', iso)).toBe(
    'Breached at 2024-03-08T17:00:00.000Z',
  );
});

it('gives the stop and the margin kept once the SLA stopped, and no projection while paused before the goal', () => {
  const move = (to: 'waiting_for_customer' | 'waiting_for_third_party') => [
    { at: at('2024-03-08T15:00:00+01:00'), from: { name: 'Soumise' }, to: { name: STATUS_NAMES[to].fr } },
  ];
  const stopped = view({ changes: move('waiting_for_customer'), nowMs: at('2024-03-08T16:00:00+01:00') });
  expect(breachLine(stopped, fr, 'fr', iso)).toBe('Arrêté (En attente du client) le 2024-03-08T14:00:00.000Z');
  expect(remainingLabel(stopped, fr, false)).toBe('Marge');
  expect(remainingLabel(stopped, en, true)).toBe('Overdue by');
  expect(
    breachLine(
      view({ changes: move('waiting_for_third_party'), nowMs: at('2024-03-08T16:00:00+01:00') }),
      en,
      'en',
      iso,
    ),
  ).toBe('No breach expected while paused');
});

it("gives the compact row's figure: what is left, how late, or the time taken, with French spacing", () => {
  expect(rowTime(view({}), en)).toBe('3 h 00 min left');
  expect(rowTime(view({}), fr)).toBe('reste 3\u00a0h 00\u00a0min');
  // Monday 11:00: Friday's four working hours use the goal up, Monday's two are late.
  const late = view({ nowMs: at('2024-03-11T11:00:00+01:00') });
  expect(rowTime(late, en)).toBe('2 h 00 min late');
  expect(rowTime(late, fr)).toBe('2\u00a0h 00\u00a0min de retard');
  const stopped = view({
    changes: [{ at: at('2024-03-08T15:00:00+01:00'), from: { name: 'Soumise' }, to: { name: 'En attente du client' } }],
    nowMs: at('2024-03-08T16:00:00+01:00'),
  });
  expect(stopped.state).toBe('stopped');
  expect(rowTime(stopped, en)).toBe('1 h 00 min');
});
