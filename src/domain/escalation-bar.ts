/**
 * Whether a request may be escalated in its status: a module of its own, free of the schema library, so that the
 * screens (through src/shared/contracts.ts) ask the same rule as the escalate resolver without bundling zod, whose
 * compiled validators the Custom UI's Content Security Policy forbids (no eval).
 */
import { isDone, type CanonicalStatus } from './workflow';

/** Why a request may not be escalated now: it is finished (resolved or closed). */
export type EscalationBar = 'request_done';

/**
 * Whether a request in this canonical status (read through the configured status mapping) may be escalated now,
 * for customers and agents alike: not once it is resolved or closed (escalation speeds up a request still being
 * handled; reopened, it may be escalated again). A status the mapping does not know is treated as open: the
 * escalation is then still offered, as for any request in progress.
 * @example escalationBar('closed') //=> 'request_done'
 * @example escalationBar('in_progress') //=> null
 */
export function escalationBar(status: CanonicalStatus | null | undefined): EscalationBar | null {
  return isDone(status) ? 'request_done' : null;
}
