import type { Language, SlaView } from '../../../src/shared/contracts';
import { slaFigures } from '../../common/src/format';
import { statusName, type Strings } from '../../common/src/i18n';

/**
 * The panel's line under the SLA figures: when it stopped, when it breached, when the goal was used up
 * exactly (outside hours, nothing more elapses until the next working minute), or when it is expected to breach.
 * @example breachLine(runningSla, strings('en'), 'en', (iso) => iso) //=> 'Breach expected at 2024-03-04T12:00:00.000Z'
 */
export function breachLine(sla: SlaView, t: Strings, lang: Language, when: (iso: string) => string): string {
  if (sla.state === 'stopped')
    return `${t.stoppedAt(sla.stopStatus ? statusName(sla.stopStatus, lang) : '—')} ${sla.stoppedAt ? when(sla.stoppedAt) : ''}`;
  if (!sla.breachAt) return t.noBreach;
  const label = sla.breached ? t.breachAtPast : sla.remainingMs === 0 ? t.usedUpAt : t.breachAtFuture;
  return `${label} ${when(sla.breachAt)}`;
}

/** The label of the second figure: what is left while the clock can still run, the margin kept once it stopped. */
export function remainingLabel(sla: SlaView, t: Strings, overdue: boolean): string {
  if (overdue) return t.overdue;
  return sla.state === 'stopped' ? t.margin : t.remaining;
}

/**
 * The compact row's figure: how late the SLA is once past its goal, the time it took once stopped in time, or
 * what is left while it can still run (in whole minutes, as the figures behind the expander).
 * @example rowTime({ ...runningSla, elapsedMs: 3_600_000, goalMs: 14_400_000 }, strings('en')) //=> '3 h 00 min left'
 */
export function rowTime(sla: SlaView, t: Strings): string {
  const figures = slaFigures(sla.elapsedMs, sla.goalMs);
  if (figures.overdue !== null) return t.lateBy(figures.overdue);
  return sla.state === 'stopped' ? figures.elapsed : t.left(figures.remaining ?? '');
}
