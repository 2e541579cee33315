import type { SlaView } from '../../../src/shared/contracts';
import { formatDuration, formatInstant, timelineBar } from '../../common/src/format';
import { statusName, strings, type Strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';

type ClockKind = SlaView['clock'][number]['kind'];

const SWATCH: Record<ClockKind, string> = {
  running: 'var(--ds-background-information-bold)',
  paused: 'var(--ds-background-warning-bold)',
  off_hours: 'var(--ds-background-accent-gray-subtle, #8590a2)',
};

function kindText(kind: ClockKind, t: Strings): string {
  return kind === 'running' ? t.timelineRunning : kind === 'paused' ? t.timelinePaused : t.timelineOffHours;
}

/**
 * A bar of the SLA clock's stretches (running, paused, or standing still outside the contract's working hours),
 * a key of the kinds drawn, and the periods of the timeline as a list, each with its status; a running period that
 * crossed nights or week-ends says how much of it counted.
 */
export function Timeline({ sla, now, ctx }: { sla: SlaView; now: string; ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const segments = timelineBar(sla.clock, now);
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  const name = (i: number) => {
    const p = sla.timeline[i]!;
    return p.status ? statusName(p.status, ctx.lang) : p.statusName;
  };
  const periods = sla.timeline.map((p, i) => {
    const stretches = sla.clock.filter((s) => s.period === i);
    const length = (kind: ClockKind) =>
      stretches.filter((s) => s.kind === kind).reduce((sum, s) => sum + Date.parse(s.to) - Date.parse(s.from), 0);
    const still = length('off_hours');
    const detail =
      p.kind === 'running' && still > 0
        ? t.timelineCounted(formatDuration(length('running')), formatDuration(still))
        : null;
    const summary = [name(i), p.kind === 'running' ? t.timelineRunning : t.timelinePaused, detail]
      .filter(Boolean)
      .join(', ');
    return { period: p, index: i, detail, summary };
  });
  const kinds = (['running', 'paused', 'off_hours'] as const).filter((k) => sla.clock.some((s) => s.kind === k));
  return (
    <section aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="sr-subheading">
        {t.timeline}
      </h2>
      <div className="sr-bar" role="img" aria-label={periods.map((p) => p.summary).join('; ')}>
        {segments.map((s) => (
          <div
            key={s.from}
            className="sr-seg"
            data-kind={s.kind}
            data-testid="timeline-segment"
            data-from={s.from}
            data-to={s.to}
            title={`${name(s.period)} — ${kindText(s.kind, t)} · ${when(s.from)} → ${when(s.to)}`}
            style={{ left: `${s.left}%`, width: `${Math.max(s.width, 0.5)}%` }}
          />
        ))}
      </div>
      <ul className="sr-legend sr-legend-key" data-testid="timeline-key">
        {kinds.map((kind) => (
          <li key={kind} data-key-kind={kind}>
            <span className="sr-swatch" style={{ background: SWATCH[kind] }} />
            <span>{kindText(kind, t)}</span>
          </li>
        ))}
      </ul>
      <ul className="sr-legend">
        {periods.map(({ period, index, detail }) => (
          <li key={period.from} data-kind={period.kind} data-testid="timeline-period">
            <span className="sr-swatch" style={{ background: SWATCH[period.kind] }} />
            <span>
              {name(index)} · {period.kind === 'running' ? t.timelineRunning : t.timelinePaused} · {when(period.from)} →{' '}
              {period.to ? when(period.to) : '…'}
              {detail ? <span data-testid="timeline-counted"> · {detail}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
