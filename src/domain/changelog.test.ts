import { parseJiraInstant, statusChangesFromChangelog, type JiraChangelogHistory } from './changelog';

const entry = (
  id: string,
  created: string,
  ...moves: Array<[string, string, string, string]>
): JiraChangelogHistory => ({
  id,
  created,
  items: moves.map(([from, fromString, to, toString]) => ({
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from,
    fromString,
    to,
    toString,
  })),
});

describe('parseJiraInstant', () => {
  it('reads the offsets Jira writes', () => {
    expect(parseJiraInstant('2024-03-01T09:00:00.000+0100')).toBe(Date.parse('2024-03-01T08:00:00Z'));
    expect(parseJiraInstant('2024-03-01T09:00:00.000-05:30')).toBe(Date.parse('2024-03-01T14:30:00Z'));
    expect(parseJiraInstant('2024-03-01T08:00:00Z')).toBe(Date.parse('2024-03-01T08:00:00Z'));
    expect(parseJiraInstant('2024-02-29T08:00:00Z')).toBe(Date.parse('2024-02-29T08:00:00Z'));
  });

  it('refuses what is not an instant', () => {
    for (const value of [
      '2024-03-01T09:00:00',
      'yesterday',
      '',
      42,
      null,
      undefined,
      '2024-13-45T09:00:00Z',
      '2026-02-30T09:00:00Z',
      '2026-04-31T09:00:00.000+0200',
      '2026-02-29T09:00:00Z',
      '2024-03-01T24:30:00Z',
    ])
      expect(parseJiraInstant(value)).toBeUndefined();
  });
});

describe('statusChangesFromChangelog', () => {
  it('keeps only status items, oldest first, whatever the order of the entries', () => {
    const changes = statusChangesFromChangelog([
      entry('12', '2024-03-01T11:00:00.000+0100', ['3', 'En cours', '5', 'Résolu']),
      {
        id: '11',
        created: '2024-03-01T10:30:00.000+0100',
        items: [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, to: 'abc' }],
      },
      entry('10', '2024-03-01T10:00:00.000+0100', ['1', 'Soumise', '3', 'En cours']),
    ]);
    expect(changes).toEqual([
      {
        at: Date.parse('2024-03-01T09:00:00Z'),
        from: { id: '1', name: 'Soumise' },
        to: { id: '3', name: 'En cours' },
        historyId: '10',
      },
      {
        at: Date.parse('2024-03-01T10:00:00Z'),
        from: { id: '3', name: 'En cours' },
        to: { id: '5', name: 'Résolu' },
        historyId: '12',
      },
    ]);
  });

  it('chains entries sharing a timestamp from status to status, even against their ids', () => {
    const t = '2024-03-01T10:00:00.000+0100';
    const changes = statusChangesFromChangelog([
      entry('21', t, ['3', 'En cours', '5', 'Résolu']),
      entry('20', t, ['5', 'Résolu', '6', 'Fermée']),
      entry('19', '2024-03-01T09:00:00.000+0100', ['1', 'Soumise', '3', 'En cours']),
    ]);
    expect(changes.map((c) => c.to.name)).toEqual(['En cours', 'Résolu', 'Fermée']);
  });

  it('keeps several status items of one entry in their order', () => {
    const changes = statusChangesFromChangelog([
      entry(
        '30',
        '2024-03-01T10:00:00.000+0100',
        ['1', 'Soumise', '3', 'En cours'],
        ['3', 'En cours', '4', "En attente d'un tiers"],
      ),
    ]);
    expect(changes.map((c) => [c.from?.name, c.to.name])).toEqual([
      ['Soumise', 'En cours'],
      ['En cours', "En attente d'un tiers"],
    ]);
  });

  it('recognises a status item by its field name when fieldId is absent, and never reads Object.prototype.toString', () => {
    const changes = statusChangesFromChangelog([
      { id: '40', created: '2024-03-01T10:00:00.000+0100', items: [{ field: 'status', to: '3' }] },
    ]);
    expect(changes).toEqual([
      { at: Date.parse('2024-03-01T09:00:00Z'), from: null, to: { id: '3', name: null }, historyId: '40' },
    ]);
  });

  it('says which entry has no usable date', () => {
    expect(() => statusChangesFromChangelog([entry('50', 'not a date', ['1', 'Soumise', '3', 'En cours'])])).toThrow(
      /entry 50/,
    );
  });

  it('gives nothing for an empty changelog', () => {
    expect(statusChangesFromChangelog([])).toEqual([]);
  });
});
