import { formatInstant, formatLongInstant } from './dates';

const AT = Date.UTC(2026, 10, 28, 9, 30);

describe('formatInstant', () => {
  it('shows the instant in the desk time zone, across daylight saving', () => {
    expect(formatInstant(AT, 'fr', 'Europe/Paris')).toBe('28 novembre 2026 à 10:30');
    expect(formatInstant(Date.UTC(2026, 6, 1, 9, 30), 'en', 'Europe/Paris')).toBe('1 July 2026 at 11:30');
  });
});

describe('formatLongInstant', () => {
  it('names the weekday and the zone', () => {
    expect(formatLongInstant(Date.UTC(2026, 11, 1, 8), 'fr', 'Europe/Paris')).toMatch(/^mardi 1 décembre 2026.*09:00/);
    expect(formatLongInstant(Date.UTC(2026, 11, 1, 8), 'en', 'America/New_York')).toMatch(
      /Tuesday.*1 December 2026.*03:00/,
    );
  });
});
