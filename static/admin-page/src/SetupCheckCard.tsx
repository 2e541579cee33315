import Button from '@atlaskit/button/new';
import type { ResolverResult, SetupCheck } from '../../../src/shared/contracts';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { Message } from '../../common/src/status-ui';

/** What the site lacks for these rules, each with how to fix it; and the JSM notifications to check by hand. */
export function SetupCheckCard({
  check,
  ctx,
  onRecheck,
}: {
  check: ResolverResult<SetupCheck> | null;
  ctx: ScreenContext;
  onRecheck: () => void;
}) {
  const t = strings(ctx.lang);
  if (!check) return <Loading label={t.loading} />;
  if (!check.ok) return <Failure failure={check} lang={ctx.lang} retryLabel={t.retry} onRetry={onRecheck} />;
  const { problems, reminders } = check.data;
  return (
    <section aria-labelledby="setup-title" data-testid="setup-check" data-problems={problems.length}>
      <Message
        appearance={problems.length === 0 ? 'success' : 'warning'}
        title={t.setupCheck}
        headingLevel={2}
        titleId="setup-title"
        actions={[
          <Button key="again" appearance="subtle" onClick={onRecheck}>
            {t.recheck}
          </Button>,
        ]}
      >
        {problems.length === 0 ? (
          <p>{t.setupOk}</p>
        ) : (
          <ul style={{ paddingLeft: 16, margin: 0 }}>
            {problems.map((p) => (
              <li key={p.message} data-code={p.code}>
                <strong>{p.message}</strong>
                <br />
                <span className="sr-muted">
                  {t.setupFix}
                  {t.sep}
                  {p.fix}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Message>
      {reminders.length > 0 && (
        <div data-testid="setup-reminders" style={{ marginTop: 8 }}>
          <Message appearance="information" title={t.setupReminders}>
            <ul style={{ paddingLeft: 16, margin: 0 }}>
              {reminders.map((r) => (
                <li key={r.message} data-code={r.code}>
                  {r.message}
                  <br />
                  <span className="sr-muted">{r.fix}</span>
                </li>
              ))}
            </ul>
          </Message>
        </div>
      )}
    </section>
  );
}
