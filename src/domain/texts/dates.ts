/**
 * Instants as the texts write them, in the reader's language and the desk's time zone.
 */
import { DateTime } from 'luxon';
import type { Language } from '../language';
import { textsFor } from './index';

/**
 * An instant in a sentence, in the given time zone.
 * @example formatInstant(Date.UTC(2026, 10, 28, 9), 'fr', 'Europe/Paris') //=> '28 novembre 2026 à 10:00'
 */
export function formatInstant(ms: number, lang: Language, timeZone: string): string {
  const t = textsFor(lang);
  return DateTime.fromMillis(ms, { zone: timeZone }).setLocale(t.dateLocale).toFormat(t.instantFormat);
}

/**
 * An instant with its weekday and the zone's short name, for a date the customer must not misread.
 * @example formatLongInstant(Date.UTC(2026, 11, 1, 8), 'en', 'Europe/Paris') //=> 'Tuesday, 1 December 2026 at 09:00 CET'
 */
export function formatLongInstant(ms: number, lang: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(textsFor(lang).longDateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(ms));
}
