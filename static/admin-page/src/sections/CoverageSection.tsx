import { COVERAGES, type Config, type Coverage, type SiteValuesView } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import { Field } from '../../../common/src/ui';
import type { Lens } from '../draft';
import { Errors, RecordRows, Section } from '../fields';
import { siteKeys, unreadable } from '../site-values';

/** The coverage of each JSM organization's contract, and everyone else's. */
export function CoverageSection({
  config,
  t,
  site,
}: {
  config: Lens<Config>;
  t: Strings;
  site: SiteValuesView | null;
}) {
  const failure = unreadable(site, 'organizations');
  const coverage = config.at('coverage');
  const fallback = coverage.at('default');
  return (
    <Section id="coverage" title={t.sections.coverage} errors={coverage.errors().length}>
      <Field id="coverage-default" label={t.defaultCoverage} errors={fallback.errors()}>
        <CoverageSelect id="coverage-default" t={t} value={fallback.value} onChange={(v) => fallback.set(v)} />
      </Field>
      <RecordRows
        id="org"
        t={t}
        lens={coverage.at('byOrganization')}
        keyLabel={t.organization}
        valueLabel={t.coverageLabel}
        fresh={'24x7' as Coverage}
        renderValue={(value, onValue, id, label) => (
          <CoverageSelect id={id} label={label} t={t} value={value} onChange={onValue} />
        )}
        addLabel={t.addOrganization}
        keys={siteKeys('organizations', site, t, (key) => coverage.at('byOrganization').at(key).errors().length > 0)}
      />
      {failure ? <Errors messages={[t.siteListUnreadable('organizations', failure)]} /> : null}
    </Section>
  );
}

function CoverageSelect({
  id,
  label,
  t,
  value,
  onChange,
}: {
  id: string;
  /** Its accessible name, when no <label> names it. */
  label?: string;
  t: Strings;
  value: Coverage;
  onChange: (v: Coverage) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      className="sr-select"
      value={value}
      onChange={(e) => onChange(e.target.value as Coverage)}
    >
      {COVERAGES.map((c) => (
        <option key={c} value={c}>
          {t.coverage[c]}
        </option>
      ))}
    </select>
  );
}
