import type { SlaView } from '../../../src/shared/contracts';
import { formatInstant, timelineBar } from '../../common/src/format';
import { statusName, strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';

/** A bar of the periods the SLA clock ran and was paused, each with its status, and the same as a list. */
export function Timeline({ sla, now, ctx }: { sla: SlaView; now: string; ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const segments = timelineBar(sla.timeline, now);
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  const name = (i: number) => {
    const p = sla.timeline[i]!;
    return p.status ? statusName(p.status, ctx.lang) : p.statusName;
  };
  return (
    <section aria-labelledby="timeline-title" data-testid="timeline">
      <h3 id="timeline-title">{t.timeline}</h3>
      <div
        className="sr-bar"
        role="img"
        aria-label={segments
          .map((s, i) => `${name(i)}: ${s.kind === 'running' ? t.timelineRunning : t.timelinePaused}`)
          .join('; ')}
      >
        {segments.map((s, i) => (
          <div
            key={s.from}
            className="sr-seg"
            data-kind={s.kind}
            data-testid="timeline-segment"
            title={`${name(i)} — ${s.kind === 'running' ? t.timelineRunning : t.timelinePaused}`}
            style={{ left: `${s.left}%`, width: `${Math.max(s.width, 0.5)}%` }}
          />
        ))}
      </div>
      <ul className="sr-legend">
        {segments.map((s, i) => (
          <li key={s.from} data-kind={s.kind}>
            <span
              className="sr-swatch"
              style={{
                background:
                  s.kind === 'running' ? 'var(--ds-background-information-bold)' : 'var(--ds-background-warning-bold)',
              }}
            />
            <span>
              {name(i)} · {s.kind === 'running' ? t.timelineRunning : t.timelinePaused} · {when(s.from)} →{' '}
              {sla.timeline[i]!.to ? when(s.to) : '…'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
