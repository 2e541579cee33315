import Button from '@atlaskit/button/new';
import type { Config, Language } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Section, Text } from '../fields';
import { Picker } from '../Picker';

/** Who an escalation reaches, the support team's group, and the numbers for a very urgent matter. */
export function EscalationSection({ config, t, lang }: { config: Lens<Config>; t: Strings; lang: Language }) {
  const escalation = config.at('escalation');
  const phones = escalation.at('urgentPhoneNumbers');
  const person = (id: string, label: string, lens: Lens<string | null>, kind: 'user' | 'group') => (
    <Picker
      id={id}
      kind={kind}
      lang={lang}
      label={label}
      value={lens.value}
      errors={lens.errors()}
      onChange={(v) => lens.set(v)}
    />
  );
  return (
    <Section id="escalation" title={t.sections.escalation} errors={escalation.errors().length}>
      {person('team-lead', t.teamLead, escalation.at('teamLeadAccountId'), 'user')}
      {person('offer-manager', t.offerManager, escalation.at('offerManagerAccountId'), 'user')}
      {person('support-group', t.supportGroup, escalation.at('supportTeamGroup'), 'group')}
      <div role="group" aria-labelledby="phones-title">
        <div id="phones-title" className="sr-label">
          {t.phones}
        </div>
        {phones.value.map((_, i) => (
          <div key={i} className="sr-row" style={{ alignItems: 'flex-start' }}>
            <Text id={`phone-${i}-label`} label={t.phoneLabel} lens={phones.at(i).at('label')} />
            <Text id={`phone-${i}-number`} label={t.phoneNumber} lens={phones.at(i).at('number')} />
            <div style={{ paddingTop: 22 }}>
              <Button appearance="subtle" onClick={() => phones.set(phones.value.filter((_, j) => j !== i))}>
                {t.remove}
              </Button>
            </div>
          </div>
        ))}
        <Button appearance="subtle" onClick={() => phones.set([...phones.value, { label: '', number: '' }])}>
          {t.addPhone}
        </Button>
      </div>
    </Section>
  );
}
