import type { IssuePanelView, SlaView } from '../../../src/shared/contracts';
import { formatDuration, formatInstant, slaFigures } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Lozenge, Message } from '../../common/src/status-ui';
import { breachLine, remainingLabel, rowTime } from './sla-lines';
import { Timeline } from './Timeline';

const VERDICT_APPEARANCE = { on_track: 'success', at_risk: 'moved', breached: 'removed', met: 'success' } as const;

/**
 * The response SLA in one compact row (its state, what is left or how late it is, the goal, the verdict), and
 * behind an expander its figures, the breach instant in the agent's time zone, the calendar and the timeline.
 */
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
  // A stopped SLA shows its outcome; a paused one, or a running one outside the contract's working hours, a pause (as
  // JSM shows it, coloured by its urgency); a running one a clock, or a cross once late.
  const icon =
    sla.state === 'stopped'
      ? verdict === 'breached'
        ? 'breached'
        : 'met'
      : sla.state === 'paused'
        ? 'paused'
        : sla.offHoursNow
          ? 'off_hours'
          : verdict === 'breached'
            ? 'breached'
            : 'running';
  const urgency =
    overdue || verdict === 'breached'
      ? 'var(--ds-text-danger)'
      : verdict === 'at_risk'
        ? 'var(--ds-text-warning)'
        : undefined;
  return (
    <section className="sr-stack" aria-label={t.slaTitle}>
      {/* One compact row, as JSM shows an SLA: its state as an icon, what is left (or how late), the goal. */}
      <div className="sr-sla-row" data-testid="sla-row" data-verdict={verdict}>
        <span className="sr-sla-icon" data-testid="sla-state" data-state={sla.state} data-icon={icon}>
          <SlaIcon kind={icon} verdict={verdict} />
          <span className="sr-visually-hidden">{sla.offHoursNow ? t.stateOffHours : t.state[sla.state]}</span>
        </span>
        <span className="sr-sla-time" data-testid="sla-row-time" data-urgency={verdict} style={{ color: urgency }}>
          {rowTime(sla, t)}
        </span>
        <span className="sr-muted sr-nowrap">{t.goalOf(formatDuration(sla.goalMs))}</span>
        {sla.offHoursNow ? (
          <span className="sr-muted sr-nowrap" data-testid="sla-off-hours" aria-hidden="true">
            {t.offHoursNow}
          </span>
        ) : null}
        <span data-testid="sla-verdict" data-verdict={verdict} className="sr-sla-verdict">
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
      <details className="sr-sla-details" data-testid="sla-details">
        <summary>{t.slaDetails}</summary>
        <div className="sr-stack">
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
          <Timeline sla={sla} now={view.now} ctx={ctx} />
        </div>
      </details>
      {sla.unmappedStatuses.length > 0 ? (
        <Message appearance="warning">
          <p>{t.unmapped(sla.unmappedStatuses.join(', '))}</p>
        </Message>
      ) : null}
    </section>
  );
}

/**
 * The SLA's state as JSM draws it: a clock while it runs, a pause sign while paused or outside working hours, a
 * tick when met, a cross when late; an SLA at risk takes the warning colour, a late one the danger colour.
 */
function SlaIcon({
  kind,
  verdict,
}: {
  kind: 'running' | 'paused' | 'off_hours' | 'met' | 'breached';
  verdict: SlaView['risk'];
}) {
  const pause = 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm-2.5 4.5h2v7h-2zm3 0h2v7h-2z';
  const path = {
    running: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12zm-1 2v5l4 2.3.8-1.5-2.8-1.6V8z',
    paused: pause,
    off_hours: pause,
    met: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm-1.2 11.2-3.5-3.5 1.4-1.4 2.1 2.1 4.6-4.6 1.4 1.4z',
    breached: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm-1 3.5h2v6h-2zm0 7.5h2v2h-2z',
  }[kind];
  const colour =
    verdict === 'at_risk'
      ? 'var(--ds-icon-warning, #e2b203)'
      : verdict === 'breached'
        ? 'var(--ds-icon-danger, #e34935)'
        : {
            running: 'var(--ds-icon-information, #1d7afc)',
            paused: 'var(--ds-icon-subtle, #626f86)',
            off_hours: 'var(--ds-icon-subtle, #626f86)',
            met: 'var(--ds-icon-success, #22a06b)',
            breached: 'var(--ds-icon-danger, #e34935)',
          }[kind];
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" style={{ fill: colour }}>
      <path d={path} fillRule="evenodd" />
    </svg>
  );
}
