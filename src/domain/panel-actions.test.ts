import { textFromAdf } from './adf';
import { configSchema } from './config';
import {
  checkScheduledOperation,
  checkThirdParty,
  consultingActions,
  scheduledOperationActions,
  thirdPartyActions,
  type PanelContext,
} from './panel-actions';

describe('checkThirdParty', () => {
  it('keeps a known kind and trims the optional texts', () => {
    expect(checkThirdParty({ kind: 'addon_vendor', name: '  Tempo  ', reference: ' SUP 42 ' }, 'en')).toEqual({
      ok: true,
      value: { kind: 'addon_vendor', name: 'Tempo', reference: 'SUP 42' },
    });
  });
  it('drops empty optional texts', () => {
    expect(checkThirdParty({ kind: 'hosting', name: '   ' }, 'en')).toEqual({ ok: true, value: { kind: 'hosting' } });
  });
  it('refuses an unknown kind, in the asked language', () => {
    const check = checkThirdParty({ kind: 'plumber' }, 'fr');
    expect(check).toMatchObject({ ok: false, field: 'kind' });
    expect(!check.ok && check.message).toContain('hébergeur');
  });
});

describe('checkScheduledOperation', () => {
  const NOW = Date.parse('2026-11-30T12:00:00Z');
  it('normalises the instant to ISO UTC', () => {
    expect(checkScheduledOperation({ at: '2026-12-01T09:00:00+01:00', who: 'Ops team' }, 'en', NOW)).toEqual({
      ok: true,
      value: { at: '2026-12-01T08:00:00.000Z', who: 'Ops team' },
    });
  });
  it('asks for an instant, then for who', () => {
    expect(checkScheduledOperation({ at: 'tomorrow', who: 'Ops' }, 'en', NOW)).toMatchObject({
      ok: false,
      field: 'at',
    });
    expect(checkScheduledOperation({ at: '2026-12-01T08:00:00Z', who: ' ' }, 'en', NOW)).toMatchObject({
      ok: false,
      field: 'who',
    });
  });
  it('refuses an instant that has passed, or is now: an operation is planned ahead', () => {
    for (const at of ['2026-11-30T11:59:00Z', '2026-11-30T12:00:00Z', '2025-01-01T08:00:00Z'])
      expect(checkScheduledOperation({ at, who: 'Ops' }, 'fr', NOW)).toEqual({
        ok: false,
        field: 'at',
        message: 'Cette date est passée\u00a0: une opération se planifie à une date et une heure à venir.',
      });
    expect(checkScheduledOperation({ at: '2026-11-30T12:01:00Z', who: 'Ops' }, 'en', NOW).ok).toBe(true);
  });
});

const ctx: PanelContext = {
  issueKey: 'SUP-4',
  occurrence: '10077',
  status: 'in_progress',
  customerLang: 'fr',
  storedDetails: { scheduledOperation: { at: '2026-12-01T08:00:00.000Z', who: 'Ops' } },
  config: configSchema.parse({ consultingResolution: 'Conseil' }),
};

describe('the actions of each panel action', () => {
  it('close as Consulting: the comment in the customer language, then the move with the resolution, as the agent', () => {
    const actions = consultingActions(ctx);
    expect(actions.map((a) => [a.type, a.key])).toEqual([
      ['comment', 'SUP-4:panel-consulting:10077:comment'],
      ['transition', 'SUP-4:panel-consulting:10077:transition'],
    ]);
    expect(actions[0]).toMatchObject({ internal: false, as: 'user' });
    expect(textFromAdf(actions[0]!.type === 'comment' ? actions[0]!.body : null, 'fr')).toContain(
      '«\u00a0Consulting\u00a0»',
    );
    expect(actions[1]).toMatchObject({ toStatus: 'closed', resolution: 'Conseil', as: 'user' });
  });

  it('a third party: the details merged with those stored, the comment, the move', () => {
    const actions = thirdPartyActions(ctx, { kind: 'hosting', name: 'OVH' });
    expect(actions.map((a) => a.type)).toEqual(['setProperty', 'comment', 'transition']);
    expect(actions[0]).toMatchObject({
      propertyKey: 'supportRulesDetails',
      value: { thirdParty: { kind: 'hosting', name: 'OVH' }, scheduledOperation: { who: 'Ops' } },
    });
    expect(actions[2]).toMatchObject({ toStatus: 'waiting_for_third_party' });
  });

  it('no move when the request is already there, and the same keys for the same request history', () => {
    const there = { ...ctx, status: 'scheduled_operation' as const };
    const op = { at: '2026-12-02T08:00:00.000Z', who: 'Alice' };
    expect(scheduledOperationActions(there, op).map((a) => a.type)).toEqual(['setProperty', 'comment']);
    expect(scheduledOperationActions(there, op).map((a) => a.key)).toEqual(
      scheduledOperationActions(there, op).map((a) => a.key),
    );
    const later = { ...there, occurrence: '10078' };
    expect(scheduledOperationActions(later, op)[0]!.key).not.toBe(scheduledOperationActions(there, op)[0]!.key);
  });
});
