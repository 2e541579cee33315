import { configSchema, defaultConfig } from './config';
import { languageFor } from './language';

describe('languageFor', () => {
  it('follows the Jira locale when the language is offered, else the default', () => {
    const { languages } = defaultConfig();
    expect(languageFor('en_US', languages)).toBe('en');
    expect(languageFor('en-GB', languages)).toBe('en');
    expect(languageFor('fr_CA', languages)).toBe('fr');
    expect(languageFor('de_DE', languages)).toBe('fr');
    expect(languageFor(null, languages)).toBe('fr');
    expect(languageFor('', languages)).toBe('fr');
    const frOnly = configSchema.parse({ languages: { default: 'fr', available: ['fr'] } }).languages;
    expect(languageFor('en_US', frOnly)).toBe('fr');
  });

  it('falls back to the configured default, whichever it is', () => {
    const english = configSchema.parse({ languages: { default: 'en', available: ['fr', 'en'] } }).languages;
    expect(languageFor('de_DE', english)).toBe('en');
    expect(languageFor(undefined, english)).toBe('en');
    expect(languageFor('fr_FR', english)).toBe('fr');
  });
});
