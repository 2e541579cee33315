/**
 * The scheduled triggers: the hourly reminder sweep (manifest `reminder-sweep`) and the five-minute SLA sweep
 * (manifest `sla-alert-sweep`). Each pushes the requests due to the queue consumer; a failure is logged, and the
 * next run starts over or resumes its cursor.
 */
import { runSlaSweep } from './run-sla-sweep';
import { runSweep } from './run-sweep';

export async function sweepReminders(): Promise<void> {
  try {
    const report = await runSweep();
    console.log(
      `[support-rules] sweep: ${report.due} due request(s) in ${report.pages} page(s), ${report.batches} batch(es)${report.finished ? '' : '; resumes next hour'}`,
    );
  } catch (error) {
    console.error(`[support-rules] sweep failed: ${(error as Error).message}`);
  }
}

export async function sweepSlaAlerts(): Promise<void> {
  try {
    const report = await runSlaSweep();
    // Every five minutes: a run that found nothing to do says nothing.
    if (report.due === 0 && report.unrecorded === 0 && report.finished) return;
    console.log(
      `[support-rules] SLA sweep: ${report.due} request(s) due a look, ${report.unrecorded} without a record, in ${report.pages} page(s), ${report.batches} batch(es)${report.finished ? '' : '; resumes at the next run'}`,
    );
  } catch (error) {
    console.error(`[support-rules] SLA sweep failed: ${(error as Error).message}`);
  }
}
