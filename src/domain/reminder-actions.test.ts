import { textFromAdf } from './adf';
import { configSchema } from './config';
import { clockWriteAction, dueActions, type DueRequest } from './reminder-actions';
import { notWaiting, startWaiting, stateAfterDecision } from './reminders';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;
const config = configSchema.parse({ reminders: { autoCloseResolution: 'Fermeture auto' } });
const request: DueRequest = {
  ref: { issueKey: 'SUP-7', summary: 'VPN down', portalUrl: 'https://site.example/portal/1/SUP-7' },
  reporterId: 'cust-1',
  lang: 'fr',
  awaited: 'Pouvez-vous envoyer les journaux ?',
  storedClock: { escalated: 'yes' },
};
const waiting = startWaiting(T0, T0, config);

describe('dueActions', () => {
  it('a reminder: the comment quoting what is awaited, the email, the clock; keys name the count and the reminder', () => {
    const decision = {
      kind: 'reminder' as const,
      reminder: 1,
      dueAt: T0 + 3 * DAY,
      closesAt: T0 + 12 * DAY,
      occurrence: T0,
    };
    const actions = dueActions(request, decision, stateAfterDecision(waiting, decision, config), config);
    expect(actions.map((a) => [a.type, a.key])).toEqual([
      ['comment', `SUP-7:reminder:${T0}:1:comment`],
      ['notify', `SUP-7:reminder:${T0}:1:notify`],
      ['setProperty', `SUP-7:reminder:${T0}:1:clock`],
    ]);
    expect(textFromAdf(actions[0]!.type === 'comment' ? actions[0]!.body : null, 'fr')).toContain(
      '> Pouvez-vous envoyer les journaux ?',
    );
    expect(actions[1]).toMatchObject({ to: { accountIds: ['cust-1'] }, subject: '[SUP-7] Relance\u00a0: VPN down' });
    expect(actions[2]).toMatchObject({ propertyKey: 'supportRulesState', value: { escalated: 'yes', stage: 1 } });
  });

  it('a close: the move first, which the comment and the email require', () => {
    const decision = { kind: 'close' as const, dueAt: T0 + 12 * DAY, occurrence: T0 };
    const actions = dueActions(request, decision, stateAfterDecision(waiting, decision, config), config);
    const move = `SUP-7:autoclose:${T0}:transition`;
    expect(actions.map((a) => [a.type, a.key, a.requires])).toEqual([
      ['transition', move, undefined],
      ['comment', `SUP-7:autoclose:${T0}:comment`, move],
      ['notify', `SUP-7:autoclose:${T0}:notify`, move],
      ['setProperty', `SUP-7:autoclose:${T0}:clock`, undefined],
    ]);
    expect(actions[0]).toMatchObject({ toStatus: 'closed', resolution: 'Fermeture auto' });
  });

  it('no email when the request has no reporter', () => {
    const decision = { kind: 'close' as const, dueAt: T0 + 12 * DAY, occurrence: T0 };
    const actions = dueActions({ ...request, reporterId: undefined }, decision, notWaiting(T0), config);
    expect(actions.map((a) => a.type)).toEqual(['transition', 'comment', 'setProperty']);
  });
});

describe('clockWriteAction', () => {
  it('is keyed by the clock it writes, over what is stored', () => {
    const action = clockWriteAction('SUP-7', { escalated: 'yes' }, notWaiting(5));
    expect(action).toMatchObject({
      key: 'SUP-7:clock:sweep:no:0:5:0:0',
      propertyKey: 'supportRulesState',
      value: { escalated: 'yes', waiting: 'no', lastActivityAt: 5 },
    });
  });
});
