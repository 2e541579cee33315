/**
 * Settings that name a value of the site's own lists (priorities, resolutions, JSM organizations): picked in a list
 * of what the site has. A value the site lacks stays shown, marked, so that the save's error is understood; when
 * the site's list could not be read the value is typed, and the page says the save will check it.
 */
import type { ReactNode } from 'react';
import type { SiteValuesView } from '../../../src/shared/contracts';
import type { Strings } from '../../common/src/i18n';
import { Field } from '../../common/src/ui';
import type { Lens } from './draft';

export type SiteListKind = keyof SiteValuesView;

/** The names a list offers (null while loading or when it could not be read). */
export function siteChoices(site: SiteValuesView | null, kind: SiteListKind): string[] | null {
  const list = site?.[kind];
  return Array.isArray(list) ? list.map((v) => v.name) : null;
}

/** Why a list could not be read, or null. */
export function unreadable(site: SiteValuesView | null, kind: SiteListKind): string | null {
  const list = site?.[kind];
  return list && !Array.isArray(list) ? list.unreadable : null;
}

/**
 * The `keys` of a {@link RecordRows} table whose keys are a site list's values (a goal per priority, a coverage per
 * organization): offered from the list, each row's key picked in a {@link SiteValueSelect}.
 * @example <RecordRows ... keys={siteKeys('priorities', site, t, (key) => goals.at('byPriority').at(key).errors().length > 0)} />
 */
export function siteKeys(
  kind: SiteListKind,
  site: SiteValuesView | null,
  t: Strings,
  invalid: (key: string) => boolean,
): {
  choices: string[] | null;
  render: (key: string, onKey: (k: string) => void, id: string, label: string, taken: string[]) => ReactNode;
} {
  return {
    choices: siteChoices(site, kind),
    render: (key, onKey, id, label, taken) => (
      <SiteValueSelect
        id={id}
        label={label}
        kind={kind}
        site={site}
        t={t}
        value={key}
        taken={taken}
        invalid={invalid(key)}
        onChange={onKey}
      />
    ),
  };
}

/**
 * A select of the site's values (or a text input when the list is not there), for one place of the draft or a row.
 * @example <SiteValueSelect id="x" label="Resolution" kind="resolutions" site={site} t={t} value="Done" onChange={set} />
 */
export function SiteValueSelect({
  id,
  label,
  kind,
  site,
  t,
  value,
  invalid,
  onChange,
  withLabel,
  taken = [],
}: {
  id: string;
  label: string;
  kind: SiteListKind;
  site: SiteValuesView | null;
  t: Strings;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
  /** A <label> names it (else its aria-label). */
  withLabel?: boolean;
  /** Values other rows took: not offered. */
  taken?: readonly string[];
}) {
  const choices = siteChoices(site, kind);
  const ariaLabel = withLabel ? undefined : label;
  if (choices === null) {
    return (
      <input
        id={id}
        className="sr-input"
        aria-label={ariaLabel}
        aria-invalid={invalid}
        placeholder={t.siteValuePlaceholder[kind]}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const stray = value !== '' && !choices.includes(value);
  return (
    <select
      id={id}
      className="sr-select"
      aria-label={ariaLabel}
      aria-invalid={invalid || stray}
      data-site-list={kind}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {value === '' ? (
        <option value="" disabled>
          {t.siteValuePlaceholder[kind]}
        </option>
      ) : null}
      {stray ? <option value={value}>{t.notOnSite(value)}</option> : null}
      {choices
        .filter((name) => !taken.includes(name))
        .map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
    </select>
  );
}

/** A text setting naming a value of a site's list, with its label and errors. */
export function SiteValueField({
  id,
  label,
  kind,
  site,
  t,
  lens,
}: {
  id: string;
  label: string;
  kind: SiteListKind;
  site: SiteValuesView | null;
  t: Strings;
  lens: Lens<string>;
}) {
  const errors = lens.errors();
  const failure = unreadable(site, kind);
  return (
    <Field id={id} label={label} errors={errors} help={failure ? t.siteListUnreadable(kind, failure) : undefined}>
      <SiteValueSelect
        id={id}
        label={label}
        kind={kind}
        site={site}
        t={t}
        value={lens.value}
        invalid={errors.length > 0}
        onChange={(v) => lens.set(v)}
        withLabel
      />
    </Field>
  );
}
