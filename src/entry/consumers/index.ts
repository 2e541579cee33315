/**
 * The queue consumer (manifest `work-consumer`): one resolver method, `work`, dispatching on the item's kind.
 */
import Resolver from '@forge/resolver';
import { requeueDelaySeconds } from '../../domain/pacing';
import { quotaPausedUntil } from '../../store/quota-pause';
import { pushWork, type WorkItem } from '../../store/work-queue';
import { loadConfig } from '../../store/config-store';
import { executeActions } from '../shared/execute-actions';
import { handleRequestEvent } from '../triggers/handle-event';
import { processSlaAlertBatch } from './process-sla-alerts';
import { processSweepBatch } from './process-sweep-batch';
import { runSlaJobStep } from './run-sla-job';
import { refreshSlaRecords } from '../shared/sla-record';
import { continueSlaReport } from '../shared/sla-report-job';

const KINDS: ReadonlySet<string> = new Set<WorkItem['kind']>([
  'actions',
  'event',
  'sweep-batch',
  'sla-alert-batch',
  'sla-refresh',
  'sla-job',
  'sla-report',
]);

/**
 * While Jira refuses the app's hourly quota, queued work makes no call: it goes back to the queue until the reset
 * (true when it did).
 */
async function waitsForQuota(work: WorkItem): Promise<boolean> {
  const pausedForMs = (await quotaPausedUntil()) - Date.now();
  if (pausedForMs <= 0) return false;
  await pushWork(work, requeueDelaySeconds(0, pausedForMs));
  console.info(
    `[support-rules] work-consumer: ${work.kind} waits for Jira's hourly quota (${Math.ceil(pausedForMs / 1000)} s)`,
  );
  return true;
}

/**
 * Handles one queued item; an unknown or malformed item is logged with the reason and dropped from the
 * queue (retrying it could never succeed), never thrown.
 * @example await handleWork({ kind: 'actions', actions: [], attempt: 1, reason: 'test' })
 */
export async function handleWork(item: unknown): Promise<void> {
  const work = item as WorkItem | undefined;
  if (work && KINDS.has(work.kind) && (await waitsForQuota(work))) return;
  switch (work?.kind) {
    case 'actions':
      if (!Array.isArray(work.actions)) break;
      await executeActions(work.actions, await loadConfig(), Number(work.attempt) || 0);
      return;
    case 'event':
      await handleRequestEvent(work.trigger, work.payload, { attempt: Number(work.attempt) || 0 });
      return;
    case 'sweep-batch':
      await processSweepBatch(work);
      return;
    case 'sla-alert-batch':
      await processSlaAlertBatch(work);
      return;
    case 'sla-refresh':
      if (!Array.isArray(work.issueKeys)) break;
      await refreshSlaRecords(
        work.issueKeys.filter((k): k is string => typeof k === 'string'),
        await loadConfig(),
        Number(work.attempt) || 0,
      );
      return;
    case 'sla-job':
      await runSlaJobStep(work);
      return;
    case 'sla-report':
      await continueSlaReport(work);
      return;
  }
  console.error('[support-rules] work-consumer: ignored a malformed queue item:', JSON.stringify(item)?.slice(0, 500));
}

const resolver = new Resolver();
resolver.define('work', async ({ payload }) => {
  await handleWork(payload);
});

export const consumeWork = resolver.getDefinitions();
