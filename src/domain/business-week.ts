/**
 * The working week of the business-hours calendar: its days, and the range a working day has by default
 * (DESIGN.md section 5: Monday–Friday 09:00–18:00). No import: the screens use it too.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working day's hours out of the box, and a new range's on the admin page. */
export const DEFAULT_WORKING_RANGE: { readonly start: string; readonly end: string } = { start: '09:00', end: '18:00' };
