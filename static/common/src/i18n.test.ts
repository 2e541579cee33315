import { statusName, strings } from './i18n';

/** Every key of a nested record, as dotted paths. */
function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('strings', () => {
  it('has the same texts in French and English', () => {
    expect(keys(strings('fr')).sort()).toEqual(keys(strings('en')).sort());
  });
  it('translates every text (none left in English in French)', () => {
    const fr = strings('fr') as unknown as Record<string, unknown>;
    const en = strings('en') as unknown as Record<string, unknown>;
    const same = Object.keys(en).filter((k) => typeof en[k] === 'string' && en[k] === fr[k]);
    // "Actions" and "Minutes" are the same word in both languages.
    expect(same.sort()).toEqual(['actions', 'minutes']);
  });
  it('names statuses as the rules do', () => {
    expect(statusName('waiting_for_third_party', 'fr')).toBe("En attente d'un tiers");
    expect(statusName('closed', 'en')).toBe('Closed');
  });
});
