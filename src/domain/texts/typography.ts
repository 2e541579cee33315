/**
 * French typography for the catalog's texts: a non-breaking space (U+00A0) before « : », « ; », « ? », « ! »,
 * inside « guillemets », before « % » and a unit after a number, and after « n° », so that a line never
 * breaks between a word and its punctuation (Lexique des règles typographiques en usage à l'Imprimerie
 * nationale). Only existing spaces are made non-breaking: no space is added, and a URL (which has none) is
 * never touched.
 */

const NBSP = '\u00a0';

/**
 * A French text with its non-breaking spaces.
 * @example frenchSpacing('Relance : VPN « en panne » ?') //=> 'Relance\u00a0: VPN «\u00a0en panne\u00a0»\u00a0?'
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u202f]+([:;?!»])/g, `${NBSP}$1`)
    .replace(/«[ \u202f]+/g, `«${NBSP}`)
    .replace(/(\d) (%|h|min|j)(?=$|[\s.,;:!?)/])/g, `$1${NBSP}$2`)
    .replace(/\b(n°) /g, `$1${NBSP}`);
}

/**
 * A catalog whose every text (a string, or what a text function returns: a string or a list of them) goes
 * through `fix`; the catalog's shape and parameters (and each function's arity) stay the same.
 * @example typeset({ a: 'x : y', f: (n: string) => `« ${n} »` }, frenchSpacing).f('z') //=> '«\u00a0z\u00a0»'
 */
export function typeset<T>(catalog: T, fix: (text: string) => string): T {
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return fix(value);
    if (Array.isArray(value)) return value.map(deep);
    if (typeof value === 'function') {
      const typeset = (...args: unknown[]) => deep((value as (...a: unknown[]) => unknown)(...args));
      // The same arity as the text function it wraps, for whoever reads a text's parameter count.
      return Object.defineProperty(typeset, 'length', { value: value.length });
    }
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, deep(v)]));
    return value;
  };
  return deep(catalog) as T;
}
