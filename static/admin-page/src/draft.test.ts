import { errorsAt, parseList, setIn, withoutKey } from './draft';

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
