import Toggle from '@atlaskit/toggle';
import { JSM_NOTIFICATIONS, JSM_NOTIFICATION_NAMES, type Config } from '../../../../src/shared/contracts';
import type { Strings } from '../../../common/src/i18n';
import type { Lens } from '../draft';
import { Section } from '../fields';

/** For each JSM customer notification that doubles an email of the app, whether the app leaves that email to JSM. */
export function LeaveToJsmSection({ config, t }: { config: Lens<Config>; t: Strings }) {
  const leave = config.at('leaveToJsm');
  return (
    <Section id="leave-to-jsm" title={t.sections.leaveToJsm} errors={leave.errors().length}>
      <p className="sr-help">{t.leaveToJsmIntro}</p>
      {JSM_NOTIFICATIONS.map((notification) => (
        <div
          key={notification}
          className="sr-row"
          style={{ justifyContent: 'space-between', borderBottom: '1px solid var(--ds-border)', padding: '4px 0' }}
        >
          <label htmlFor={`leave-${notification}`}>
            {t.leaveToJsmLabel(JSM_NOTIFICATION_NAMES[notification])}
            <br />
            <span className="sr-help">{t.leaveToJsmReplaces[notification]}</span>
          </label>
          <Toggle
            id={`leave-${notification}`}
            testId={`leave-${notification}`}
            isChecked={leave.value[notification]}
            onChange={() => leave.at(notification).set(!leave.value[notification])}
            label={t.leaveToJsmLabel(JSM_NOTIFICATION_NAMES[notification])}
          />
        </div>
      ))}
    </Section>
  );
}
