// STUB (issue #6): the reminders issue fills in the sweep batch (reminders and auto-close of due requests).
export async function processSweepBatch(item: Record<string, unknown>): Promise<void> {
  console.log('[support-rules] sweep batch: not implemented yet (stub)', Object.keys(item));
}
