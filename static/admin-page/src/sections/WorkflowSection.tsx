import {
  CANONICAL_STATUSES,
  type CanonicalStatus,
  type Config,
  type SetupCheck,
  type SiteValuesView,
} from '../../../../src/shared/contracts';
import { statusName, type Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Errors, RecordRows, Section } from '../fields';
import { SiteValueField } from '../site-values';

/** Which site status means which canonical status: by id for the site's statuses, by name for others. */
export function WorkflowSection({
  config,
  statuses,
  t,
  lang,
  site,
}: {
  config: Lens<Config>;
  statuses: SetupCheck['statuses'];
  site: SiteValuesView | null;
  t: Strings;
  lang: Parameters<typeof statusName>[1];
}) {
  const byId = config.at('statusMapping').at('byId');
  const consulting = config.at('consultingResolution');
  const options = CANONICAL_STATUSES.map((c) => (
    <option key={c} value={c}>
      {statusName(c, lang)}
    </option>
  ));
  return (
    <Section
      id="workflow"
      title={t.sections.workflow}
      errors={config.at('statusMapping').errors().length + consulting.errors().length}
    >
      <table className="sr-table">
        <thead>
          <tr>
            <th scope="col">{t.siteStatus}</th>
            <th scope="col">{t.canonicalStatus}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => {
            const id = `map-${s.id}`;
            const { [s.id]: explicit, ...others } = byId.value;
            return (
              <tr key={s.id}>
                <td>
                  <label htmlFor={id}>{s.name}</label>
                </td>
                <td>
                  <select
                    id={id}
                    className="sr-select"
                    value={explicit ?? ''}
                    onChange={(e) =>
                      byId.set(e.target.value ? { ...byId.value, [s.id]: e.target.value as CanonicalStatus } : others)
                    }
                  >
                    <option value="">{s.canonical ? t.byDefault(statusName(s.canonical, lang)) : t.notMapped}</option>
                    {options}
                  </select>
                  <Errors messages={byId.at(s.id).errors()} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3 style={{ marginTop: 12 }}>{t.extraNames}</h3>
      <RecordRows
        id="byName"
        t={t}
        lens={config.at('statusMapping').at('byName')}
        keyLabel={t.statusName}
        valueLabel={t.canonicalStatus}
        fresh={'in_progress' as CanonicalStatus}
        addLabel={t.addStatusName}
        renderValue={(value, onValue, id, label) => (
          <select
            id={id}
            aria-label={label}
            className="sr-select"
            value={value}
            onChange={(e) => onValue(e.target.value as CanonicalStatus)}
          >
            {options}
          </select>
        )}
      />
      <SiteValueField
        id="consultingResolution"
        label={t.consultingResolution}
        kind="resolutions"
        site={site}
        t={t}
        lens={consulting}
      />
    </Section>
  );
}
