import { LANGUAGES, type Config, type Language } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import { Field } from '../../../common/src/ui';
import type { Lens } from '../draft';
import { Errors, Section } from '../fields';

/** The default language and the languages offered. */
export function LanguagesSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const languages = config.at('languages');
  const fallback = languages.at('default');
  const available = languages.at('available');
  return (
    <Section id="languages" title={t.sections.languages} errors={languages.errors().length}>
      <Field id="lang-default" label={t.defaultLanguage} errors={fallback.errors()}>
        <select
          id="lang-default"
          className="sr-select"
          value={fallback.value}
          onChange={(e) => fallback.set(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t.languageNames[l]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend className="sr-label">{t.availableLanguages}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} style={{ marginRight: 16 }}>
            <input
              type="checkbox"
              checked={available.value.includes(l)}
              onChange={(e) =>
                available.set(e.target.checked ? [...available.value, l] : available.value.filter((x) => x !== l))
              }
            />{' '}
            {t.languageNames[l]}
          </label>
        ))}
        <Errors messages={available.errors()} />
      </fieldset>
    </Section>
  );
}
