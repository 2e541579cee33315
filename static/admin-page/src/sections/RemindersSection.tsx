import type { Config } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { ListText, NumberField, Section, Text } from '../fields';

/** The reminders' delays, the automatic close's delay and its resolution. */
export function RemindersSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const reminders = config.at('reminders');
  return (
    <Section id="reminders" title={t.sections.reminders} errors={reminders.errors().length}>
      <ListText id="reminder-days" label={t.reminderDays} lens={reminders.at('reminderDays')} numeric />
      <NumberField id="autoclose-days" label={t.autoCloseDays} lens={reminders.at('autoCloseDays')} />
      <Text id="autoclose-resolution" label={t.autoCloseResolution} lens={reminders.at('autoCloseResolution')} />
    </Section>
  );
}
