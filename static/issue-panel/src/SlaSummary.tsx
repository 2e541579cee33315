import type { IssuePanelView } from '../../../src/shared/contracts';
import { formatDuration, formatInstant, slaFigures } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Lozenge, Message } from '../../common/src/status-ui';
import { breachLine, remainingLabel } from './sla-lines';

const STATE_APPEARANCE = { running: 'inprogress', paused: 'moved', stopped: 'default' } as const;
const VERDICT_APPEARANCE = { on_track: 'success', at_risk: 'moved', breached: 'removed', met: 'success' } as const;

/** State, verdict and figures of the response SLA, with the breach instant in the agent's time zone. */
export function SlaSummary({ view, ctx }: { view: IssuePanelView; ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const sla = view.sla;
  const cal = view.calendar;
  const calendarText =
    cal.coverage === '24x7'
      ? `${t.coverage['24x7']} · ${cal.timeZone}`
      : `${t.coverage.business_hours} · ${cal.weeklyHours
          .filter((d) => d.ranges.length > 0)
          .map((d) => `${t.days[d.day]!.slice(0, 3)} ${d.ranges.join(', ')}`)
          .join(' · ')} · ${cal.timeZone} · ${cal.holidaysCountry ? t.holidays(cal.holidaysCountry) : t.noHolidays}`;
  if (!sla) {
    return (
      <Message appearance="warning" testId="sla-unavailable">
        <p>{t.slaUnavailable}</p>
        {view.slaUnavailable ? <p className="sr-muted">{view.slaUnavailable}</p> : null}
      </Message>
    );
  }
  const verdict = sla.risk;
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  const figures = slaFigures(sla.elapsedMs, sla.goalMs);
  const overdue = figures.overdue !== null;
  return (
    <section className="sr-stack" aria-label={t.slaTitle}>
      <div className="sr-row">
        <span data-testid="sla-state" data-state={sla.state}>
          <Lozenge appearance={STATE_APPEARANCE[sla.state]}>{t.state[sla.state]}</Lozenge>
        </span>
        <span data-testid="sla-verdict" data-verdict={verdict}>
          <Lozenge appearance={VERDICT_APPEARANCE[verdict]} isBold={verdict !== 'on_track'}>
            {verdict === 'breached'
              ? t.breached
              : verdict === 'met'
                ? t.met
                : verdict === 'at_risk'
                  ? t.atRisk
                  : t.onTrack}
          </Lozenge>
        </span>
      </div>
      <dl className="sr-figures">
        <div className="sr-figure">
          <dt>{t.elapsed}</dt>
          <dd data-testid="sla-elapsed" data-ms={sla.elapsedMs}>
            {figures.elapsed}
          </dd>
        </div>
        <div className="sr-figure">
          <dt>{remainingLabel(sla, t, overdue)}</dt>
          <dd
            data-testid="sla-remaining"
            data-ms={sla.remainingMs}
            style={overdue ? { color: 'var(--ds-text-danger)' } : undefined}
          >
            {figures.overdue ?? figures.remaining}
          </dd>
        </div>
        <div className="sr-figure">
          <dt>{t.goal}</dt>
          <dd data-testid="sla-goal" data-ms={sla.goalMs}>
            {formatDuration(sla.goalMs)}
          </dd>
        </div>
      </dl>
      <div data-testid="sla-breach-at" data-at={sla.breachAt ?? ''}>
        <strong>{breachLine(sla, t, ctx.lang, when)}</strong>
      </div>
      {sla.warnAt && sla.risk !== 'breached' ? (
        <div data-testid="sla-warn-at" data-at={sla.warnAt}>
          {sla.risk === 'at_risk'
            ? t.atRiskSince(sla.atRiskPercent, when(sla.warnAt))
            : t.atRiskAt(sla.atRiskPercent, when(sla.warnAt))}
        </div>
      ) : null}
      {sla.source === 'record' && sla.measuredAt ? (
        <div className="sr-muted" data-testid="sla-measured" data-at={sla.measuredAt}>
          {t.measuredOn(when(sla.measuredAt))}
        </div>
      ) : null}
      <div className="sr-muted" data-testid="sla-calendar" data-coverage={cal.coverage}>
        {t.calendar}
        {t.sep}
        {calendarText}
        <br />
        {t.timeZoneNote(ctx.timeZone)}
      </div>
      {sla.unmappedStatuses.length > 0 ? (
        <Message appearance="warning">
          <p>{t.unmapped(sla.unmappedStatuses.join(', '))}</p>
        </Message>
      ) : null}
    </section>
  );
}
