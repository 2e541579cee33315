/**
 * The runtime's durable inbox (table `app_events`, created by sandbox/db.ts): product events waiting for
 * their triggers and queued app events waiting for their consumers. Rows are handled in id order once due;
 * a restart picks up whatever was still pending.
 */
import type { Database } from '../db';

export type AppEventKind = 'product' | 'queue';
export type AppEventState = 'pending' | 'running' | 'done' | 'failed';

export interface AppEvent {
  id: number;
  kind: AppEventKind;
  /** The product event type, or the queue's key. */
  target: string;
  payload: unknown;
  dueAt: number;
  attempts: number;
  state: AppEventState;
}

interface Row {
  id: number;
  kind: AppEventKind;
  target: string;
  payload: string;
  due_at: number;
  attempts: number;
  state: AppEventState;
}

const fromRow = (row: Row): AppEvent => ({
  id: row.id,
  kind: row.kind,
  target: row.target,
  payload: JSON.parse(row.payload),
  dueAt: row.due_at,
  attempts: row.attempts,
  state: row.state,
});

export class AppEventStore {
  constructor(private readonly db: Database) {
    // A run interrupted by a restart is run again, as Forge redelivers an event whose invocation died.
    db.prepare(`UPDATE app_events SET state = 'pending' WHERE state = 'running'`).run();
  }

  /**
   * Adds an event, due at `dueAt`; returns its id.
   * @example events.add('queue', 'support-rules-work', { body: {} }, Date.now()) //=> 17
   */
  add(kind: AppEventKind, target: string, payload: unknown, dueAt: number): number {
    const result = this.db
      .prepare('INSERT INTO app_events (kind, target, payload, due_at) VALUES (?, ?, ?, ?)')
      .run(kind, target, JSON.stringify(payload), dueAt);
    return Number(result.lastInsertRowid);
  }

  /** The oldest pending event due at `now`, marked running. */
  takeNextDue(now: number): AppEvent | undefined {
    const row = this.db
      .prepare(`SELECT * FROM app_events WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1`)
      .get(now) as Row | undefined;
    if (!row) return undefined;
    this.db.prepare(`UPDATE app_events SET state = 'running', attempts = attempts + 1 WHERE id = ?`).run(row.id);
    return { ...fromRow(row), attempts: row.attempts + 1, state: 'running' };
  }

  finish(id: number, state: 'done' | 'failed'): void {
    this.db.prepare('UPDATE app_events SET state = ? WHERE id = ?').run(state, id);
  }

  /** Puts an event back in line, due at `dueAt`. */
  retry(id: number, dueAt: number): void {
    this.db.prepare(`UPDATE app_events SET state = 'pending', due_at = ? WHERE id = ?`).run(dueAt, id);
  }

  /** The earliest due instant of a pending event after `after` and no later than `until`, if any. */
  nextDueAfter(after: number, until: number): number | undefined {
    const next = this.db
      .prepare(`SELECT min(due_at) FROM app_events WHERE state = 'pending' AND due_at > ? AND due_at <= ?`)
      .pluck()
      .get(after, until) as number | null;
    return next ?? undefined;
  }

  /** The count of pending events due at `now` (or at any time when `now` is omitted). */
  pending(now = Number.POSITIVE_INFINITY): number {
    return this.db
      .prepare(`SELECT count(*) FROM app_events WHERE state IN ('pending', 'running') AND due_at <= ?`)
      .pluck()
      .get(now) as number;
  }

  /** The latest events, newest first (for GET /_sandbox/app-events). */
  latest(limit: number): AppEvent[] {
    return (this.db.prepare('SELECT * FROM app_events ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(fromRow);
  }

  clear(): void {
    this.db.prepare('DELETE FROM app_events').run();
  }
}
