/**
 * Scheduled triggers on the sandbox clock. Each trigger remembers when it last fired (table `scheduler`,
 * created by sandbox/db.ts); the occurrences due are every interval since then, in time order across triggers,
 * so a clock moved by 72 hours fires an hourly trigger 72 times, each at its own instant.
 */
import type { Database } from '../db';
import { INTERVAL_MS, type ScheduledTriggerModule } from './manifest';

export interface Occurrence {
  trigger: ScheduledTriggerModule;
  at: number;
}

export class Scheduler {
  constructor(
    private readonly db: Database,
    private readonly triggers: readonly ScheduledTriggerModule[],
  ) {}

  /** Starts the count for triggers never seen: their first occurrence is one interval after `now`. */
  init(now: number): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO scheduler (trigger_key, last_fired_ms) VALUES (?, ?)');
    for (const trigger of this.triggers) insert.run(trigger.key, now);
  }

  /**
   * Every occurrence due up to `until`, in time order (ties: manifest order).
   * @example scheduler.due(now + 2 * 3_600_000).map((o) => o.trigger.key) //=> ['reminder-sweep', 'reminder-sweep']
   */
  due(until: number): Occurrence[] {
    const last = this.db.prepare('SELECT last_fired_ms FROM scheduler WHERE trigger_key = ?').pluck();
    const occurrences = this.triggers.flatMap((trigger, order) => {
      const step = INTERVAL_MS[trigger.interval];
      const from = (last.get(trigger.key) as number | undefined) ?? until;
      const list: Array<Occurrence & { order: number }> = [];
      for (let at = from + step; at <= until; at += step) list.push({ trigger, at, order });
      return list;
    });
    return occurrences.sort((a, b) => a.at - b.at || a.order - b.order).map(({ trigger, at }) => ({ trigger, at }));
  }

  /**
   * The earliest occurrence due up to `until` (ties: manifest order), or undefined: {@link due}'s first, without
   * listing the others.
   * @example scheduler.next(now + 2 * 3_600_000)?.trigger.key //=> 'reminder-sweep'
   */
  next(until: number): Occurrence | undefined {
    const last = this.db.prepare('SELECT last_fired_ms FROM scheduler WHERE trigger_key = ?').pluck();
    let best: Occurrence | undefined;
    for (const trigger of this.triggers) {
      const at = ((last.get(trigger.key) as number | undefined) ?? until) + INTERVAL_MS[trigger.interval];
      if (at <= until && (best === undefined || at < best.at)) best = { trigger, at };
    }
    return best;
  }

  fired(occurrence: Occurrence): void {
    this.db
      .prepare('UPDATE scheduler SET last_fired_ms = ? WHERE trigger_key = ?')
      .run(occurrence.at, occurrence.trigger.key);
  }
}
