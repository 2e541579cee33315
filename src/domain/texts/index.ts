/**
 * The catalog of server texts: one typed table per language (en.ts, fr.ts), picked by the language the
 * policy of ../language.ts chose for the reader. To add a text, add its key to both tables: the build
 * fails until both have it, with the same parameters.
 */
import type { Language } from '../language';
import { en, type Texts } from './en';
import { fr } from './fr';

export type { Texts };

const CATALOGS: Record<Language, Texts> = { en, fr };

/**
 * The server's texts in a language.
 * @example textsFor('fr').email.hello //=> 'Bonjour,'
 */
export function textsFor(lang: Language): Texts {
  return CATALOGS[lang];
}
