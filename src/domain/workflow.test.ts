import {
  CANONICAL_STATUSES,
  STATUS_NAMES,
  isReopen,
  isSlaPause,
  isSlaStop,
  mapStatus,
  normalizeStatusName,
  statusResolver,
} from './workflow';

const none = { byId: {}, byName: {} };

describe('status mapping', () => {
  it.each([
    ['Soumise', 'submitted'],
    ['Waiting for support', 'submitted'],
    ['EN COURS', 'in_progress'],
    ['en attente du client', 'waiting_for_customer'],
    ['En attente d’un tiers', 'waiting_for_third_party'],
    ['En attente d un tiers', undefined],
    ['operation planifiee', 'scheduled_operation'],
    ['  Opération   Planifiée ', 'scheduled_operation'],
    ['RÉSOLU', 'resolved'],
    ['Resolved', 'resolved'],
    ['Fermee', 'closed'],
    ['Closed', 'closed'],
    ['Backlog', undefined],
  ])('maps the name %j to %j by default', (name, expected) => {
    expect(mapStatus({ id: '999', name }, none)).toBe(expected);
  });

  it('maps every French and English name of the design', () => {
    for (const key of CANONICAL_STATUSES) {
      expect(mapStatus({ name: STATUS_NAMES[key].fr }, none)).toBe(key);
      expect(mapStatus({ name: STATUS_NAMES[key].en }, none)).toBe(key);
    }
  });

  it('prefers the id over the name, so a renamed status still maps', () => {
    const resolve = statusResolver({ byId: { '10004': 'waiting_for_third_party' }, byName: {} });
    expect(resolve({ id: '10004', name: 'Chez Atlassian' })).toBe('waiting_for_third_party');
    expect(resolve({ id: '10004', name: 'En cours' })).toBe('waiting_for_third_party');
    expect(resolve({ id: '10005', name: 'En cours' })).toBe('in_progress');
  });

  it("uses the admin's names before the defaults, case- and accent-insensitive", () => {
    const resolve = statusResolver({ byId: {}, byName: { Planifiée: 'scheduled_operation', 'En cours': 'submitted' } });
    expect(resolve({ name: 'PLANIFIEE' })).toBe('scheduled_operation');
    expect(resolve({ name: 'en cours' })).toBe('submitted');
  });

  it('reports nothing for a status without id or name', () => {
    expect(mapStatus({}, none)).toBeUndefined();
    expect(mapStatus({ id: null, name: null }, none)).toBeUndefined();
  });

  it('normalizes names as people read them', () => {
    expect(normalizeStatusName('  EN ATTENTE d’un  Tiers ')).toBe("en attente d'un tiers");
  });

  it('gives the same name again, however many names came between (names are remembered, a bounded number)', () => {
    const names = Array.from({ length: 3_000 }, (_, i) => `Étape ${i}  À VÉRIFIER`);
    const first = names.map(normalizeStatusName);
    expect(first[7]).toBe('etape 7 a verifier');
    expect(names.map(normalizeStatusName)).toEqual(first);
    expect(normalizeStatusName('  EN ATTENTE d’un  Tiers ')).toBe("en attente d'un tiers");
  });
});

describe('moves that matter', () => {
  it('counts a move out of resolved or closed as a reopen, and nothing else', () => {
    expect(isReopen('closed', 'in_progress')).toBe(true);
    expect(isReopen('resolved', 'in_progress')).toBe(true);
    expect(isReopen('resolved', 'closed')).toBe(false);
    expect(isReopen('waiting_for_customer', 'in_progress')).toBe(false);
    expect(isReopen(undefined, 'in_progress')).toBe(false);
  });

  it('stops the SLA on scheduled operation, waiting for customer, resolved and closed', () => {
    expect(CANONICAL_STATUSES.filter(isSlaStop)).toEqual([
      'waiting_for_customer',
      'scheduled_operation',
      'resolved',
      'closed',
    ]);
  });

  it('pauses the SLA while waiting for the customer or a third party', () => {
    expect(CANONICAL_STATUSES.filter(isSlaPause)).toEqual(['waiting_for_customer', 'waiting_for_third_party']);
  });
});
