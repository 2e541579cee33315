import { configSchema } from './config';
import {
  alreadyEscalatedAnswer,
  escalationActions,
  escalationBar,
  escalationKey,
  escalationRecord,
  parseEscalationRecord,
} from './escalation';
import { cleanReason, MAX_REASON_LENGTH } from './escalation-reason';
import type { Action } from './actions';
import { CANONICAL_STATUSES, statusResolver } from './workflow';

const config = configSchema.parse({ escalation: { teamLeadAccountId: 'lead-1', offerManagerAccountId: 'mgr-1' } });
const snapshot = {
  issueKey: 'SUP-9',
  summary: 'Jira down',
  portalUrl: 'https://site.example/portal/SUP-9',
  reporter: { accountId: 'cust-1' },
  participants: [{ accountId: 'cust-2' }],
};
const record = escalationRecord({
  by: 'cust-1',
  byName: 'Carol Client',
  nowMs: Date.UTC(2026, 10, 28, 9, 0),
  reason: 'Too slow',
});

describe('escalationBar', () => {
  it('bars a resolved or closed request, for anyone, and nothing else', () => {
    expect(escalationBar('resolved')).toBe('request_done');
    expect(escalationBar('closed')).toBe('request_done');
    const open = CANONICAL_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    for (const status of open) expect(escalationBar(status)).toBeNull();
  });

  it('leaves a status the mapping does not know open to escalation', () => {
    expect(escalationBar(undefined)).toBeNull();
    expect(escalationBar(null)).toBeNull();
  });

  it('follows the configured status mapping: a site status mapped to closed is finished', () => {
    const mapped = configSchema.parse({ statusMapping: { byName: { Archivée: 'closed' } } });
    const canonical = statusResolver(mapped.statusMapping)({ id: '99999', name: 'Archivée' });
    expect(escalationBar(canonical)).toBe('request_done');
    expect(escalationBar(statusResolver(config.statusMapping)({ id: '99999', name: 'Archivée' }))).toBeNull();
  });
});

describe('the record', () => {
  it('says who, when and why, and reads back', () => {
    expect(record).toEqual({
      by: 'cust-1',
      byName: 'Carol Client',
      at: '2026-11-28T09:00:00.000Z',
      reason: 'Too slow',
    });
    expect(parseEscalationRecord(record)).toEqual(record);
    expect(parseEscalationRecord({ by: 'x' })).toBeNull();
    expect(parseEscalationRecord(undefined)).toBeNull();
  });

  it('needs a reason of reasonable length', () => {
    expect(cleanReason('  Too slow \n')).toBe('Too slow');
    expect(cleanReason('   ')).toBeNull();
    expect(cleanReason(42)).toBeNull();
    expect(cleanReason('x'.repeat(MAX_REASON_LENGTH + 1))).toBeNull();
  });

  it('answers a repeat with the date of the first escalation, in the caller language', () => {
    expect(alreadyEscalatedAnswer(record, 'fr', config)).toBe(
      'Cette demande a déjà été escaladée le 28 novembre 2026 à 10:00 par Carol Client\u00a0: les responsables du support ont alors été prévenus.',
    );
    expect(alreadyEscalatedAnswer(record, 'en', config)).toMatch(
      /^This request was already escalated on 28 November 2026 at 10:00 by Carol Client/,
    );
  });
});

describe('escalationActions', () => {
  const notifyTo = (actions: Action[]) =>
    actions.flatMap((a) => (a.type === 'notify' ? [[a.key, a.to, a.subject]] : []));

  it('records once under the request key, notes internally, then notifies lead and manager in their languages', () => {
    const actions = escalationActions({
      snapshot,
      record,
      config,
      lead: { accountId: 'lead-1', locale: 'en_US' },
      manager: { accountId: 'mgr-1', locale: 'fr_FR' },
    });
    expect(actions[0]).toEqual({
      type: 'setProperty',
      key: 'SUP-9:escalation',
      issueKey: 'SUP-9',
      propertyKey: 'supportRulesEscalation',
      value: record,
    });
    expect(actions[1]).toMatchObject({ type: 'comment', key: 'SUP-9:escalation:note', internal: true });
    expect(notifyTo(actions)).toEqual([
      ['SUP-9:escalation:notify:lead-1', { accountIds: ['lead-1'] }, '[SUP-9] Escalated: Jira down'],
      ['SUP-9:escalation:notify:mgr-1', { accountIds: ['mgr-1'] }, '[SUP-9] Demande escaladée\u00a0: Jira down'],
    ]);
  });

  it('notifies one person once when they hold both roles, and nobody unset', () => {
    const same = { accountId: 'lead-1', locale: 'en_US' };
    expect(notifyTo(escalationActions({ snapshot, record, config, lead: same, manager: same }))).toHaveLength(1);
    expect(escalationActions({ snapshot, record, config, lead: null, manager: null }).map((a) => a.type)).toEqual([
      'setProperty',
      'comment',
    ]);
  });

  it('keys every action on the request, so a second escalation repeats the same keys', () => {
    const later = escalationRecord({ by: 'cust-2', byName: 'Paul', nowMs: Date.UTC(2026, 11, 1), reason: 'Again' });
    const keys = (r: typeof record) =>
      escalationActions({
        snapshot,
        record: r,
        config,
        lead: { accountId: 'lead-1' },
        manager: { accountId: 'mgr-1' },
      }).map((a) => a.key);
    expect(keys(later)).toEqual(keys(record));
    expect(keys(record)[0]).toBe(escalationKey('SUP-9'));
  });
});
