import fc from 'fast-check';
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

  /** The general reading (a regular expression, then Date.parse), which the direct reading of Jira's form must match. */
  const JIRA_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;
  function generalReading(value: string): number | undefined {
    const match = JIRA_INSTANT.exec(value.trim());
    if (!match) return undefined;
    const offset = match[2] === 'Z' ? 'Z' : `${match[2]!.slice(0, 3)}:${match[2]!.slice(-2)}`;
    const [year, month, day] = match[1]!.slice(0, 10).split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
      return undefined;
    const ms = Date.parse(`${match[1]}${offset}`);
    return Number.isNaN(ms) ? undefined : ms;
  }

  it('reads every timestamp as Date.parse does, including out-of-range fields and offsets', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const stamp = fc
      .record({
        year: fc.integer({ min: 1900, max: 2300 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.integer({ min: 0, max: 61 }),
        milli: fc.integer({ min: 0, max: 999 }),
        offset: fc.oneof(
          fc.constant('Z'),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              fc.integer({ min: 0, max: 25 }),
              fc.integer({ min: 0, max: 61 }),
              fc.boolean(),
            )
            .map(([sign, h, m, colon]) => `${sign}${two(h)}${colon ? ':' : ''}${two(m)}`),
        ),
      })
      .map(
        (t) =>
          `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}.${String(t.milli).padStart(3, '0')}${t.offset}`,
      );
    // Also the same with one character changed, so near-misses of Jira's form go the general way.
    const mutated = fc
      .tuple(stamp, fc.nat(), fc.constantFrom(' ', '0', '9', ':', '-', '+', 'Z', '.', 'T', 'x', '\u0660'))
      .map(([text, at, c]) => `${text.slice(0, at % text.length)}${c}${text.slice((at % text.length) + 1)}`);
    fc.assert(
      fc.property(fc.oneof(stamp, mutated, fc.string()), (text) => {
        expect(parseJiraInstant(text)).toBe(generalReading(text));
      }),
      { numRuns: 20_000 },
    );
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
