import type { Config, SiteValuesView } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { ListText, NumberField, Section } from '../fields';
import { SiteValueField } from '../site-values';

/** The reminders' delays, the automatic close's delay and its resolution. */
export function RemindersSection({
  config,
  t,
  site,
}: {
  config: Lens<Config>;
  t: Strings;
  site: SiteValuesView | null;
}) {
  const reminders = config.at('reminders');
  return (
    <Section id="reminders" title={t.sections.reminders} errors={reminders.errors().length}>
      <ListText id="reminder-days" label={t.reminderDays} lens={reminders.at('reminderDays')} numeric />
      <NumberField id="autoclose-days" label={t.autoCloseDays} lens={reminders.at('autoCloseDays')} />
      <SiteValueField
        id="autoclose-resolution"
        label={t.autoCloseResolution}
        kind="resolutions"
        site={site}
        t={t}
        lens={reminders.at('autoCloseResolution')}
      />
    </Section>
  );
}
