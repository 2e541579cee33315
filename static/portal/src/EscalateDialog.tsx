import { useEffect, useRef, useState, type FormEvent } from 'react';
import { events, view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { escalationBar, type EscalationView, type ResolverFailure } from '../../../src/shared/contracts';
import { portalApi } from '../../common/src/api';
import { formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading, ReasonField } from '../../common/src/ui';
import { ESCALATED_EVENT, usePortalView } from './use-portal-view';
import { Message } from '../../common/src/status-ui';

/**
 * The escalate action, in the modal dialog JSM opens for it, behaving as an Atlaskit modal does: a title and a
 * close button, Escape closes it (the host's own Escape does not reach into the app's frame), the reason field
 * takes the focus, the answer is announced and takes the focus in its turn, Cancel or Close close it (the host
 * then gives the focus back to the action that opened it). Inside: the rules' guidance (when to escalate, whom to
 * call), a reason, and the answer; the request's panel is told (`events.emit`) so that it shows the escalation.
 * On a resolved or closed request (the domain's `escalationBar`, as the resolver decides it), no form: it says
 * the request can no longer be escalated and how to go on (reopen it from the portal, then escalate it), that
 * notice takes the focus, and one Close button closes the dialog.
 */
export function EscalateDialog({ ctx: bridgeCtx }: { ctx: ScreenContext }) {
  const [result, ctx, reload] = usePortalView(bridgeCtx);
  const t = strings(ctx.lang);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | null>(null);
  const [escalated, setEscalated] = useState<EscalationView | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const finishedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) void close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (escalated) answerRef.current?.focus();
  }, [escalated]);
  // With escalation switched off, the dialog says so instead: reopening would not make it possible.
  const finished =
    result?.ok === true &&
    result.data.guidance.enabled &&
    escalationBar(result.data.status.canonical) === 'request_done';
  useEffect(() => {
    if (finished) finishedRef.current?.focus();
  }, [finished]);
  if (!result) return <Loading shape="escalate" label={t.loading} />;
  if (!result.ok)
    return <Failure failure={result} lang={ctx.lang} retryLabel={t.retry} onRetry={() => void reload()} />;
  const { guidance, escalation } = result.data;
  const done = escalated ?? escalation;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const answer = await portalApi('escalateRequest', { reason });
    setBusy(false);
    if (answer.ok) {
      setEscalated(answer.data);
      await events.emit(ESCALATED_EVENT, { at: answer.data.at }).catch(() => undefined);
    } else setFailure(answer);
  }

  return (
    <main className="sr-stack" data-testid="portal-escalate" style={{ maxWidth: 640 }} lang={ctx.lang}>
      <div className="sr-dialog-header">
        <h1 id="escalate-title" className="sr-dialog-title">
          {t.escalateTitle}
        </h1>
        {finished ? null : (
          <button
            type="button"
            className="sr-icon-button"
            aria-label={t.close}
            data-testid="escalate-close"
            onClick={() => void close()}
          >
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z" />
            </svg>
          </button>
        )}
      </div>
      {finished ? (
        <div data-testid="escalate-finished" ref={finishedRef} tabIndex={-1} aria-labelledby="escalate-finished-text">
          <Message appearance="information">
            <p id="escalate-finished-text">{t.escalateFinished}</p>
            <p>{t.escalateFinishedNext(result.data.reopenAction)}</p>
          </Message>
        </div>
      ) : (
        <>
          <p>{guidance.intro}</p>
          <ul data-testid="guidance-when">
            {guidance.whenToEscalate.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
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
                  {/* A number is read and dialled whole: it never breaks across lines. */}
                  <a href={`tel:${p.number.replace(/[^+0-9]/g, '')}`} style={{ whiteSpace: 'nowrap' }}>
                    {p.number}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Message>
      <div role="status" aria-live="polite" className="sr-visually-hidden" data-testid="escalate-announcement">
        {escalated ? t.escalatedDone : ''}
      </div>
      {finished ? null : !guidance.enabled ? (
        <Message appearance="information">
          <p>{t.escalationOff}</p>
        </Message>
      ) : done ? (
        <div data-testid="escalation-done" ref={answerRef} tabIndex={-1} aria-labelledby="escalation-done-text">
          <Message appearance="success">
            <p id="escalation-done-text">{escalated ? t.escalatedDone : t.alreadyEscalated}</p>
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
            autoFocus
            errors={failure?.code === 'invalid_reason' ? [failure.message] : undefined}
            onChange={setReason}
          />
          {failure && failure.code !== 'invalid_reason' ? <Failure failure={failure} lang={ctx.lang} /> : null}
          <div className="sr-row sr-dialog-footer">
            <Button appearance="subtle" onClick={() => void close()} testId="cancel-escalation">
              {t.cancel}
            </Button>
            <Button
              type="submit"
              appearance="primary"
              isDisabled={busy || reason.trim() === ''}
              testId="submit-escalation"
            >
              {t.submitEscalation}
            </Button>
          </div>
        </form>
      )}
      {finished || done || !guidance.enabled ? (
        <div className="sr-row sr-dialog-footer">
          <Button appearance="primary" onClick={() => void close()} testId="done-escalation">
            {t.close}
          </Button>
        </div>
      ) : null}
    </main>
  );
}

/** Asks the host to close the dialog (Forge's `view.close`); a host without a dialog around the app ignores it. */
function close(): Promise<void> {
  return view.close().catch(() => undefined);
}
