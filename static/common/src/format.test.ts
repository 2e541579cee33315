import { formatDay, formatDuration, formatInstant, intlLocale, slaFigures, timelineBar } from './format';

describe('intlLocale', () => {
  it('turns Jira locales into BCP 47 tags, when of the screen language', () => {
    expect(intlLocale('fr_FR', 'fr')).toBe('fr-FR');
    expect(intlLocale('fr_CA', 'fr')).toBe('fr-CA');
    expect(intlLocale('en-US', 'en')).toBe('en-US');
  });
  it("takes the language's own otherwise", () => {
    expect(intlLocale(null, 'en')).toBe('en-GB');
    expect(intlLocale('de_DE', 'fr')).toBe('fr-FR');
    expect(intlLocale('fr_not a tag', 'fr')).toBe('fr-FR');
  });
});

describe('formatDuration', () => {
  it('writes hours and zero-padded minutes, never days', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(59_999)).toBe('0 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(4 * 3600_000)).toBe('4 h 00 min');
    expect(formatDuration(27 * 3600_000 + 5 * 60_000)).toBe('27 h 05 min');
  });
  it('marks an overrun', () => {
    expect(formatDuration(-90 * 60_000)).toBe('−1 h 30 min');
  });
});

describe('slaFigures', () => {
  const goal = 240 * 60_000;
  it('shows figures that add up to the goal, whatever the seconds', () => {
    expect(slaFigures(60 * 60_000 + 5_000, goal)).toEqual({
      elapsed: '1 h 00 min',
      remaining: '3 h 00 min',
      overdue: null,
    });
    expect(slaFigures(61 * 60_000 + 59_000, goal)).toEqual({
      elapsed: '1 h 01 min',
      remaining: '2 h 59 min',
      overdue: null,
    });
    expect(slaFigures(goal, goal)).toEqual({ elapsed: '4 h 00 min', remaining: '0 min', overdue: null });
  });
  it('tells how much past the goal', () => {
    expect(slaFigures(goal + 90 * 60_000 + 10_000, goal)).toEqual({
      elapsed: '5 h 30 min',
      remaining: null,
      overdue: '1 h 30 min',
    });
  });
});

describe('formatInstant / formatDay', () => {
  const iso = '2026-11-28T09:00:00Z';
  it('writes the same instant in the user’s zone', () => {
    expect(formatInstant(iso, 'fr-FR', 'Europe/Paris')).toMatch(/28 nov\. 2026.*10:00/);
    expect(formatInstant(iso, 'en-US', 'America/New_York')).toMatch(/Nov 28, 2026.*04:00/);
  });
  it('takes the zone into account around midnight', () => {
    expect(formatDay('2026-12-10T23:30:00Z', 'en-GB', 'Europe/Paris')).toBe('Friday, 11 December 2026');
    expect(formatDay('2026-12-10T23:30:00Z', 'en-GB', 'UTC')).toBe('Thursday, 10 December 2026');
  });
});

describe('timelineBar', () => {
  it('lays periods out in proportion', () => {
    const bar = timelineBar(
      [
        { from: '2026-01-01T00:00:00Z', to: '2026-01-01T03:00:00Z', kind: 'running', statusName: 'Submitted' },
        { from: '2026-01-01T03:00:00Z', to: null, kind: 'paused', statusName: 'Waiting for third party' },
      ],
      '2026-01-01T04:00:00Z',
    );
    expect(bar.map((s) => [s.kind, s.left, s.width])).toEqual([
      ['running', 0, 75],
      ['paused', 75, 25],
    ]);
    expect(bar[1]!.to).toBe('2026-01-01T04:00:00Z');
  });
  it('is empty without periods', () => {
    expect(timelineBar([], '2026-01-01T00:00:00Z')).toEqual([]);
  });
});
