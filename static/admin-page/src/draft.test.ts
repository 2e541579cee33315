import { draftLens, errorsAt, parseList, setIn, withoutKey } from './draft';

describe('setIn', () => {
  it('copies along the path and leaves the original alone', () => {
    const original = { a: { b: 1, list: [1, 2] }, c: 3 };
    const next = setIn(original, ['a', 'list', 1], 9);
    expect(next).toEqual({ a: { b: 1, list: [1, 9] }, c: 3 });
    expect(original.a.list).toEqual([1, 2]);
    expect(next.c).toBe(3);
  });
  it('creates missing objects', () => {
    expect(setIn({} as Record<string, unknown>, ['x', 'y'], 'z')).toEqual({ x: { y: 'z' } });
  });
});

describe('withoutKey', () => {
  it('drops one key', () => {
    expect(withoutKey({ a: 1, b: 2 }, 'a')).toEqual({ b: 2 });
  });
});

describe('errorsAt', () => {
  const errors = [
    { path: 'calendars.businessHours.timeZone', message: 'tz' },
    { path: 'calendars.businessHours.weeklyHours.monday.0.start', message: 'start' },
    { path: 'calendars.businessHours.weeklyHours.monday.1', message: 'overlap' },
    { path: 'calendars.businessHours.timeZoneX', message: 'other' },
  ];
  it('finds the errors at a path and below it, not at a sibling sharing its prefix', () => {
    expect(errorsAt(errors, 'calendars.businessHours.timeZone')).toEqual(['tz']);
    expect(errorsAt(errors, 'calendars.businessHours.weeklyHours.monday.0')).toEqual(['start']);
    expect(errorsAt(errors, 'calendars.businessHours.weeklyHours.monday')).toEqual(['start', 'overlap']);
  });
});

describe('parseList', () => {
  it('keeps what is not a number as typed', () => {
    expect(parseList('3, 6,, x ', true)).toEqual([3, 6, 'x']);
    expect(parseList('2026-12-24, 2026-12-31', false)).toEqual(['2026-12-24', '2026-12-31']);
    expect(parseList('', true)).toEqual([]);
  });
});

describe('draftLens', () => {
  const draft = {
    calendars: { weeklyHours: { monday: [{ start: '09:00', end: '18:00' }] } },
    rules: { reminders: true },
  };
  const errors = [{ path: 'calendars.weeklyHours.monday.0.end', message: 'too late' }];

  it('writes one place and hands over a new draft', () => {
    let next: typeof draft | null = null;
    const lens = draftLens(draft, errors, (d) => (next = d));
    lens.at('calendars').at('weeklyHours').at('monday').at(0).at('start').set('08:00');
    expect(next).toEqual({
      calendars: { weeklyHours: { monday: [{ start: '08:00', end: '18:00' }] } },
      rules: { reminders: true },
    });
    expect(draft.calendars.weeklyHours.monday[0]!.start).toBe('09:00');
  });

  it('reads its value, its path and the errors at or below it', () => {
    const monday = draftLens(draft, errors, () => undefined)
      .at('calendars')
      .at('weeklyHours')
      .at('monday');
    expect(monday.value).toHaveLength(1);
    expect(monday.path).toBe('calendars.weeklyHours.monday');
    expect(monday.errors()).toEqual(['too late']);
    expect(monday.at(0).at('start').errors()).toEqual([]);
  });
});
