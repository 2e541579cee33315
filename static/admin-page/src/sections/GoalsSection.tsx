import type { Config, SiteValuesView } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Errors, NumberField, RecordRows, Section } from '../fields';
import { siteKeys, unreadable } from '../site-values';

/** The response goal for any priority, and by priority; the share of it from which an SLA is at risk. */
export function GoalsSection({ config, t, site }: { config: Lens<Config>; t: Strings; site: SiteValuesView | null }) {
  const failure = unreadable(site, 'priorities');
  const goals = config.at('responseGoals');
  const sla = config.at('sla');
  return (
    <Section id="goals" title={t.sections.goals} errors={goals.errors().length + sla.errors().length}>
      <NumberField id="goal-default" label={t.defaultGoal} lens={goals.at('defaultMinutes')} />
      <RecordRows
        id="priority"
        t={t}
        lens={goals.at('byPriority')}
        keyLabel={t.priority}
        valueLabel={t.minutes}
        fresh={60}
        renderValue={(value, onValue, id, label) => (
          <input
            id={id}
            type="number"
            className="sr-input"
            aria-label={label}
            min={1}
            value={Number.isFinite(value) ? value : ''}
            onChange={(e) => onValue(e.target.valueAsNumber)}
          />
        )}
        addLabel={t.addPriority}
        keys={siteKeys('priorities', site, t, (key) => goals.at('byPriority').at(key).errors().length > 0)}
      />
      {failure ? <Errors messages={[t.siteListUnreadable('priorities', failure)]} /> : null}
      <NumberField id="sla-at-risk" label={t.atRiskPercent} lens={sla.at('atRiskPercent')} />
    </Section>
  );
}
