import { en } from './en';
import { fr } from './fr';

/** Every text of a catalog, by its dotted key, with its parameters filled by placeholders. */
function texts(catalog: unknown, prefix = ''): Array<[string, string]> {
  if (typeof catalog === 'string') return [[prefix, catalog]];
  if (typeof catalog === 'function') {
    const args = Array.from({ length: catalog.length }, (_, i) =>
      i === 0 && catalog.length === 1
        ? { value: 'X', start: 'X', end: 'X', first: 'X', second: 'X', days: 1, close: 2 }
        : `P${i}`,
    );
    return texts(catalog(...args), prefix);
  }
  if (Array.isArray(catalog)) return catalog.flatMap((v, i) => texts(v, `${prefix}.${i}`));
  if (catalog && typeof catalog === 'object')
    return Object.entries(catalog).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(catalog)]];
}

describe('the catalog of server texts', () => {
  const english = new Map(texts(en));
  const french = new Map(texts(fr));

  it('has the same texts in both languages', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leaves nothing in English in the French catalog', () => {
    // Names, signatures and formats that are the same in both languages.
    const same = new Set([
      'email.appSignature',
      'statusChange.thirdPartyKinds.atlassian',
      'panel.thirdPartyKinds.atlassian',
      'slaAlert.goal',
    ]);
    const untranslated = [...english].filter(([key, text]) => !same.has(key) && french.get(key) === text);
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('writes French with its typography: a space before the colon', () => {
    const tight = [...french].filter(([, text]) => /[a-zé)»]:(\s|$)/i.test(text.replace(/https?:\/\/\S+/g, '')));
    expect(tight.map(([key]) => key)).toEqual([]);
  });
});
