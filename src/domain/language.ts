/**
 * The app's one language policy: every text, whether an email, a comment, a refusal or a screen, is in the
 * language of the person who reads it: their Jira locale when the app offers that language, else the
 * configured default. Pure: no I/O.
 */

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Which languages the app offers and which one it falls back to (`config.languages`). */
export interface LanguageSettings {
  default: Language;
  available: readonly Language[];
}

/** The settings of a fresh install (DESIGN.md section 5): French, with English available. */
export const DEFAULT_LANGUAGE_SETTINGS: LanguageSettings = { default: 'fr', available: ['fr', 'en'] };

/**
 * The language of a reader: their Jira locale (`fr_FR`, `en-US`, `fr`) when the app offers its language,
 * else the configured default.
 * @example languageFor('en_US', { default: 'fr', available: ['fr', 'en'] }) //=> 'en'
 * @example languageFor('de_DE', { default: 'fr', available: ['fr', 'en'] }) //=> 'fr'
 * @example languageFor(null, { default: 'en', available: ['fr', 'en'] }) //=> 'en'
 */
export function languageFor(locale: string | null | undefined, settings: LanguageSettings): Language {
  const prefix = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : undefined;
  const offered = settings.available as readonly string[];
  return prefix !== undefined && offered.includes(prefix) ? (prefix as Language) : settings.default;
}
