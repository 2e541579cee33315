/**
 * The scheduled triggers: the hourly reminder sweep (manifest `reminder-sweep`) and the five-minute SLA sweep
 * (manifest `sla-alert-sweep`). Each pushes the requests due to the queue consumer; a failure is logged, and the
 * next run starts over or resumes its cursor. While Jira refuses the app's hourly quota, a run makes no call and
 * leaves its work to the first run after the reset.
 */
import { pauseIfQuotaRefused, quotaPausedUntil } from '../../store/quota-pause';
import { runSlaSweep } from './run-sla-sweep';
import { runSweep } from './run-sweep';

/** True (and logged) when the app must not call Jira now: its hourly quota is spent until the reset. */
async function quotaSpent(sweep: string): Promise<boolean> {
  const until = await quotaPausedUntil();
  if (until <= Date.now()) return false;
  console.info(
    `[support-rules] ${sweep}: skipped, Jira's hourly quota is spent until ${new Date(until).toISOString()}`,
  );
  return true;
}

export async function sweepReminders(): Promise<void> {
  if (await quotaSpent('sweep')) return;
  try {
    const report = await runSweep();
    console.log(
      `[support-rules] sweep: ${report.due} due request(s) in ${report.pages} page(s), ${report.batches} batch(es)${report.finished ? '' : '; resumes next hour'}`,
    );
  } catch (error) {
    await pauseIfQuotaRefused(error, Date.now());
    console.error(`[support-rules] sweep failed: ${(error as Error).message}`);
  }
}

export async function sweepSlaAlerts(): Promise<void> {
  if (await quotaSpent('SLA sweep')) return;
  try {
    const report = await runSlaSweep();
    // Every five minutes: a run that found nothing to do says nothing.
    if (report.due === 0 && report.unrecorded === 0 && report.finished) return;
    console.log(
      `[support-rules] SLA sweep: ${report.due} request(s) due a look, ${report.unrecorded} without a record, in ${report.pages} page(s), ${report.batches} batch(es)${report.finished ? '' : '; resumes at the next run'}`,
    );
  } catch (error) {
    await pauseIfQuotaRefused(error, Date.now());
    console.error(`[support-rules] SLA sweep failed: ${(error as Error).message}`);
  }
}
