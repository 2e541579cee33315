import Toggle from '@atlaskit/toggle';
import type { Config } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Section } from '../fields';

/** Each rule of the support page, on or off. */
export function RulesSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const rules = config.at('rules');
  return (
    <Section id="rules" title={t.sections.rules} errors={rules.errors().length}>
      {(Object.keys(rules.value) as (keyof Config['rules'])[]).map((rule) => (
        <div
          key={rule}
          className="sr-row"
          style={{ justifyContent: 'space-between', borderBottom: '1px solid var(--ds-border)', padding: '4px 0' }}
        >
          <label htmlFor={`rule-${rule}`}>{t.rules[rule]}</label>
          <Toggle
            id={`rule-${rule}`}
            testId={`rule-${rule}`}
            isChecked={rules.value[rule]}
            onChange={() => rules.at(rule).set(!rules.value[rule])}
            label={t.rules[rule]}
          />
        </div>
      ))}
    </Section>
  );
}
