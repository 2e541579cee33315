/**
 * The countries and regions whose public holidays the business-hours calendar can close on: date-holidays' lists,
 * named in the reader's language (a country by Intl's region names, else date-holidays' name; a region by
 * date-holidays' name in that language where it has one). Pure.
 */
import Holidays from 'date-holidays';
import type { Language } from './language';

/** A country or region: its code as the configuration stores it, and its name for the reader. */
export interface HolidayPlace {
  code: string;
  name: string;
}

const byName = (lang: Language) => (a: HolidayPlace, b: HolidayPlace) => a.name.localeCompare(b.name, lang);

/**
 * Every country date-holidays knows, named in `lang`, in alphabetical order.
 * @example holidayCountries('fr').find((c) => c.code === 'DE')?.name //=> 'Allemagne'
 */
export function holidayCountries(lang: Language): HolidayPlace[] {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const own = new Holidays().getCountries(lang);
  return Object.entries(own)
    .map(([code, name]) => {
      let intl: string | undefined;
      try {
        intl = names.of(code);
      } catch {
        intl = undefined;
      }
      return { code, name: intl ?? name };
    })
    .sort(byName(lang));
}

/**
 * The regions of a country (date-holidays' states), named in `lang` where date-holidays has the name; none for an
 * unknown country.
 * @example holidayRegions('FR', 'fr').find((r) => r.code === '67')?.name //=> 'Département Bas-Rhin'
 */
export function holidayRegions(country: string, lang: Language): HolidayPlace[] {
  const states = new Holidays().getStates(country, lang) ?? {};
  return Object.entries(states)
    .map(([code, name]) => ({ code, name }))
    .sort(byName(lang));
}
