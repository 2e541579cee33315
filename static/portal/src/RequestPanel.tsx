import { escalationBar, isDone, type PortalView } from '../../../src/shared/contracts';
import { formatDay, formatDuration, formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { usePortalView } from './use-portal-view';
import { Lozenge, Message } from '../../common/src/status-ui';

/** Where the request stands, in the customer's words. */
export function RequestPanel({ ctx: bridgeCtx }: { ctx: ScreenContext }) {
  const [result, ctx, reload] = usePortalView(bridgeCtx);
  const t = strings(ctx.lang);
  if (!result) return <Loading shape="portal" label={t.loading} />;
  if (!result.ok)
    return <Failure failure={result} lang={ctx.lang} retryLabel={t.retry} onRetry={() => void reload()} />;
  const view = result.data;
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  // The late answer points to the escalate action only while it can be used: on, not used, the request not finished.
  const escalationOffered =
    view.guidance.enabled && view.escalation === null && escalationBar(view.status.canonical) === null;
  return (
    <main className="sr-stack" data-testid="portal-panel" data-issue={view.issueKey} lang={ctx.lang}>
      {/* The frame is a document of its own: its level-one heading is the panel's title, which the portal shows above it. */}
      <h1 className="sr-visually-hidden">{t.portalPanelTitle}</h1>
      <div className="sr-row">
        <strong>
          {t.portalStatus}
          {t.sep}
        </strong>
        <span data-testid="portal-status" data-status={view.status.canonical ?? ''}>
          <Lozenge appearance={isDone(view.status.canonical) ? 'success' : 'inprogress'} isBold>
            {view.status.name}
          </Lozenge>
        </span>
      </div>
      {view.sla ? (
        <section aria-labelledby="portal-sla-title">
          <h2 id="portal-sla-title" className="sr-subheading">
            {t.portalSla}
          </h2>
          <p
            data-testid="portal-sla"
            data-state={view.sla.state}
            data-met={String(view.sla.met)}
            data-at-risk={String(view.sla.atRisk)}
          >
            {slaSentence(view.sla, t, when, escalationOffered, view.teamAnswered)}
          </p>
        </section>
      ) : null}
      {view.awaited ? (
        <section aria-labelledby="awaited-title" data-testid="portal-awaited">
          <h2 id="awaited-title" className="sr-subheading">
            {t.portalAwaited}
          </h2>
          <blockquote
            style={{
              margin: 0,
              paddingLeft: 12,
              borderLeft: '3px solid var(--ds-border-information)',
              whiteSpace: 'pre-wrap',
            }}
          >
            {view.awaited}
          </blockquote>
        </section>
      ) : null}
      {view.closesAt ? (
        <p data-testid="portal-closes-at" data-due={view.closeDue ? 'true' : 'false'} className="sr-muted">
          {view.closeDue ? t.portalClosesSoon : t.portalClosesAt(formatDay(view.closesAt, ctx.locale, ctx.timeZone))}
        </p>
      ) : null}
      {view.escalation ? (
        <Message appearance="information" testId="portal-escalated">
          <p>
            {t.portalEscalated(
              view.escalatedBy ?? 'support',
              view.escalation.byName || view.escalation.by,
              when(view.escalation.at),
            )}
          </p>
        </Message>
      ) : null}
    </main>
  );
}

function slaSentence(
  sla: NonNullable<PortalView['sla']>,
  t: ReturnType<typeof strings>,
  when: (iso: string) => string,
  escalationOffered: boolean,
  teamAnswered: boolean,
): string {
  const goal = formatDuration(sla.goalMs);
  if (sla.state === 'stopped') return sla.met ? t.portalMet : t.portalBreached;
  if (sla.state === 'paused') return sla.pausedFor === 'customer' ? t.portalPausedCustomer : t.portalPausedThirdParty;
  if (sla.breached || !sla.dueAt)
    return `${t.portalRunningLate(goal, escalationOffered)}${sla.teamAlerted ? ` ${t.portalLateAlerted}` : ''}`;
  const running = teamAnswered ? t.portalAnswered(when(sla.dueAt)) : t.portalRunning(when(sla.dueAt), goal);
  return sla.atRisk ? `${running} ${t.portalAtRisk(sla.teamAlerted)}` : running;
}
