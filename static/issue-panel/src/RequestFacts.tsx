import type { IssuePanelView } from '../../../src/shared/contracts';
import { formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Message } from '../../common/src/status-ui';

/** The waiting-for-customer countdown, the escalation and what the panel recorded (third party, operation). */
export function RequestFacts({ view, ctx }: { view: IssuePanelView; ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  const { waiting, escalation } = view;
  // What was recorded for a wait is shown while the request is in that wait, not after it left.
  const status = view.status.canonical;
  const details = {
    thirdParty: status === 'waiting_for_third_party' ? view.details.thirdParty : undefined,
    scheduledOperation: status === 'scheduled_operation' ? view.details.scheduledOperation : undefined,
  };
  return (
    <>
      {waiting ? (
        <section data-testid="waiting" aria-labelledby="waiting-title">
          <h2 id="waiting-title" className="sr-subheading">
            {t.waitingTitle}
          </h2>
          <dl className="sr-figures">
            <Instant
              label={waiting.reminderDue ? t.reminderDue : t.nextReminder}
              testId="next-reminder"
              at={waiting.nextReminderAt}
              due={waiting.reminderDue ? t.reminderDueWhen : null}
              when={when}
            />
            <Instant
              label={waiting.autoCloseDue ? t.autoCloseDue : t.autoClose}
              testId="auto-close"
              at={waiting.autoCloseAt}
              due={waiting.autoCloseDue ? t.autoCloseDueWhen : null}
              when={when}
            />
          </dl>
        </section>
      ) : null}
      {escalation ? (
        <div data-testid="escalation">
          <Message appearance="warning" title={t.escalatedTitle} headingLevel={2}>
            <p>{t.escalatedBy(escalation.byName || escalation.by, when(escalation.at))}</p>
            <p>
              <em>{escalation.reason}</em>
            </p>
          </Message>
        </div>
      ) : null}
      {details.thirdParty || details.scheduledOperation ? (
        <section data-testid="details" className="sr-muted sr-wrap-anywhere">
          {details.thirdParty ? (
            <div>
              {t.thirdParty}
              {t.sep}
              {t.thirdPartyKinds[details.thirdParty.kind]}
              {details.thirdParty.name ? ` (${details.thirdParty.name})` : ''}
              {details.thirdParty.reference ? (
                <>
                  {' · '}
                  <Reference text={details.thirdParty.reference} />
                </>
              ) : null}
            </div>
          ) : null}
          {details.scheduledOperation ? (
            <div>{t.scheduledFor(when(details.scheduledOperation.at), details.scheduledOperation.who)}</div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/**
 * One dated figure of the waiting countdown, when it has a date: the date ahead, or, once its time has passed and
 * the hourly sweep has yet to carry it out, when it will be (`due`), the instant it fell due in its title.
 */
function Instant({
  label,
  testId,
  at,
  due,
  when,
}: {
  label: string;
  testId: string;
  at: string | null;
  due: string | null;
  when: (iso: string) => string;
}) {
  if (!at) return null;
  return (
    <div className="sr-figure">
      <dt>{label}</dt>
      <dd
        data-testid={testId}
        className="sr-instant"
        data-due={due ? 'true' : 'false'}
        data-at={at}
        title={due ? when(at) : undefined}
        style={{ fontSize: 14 }}
      >
        {due ?? when(at)}
      </dd>
    </div>
  );
}

/**
 * A third party's reference: a link when it is a web address (a ticket on the vendor's site), opened in a new
 * tab as Jira opens an outside link; plain text otherwise. Only http and https addresses become links.
 */
function Reference({ text }: { text: string }) {
  let url: URL | null = null;
  try {
    url = /^https?:\/\//i.test(text) ? new URL(text) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return <>{text}</>;
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer" data-testid="third-party-link">
      {text}
    </a>
  );
}
