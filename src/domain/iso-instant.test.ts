import fc from 'fast-check';
import { isoInstant } from './iso-instant';

describe('isoInstant', () => {
  it('writes any instant as Date#toISOString does', () => {
    const instant = fc.oneof(
      fc.integer({ min: 0, max: 253_402_300_799_999 }),
      // Days around month, leap-year and century boundaries, to the millisecond.
      fc
        .tuple(
          fc.constantFrom(1970, 1999, 2000, 2024, 2100, 2400, 9999),
          fc.integer({ min: 0, max: 11 }),
          fc.integer({ min: -1, max: 1 }),
        )
        .map(([y, m, ms]) => Math.max(0, Date.UTC(y, m, 1) + ms)),
      fc.double({ min: -1e15, max: 1e16, noNaN: true }),
      fc.constantFrom(-1, 253_402_300_800_000, 8.64e15, -8.64e15, 0.5),
    );
    const written = (write: () => string): string => {
      try {
        return write();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    fc.assert(
      fc.property(instant, (ms) => {
        expect(written(() => isoInstant(ms))).toBe(written(() => new Date(ms).toISOString()));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses what is not an instant, as toISOString does', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(8.64e15 + 1)).toThrow(RangeError);
  });
});
