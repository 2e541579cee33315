/**
 * The states of an SLA in the at-risk queue, and the queue's "no assignee" filter value. Imports nothing, so the
 * Custom UI bundles take them through src/shared/contracts.ts at no cost.
 */

/** Where a queued SLA stands: past its goal, paused (within it), past the at-risk share, or on track. */
export type QueueState = 'breached' | 'at_risk' | 'on_track' | 'paused';

export const QUEUE_STATES = ['breached', 'at_risk', 'on_track', 'paused'] as const satisfies readonly QueueState[];

/** The assignee filter's value for requests nobody is assigned. */
export const UNASSIGNED = 'unassigned';
