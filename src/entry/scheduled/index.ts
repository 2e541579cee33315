/**
 * The hourly scheduled trigger (manifest `reminder-sweep`): runs the reminder sweep, which pushes the due
 * requests to the queue consumer. A failure is logged; the next hour's sweep starts over or resumes its cursor.
 */
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
