import { textsFor } from './index';
import { frenchSpacing, typeset } from './typography';

const NBSP = '\u00a0';

describe('French typography', () => {
  it('puts a non-breaking space before : ; ? ! and inside « », before % and a unit, after n°', () => {
    expect(frenchSpacing('Relance : « VPN » ; vraiment ? oui ! 75 % en 4 h, n° 2')).toBe(
      `Relance${NBSP}: «${NBSP}VPN${NBSP}»${NBSP}; vraiment${NBSP}? oui${NBSP}! 75${NBSP}% en 4${NBSP}h, n°${NBSP}2`,
    );
  });

  it('adds no space where there is none, and leaves URLs and times alone', () => {
    expect(frenchSpacing('https://acme.example:8443/a?b=1 à 10:00')).toBe('https://acme.example:8443/a?b=1 à 10:00');
  });

  it('applies to every French text of the catalog, through its functions and lists', () => {
    const fr = textsFor('fr');
    expect(fr.email.subject('SUP-1', 'Relance', 'VPN')).toBe(`[SUP-1] Relance${NBSP}: VPN`);
    expect(fr.statusChange.lead('SUP-1', 'VPN', 'En cours')).toContain(`«${NBSP}VPN${NBSP}»`);
    expect(fr.setup.canonicalMissing('Fermée').join(' ')).toContain(`«${NBSP}Fermée${NBSP}»`);
    expect(fr.escalation.reason).toBe(`Motif${NBSP}:`);
    const every: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') every.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(fr);
    for (const s of every) expect(s).not.toMatch(/ [:;?!»]|« /);
    // English is left as written.
    expect(textsFor('en').email.subject('SUP-1', 'Reminder', 'VPN')).toBe('[SUP-1] Reminder: VPN');
  });

  it('keeps a catalog shape', () => {
    const t = typeset({ a: 'x : y', n: 3, list: ['a ?'], f: (s: string) => [`« ${s} »`] }, frenchSpacing);
    expect(t).toMatchObject({ a: `x${NBSP}: y`, n: 3, list: [`a${NBSP}?`] });
    expect(t.f('z')).toEqual([`«${NBSP}z${NBSP}»`]);
    expect(t.f).toHaveLength(1);
  });
});
