/**
 * The looks the browser tests see a screen in: the panels' real widths (Jira's narrow right column and a wide
 * one) in the light and dark themes, in an order that changes both between neighbours.
 */
export const LOOKS = [
  { theme: 'light', width: 360 },
  { theme: 'dark', width: 700 },
  { theme: 'dark', width: 360 },
  { theme: 'light', width: 700 },
] as const;

/**
 * Each language's viewer in each look, for `it.each`.
 * @example inEveryLook([{ lang: 'fr', user: USERS.agent }]) //=> [{ lang: 'fr', user, theme: 'light', width: 360 }, ...]
 */
export function inEveryLook<L extends object, K extends object = (typeof LOOKS)[number]>(
  langs: readonly L[],
  looks: readonly K[] = LOOKS as readonly (typeof LOOKS)[number][] as readonly K[],
): Array<L & K> {
  return langs.flatMap((l) => looks.map((look) => ({ ...l, ...look })));
}
