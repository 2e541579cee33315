import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import type { EscalationView, ResolverFailure } from '../../../src/shared/contracts';
import { portalApi } from '../../common/src/api';
import { formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading, ReasonField } from '../../common/src/ui';
import { usePortalView } from './use-portal-view';
import { Message } from '../../common/src/status-ui';

/** The escalate action: the rules' guidance (when to escalate, whom to call), a reason, and the answer. */
export function EscalateDialog({ ctx: bridgeCtx }: { ctx: ScreenContext }) {
  const [result, ctx, reload] = usePortalView(bridgeCtx);
  const t = strings(ctx.lang);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | null>(null);
  const [escalated, setEscalated] = useState<EscalationView | null>(null);
  if (!result) return <Loading label={t.loading} />;
  if (!result.ok) return <Failure failure={result} retryLabel={t.retry} onRetry={() => void reload()} />;
  const { guidance, escalation } = result.data;
  const done = escalated ?? escalation;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const answer = await portalApi('escalateRequest', { reason });
    setBusy(false);
    if (answer.ok) setEscalated(answer.data);
    else setFailure(answer);
  }

  return (
    <main className="sr-stack" data-testid="portal-escalate" style={{ maxWidth: 640 }} lang={ctx.lang}>
      <h2>{t.escalateTitle}</h2>
      <p>{guidance.intro}</p>
      <ul data-testid="guidance-when">
        {guidance.whenToEscalate.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <Message appearance="warning" testId="guidance-urgent">
        <p>{guidance.urgent}</p>
        {guidance.phoneNumbers.length > 0 ? (
          <>
            <p>{t.urgentCall}</p>
            <ul>
              {guidance.phoneNumbers.map((p) => (
                <li key={p.number}>
                  {p.label}
                  {t.sep}
                  <a href={`tel:${p.number.replace(/[^+0-9]/g, '')}`}>{p.number}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Message>
      {!guidance.enabled ? (
        <Message appearance="information">
          <p>{t.escalationOff}</p>
        </Message>
      ) : done ? (
        <div data-testid="escalation-done">
          <Message appearance="success">
            <p>{escalated ? t.escalatedDone : t.alreadyEscalated}</p>
            <p className="sr-muted">
              {t.escalatedBy(done.byName || done.by, formatInstant(done.at, ctx.locale, ctx.timeZone))}
            </p>
          </Message>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} data-testid="escalate-form">
          <ReasonField
            id="escalate-reason"
            label={t.reason}
            help={t.reasonHelp}
            value={reason}
            errors={failure?.code === 'invalid_reason' ? [failure.message] : undefined}
            onChange={setReason}
          />
          {failure && failure.code !== 'invalid_reason' ? <Failure failure={failure} /> : null}
          <Button
            type="submit"
            appearance="primary"
            isDisabled={busy || reason.trim() === ''}
            testId="submit-escalation"
          >
            {t.submitEscalation}
          </Button>
        </form>
      )}
    </main>
  );
}
