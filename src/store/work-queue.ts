/**
 * The app's one queue (manifest consumer `work-consumer`): heavy or retried work leaves the 25-second
 * triggers for a consumer that may run up to 900 seconds.
 */
import { Queue } from '@forge/events';
import type { Action } from '../domain/actions';
import type { TriggerKind } from '../entry/triggers/parse-event';

export const WORK_QUEUE = 'support-rules-work';

/** Everything the consumer knows how to do. */
export type WorkItem =
  | { kind: 'actions'; actions: Action[]; attempt: number; reason: string }
  /** A product event whose request could not be loaded yet (src/entry/triggers): handled again later. */
  | { kind: 'event'; trigger: TriggerKind; payload: unknown; attempt: number; reason: string }
  /** Due requests the reminder sweep found, and the instant it swept for (epoch ms). */
  | { kind: 'sweep-batch'; issueKeys: string[]; sweptAt: number }
  /** Requests whose SLA is due a look (an alert, a threshold), from the SLA sweep. */
  | { kind: 'sla-alert-batch'; issueKeys: string[]; sweptAt: number }
  /** Requests whose SLA record must be measured again (a failed write, requests that predate the install). */
  | { kind: 'sla-refresh'; issueKeys: string[]; attempt: number }
  /** The next step of an SLA job (recompute, refresh, what-if): src/entry/consumers/run-sla-job.ts. */
  | { kind: 'sla-job'; jobKind: 'recompute' | 'refresh' | 'what-if'; jobId: string }
  /** The next step of an SLA report's reading: src/entry/shared/sla-report-job.ts. */
  | { kind: 'sla-report'; projectKey: string; from: string; to: string; jobId: string };

const queue = new Queue({ key: WORK_QUEUE });

/**
 * Pushes work for the consumer, optionally delayed (Forge allows up to 900 s).
 * @example await pushWork({ kind: 'actions', actions, attempt: 1, reason: 'GET /notify answered 503' }, 60)
 */
export async function pushWork(item: WorkItem, delayInSeconds = 0): Promise<void> {
  await queue.push({
    body: item as unknown as Record<string, unknown>,
    delayInSeconds: Math.min(Math.max(0, Math.round(delayInSeconds)), 900),
  });
}
