/**
 * The idempotency ledger: every action the app takes runs under a deterministic key, claimed atomically in
 * @forge/kvs (FAIL_IF_EXISTS), so a retried event or an overlapping sweep never acts twice. A claim whose work
 * failed for sure releases its key, so the work can be tried again. A claim whose work may have been done (Jira's
 * answer was lost) is kept as `unknown`, and a claim abandoned by a crashed or stopped invocation expires after its
 * lease: the next run takes either over *resumed*, and checks what was done before acting (execute-actions.ts).
 */
import { kvs } from '@forge/kvs';
import { FORGE_LIMITS } from '../jira/time-budget';

interface LedgerEntry {
  state: 'running' | 'done' | 'unknown';
  at: number;
  leaseUntil: number;
  /** Done without proof that it happened (an email whose answer was lost). */
  unconfirmed?: true;
}

/** What the work is told: whether an earlier run may already have done it (its answer lost, or it was cut off). */
export interface WorkContext {
  resumed: boolean;
}

/**
 * An error that says whether the work may have been done anyway: `outcomeUnknown` (keep the claim, check before
 * acting again) or `settled` (count it done: it must never run again, though it is not confirmed).
 */
interface OutcomeFlags {
  outcomeUnknown?: boolean;
  settled?: boolean;
}

export type LedgerOutcome = 'done' | 'skipped';

const PREFIX = 'ledger:';
/** A claim older than this, still 'running', was abandoned: no Forge function outlives the longest limit. */
export const LEASE_MS = FORGE_LIMITS.maxAsyncMs + 60_000;
/** How long a done key is remembered. */
const RETENTION_DAYS = 90;

/**
 * The kvs key for an action key (kvs keys allow letters, digits and `:._-#` and spaces, up to 500 characters).
 * @example ledgerKey('SUP-1:notify:status:10023') //=> 'ledger:SUP-1:notify:status:10023'
 */
export function ledgerKey(actionKey: string): string {
  return PREFIX + actionKey.replace(/[^a-zA-Z0-9:._\-#]/g, '_').slice(0, 480);
}

/**
 * Runs `work` unless the key was already done or is being done right now; `work` is told when an earlier run may
 * have done it already.
 * @example await runOnce('SUP-1:notify:created', () => send()) //=> 'done' the first time, 'skipped' after
 */
export async function runOnce(
  actionKey: string,
  work: (context: WorkContext) => Promise<void>,
  now: () => number = Date.now,
): Promise<LedgerOutcome> {
  const key = ledgerKey(actionKey);
  const claimedAt = now();
  const claim: LedgerEntry = { state: 'running', at: claimedAt, leaseUntil: claimedAt + LEASE_MS };
  let resumed = false;
  if (!(await tryClaim(key, claim))) {
    const existing = await kvs.get<LedgerEntry>(key);
    if (existing && (existing.state === 'done' || (existing.state === 'running' && existing.leaseUntil > now())))
      return 'skipped';
    // The previous claim was abandoned or its outcome is unknown (or it was just released): take it over.
    resumed = existing !== undefined;
    await kvs.set(key, claim, { ttl: { value: RETENTION_DAYS, unit: 'DAYS' }, keyPolicy: 'OVERRIDE' } as never);
  }
  try {
    await work({ resumed });
  } catch (error) {
    const flags = (error ?? {}) as OutcomeFlags;
    if (flags.settled) {
      await kvs.set(key, { state: 'done', at: now(), leaseUntil: 0, unconfirmed: true } satisfies LedgerEntry, {
        ttl: { value: RETENTION_DAYS, unit: 'DAYS' },
      });
    } else if (flags.outcomeUnknown) {
      await kvs
        .set(key, { state: 'unknown', at: now(), leaseUntil: 0 } satisfies LedgerEntry, {
          ttl: { value: RETENTION_DAYS, unit: 'DAYS' },
        })
        .catch(() => undefined);
    } else {
      await kvs.delete(key).catch(() => undefined);
    }
    throw error;
  }
  await kvs.set(key, { state: 'done', at: now(), leaseUntil: 0 } satisfies LedgerEntry, {
    ttl: { value: RETENTION_DAYS, unit: 'DAYS' },
  });
  return 'done';
}

/**
 * True when the key has been done (a read-only check: which SLA thresholds were dealt with).
 * @example await isDone('SUP-1:sla-alert:warning') //=> false
 */
export async function isDone(actionKey: string): Promise<boolean> {
  const entry = await kvs.get<LedgerEntry>(ledgerKey(actionKey));
  return entry?.state === 'done';
}

async function tryClaim(key: string, claim: LedgerEntry): Promise<boolean> {
  try {
    await kvs.set(key, claim, { ttl: { value: RETENTION_DAYS, unit: 'DAYS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

function isConflict(error: unknown): boolean {
  const e = error as { code?: string; responseDetails?: { status?: number } };
  return e?.code === 'KEY_CONFLICT' || e?.responseDetails?.status === 409;
}

/**
 * Forgets an action key, so the action runs again: for an admin resending an email kept as unconfirmed (the
 * ledger counts it done, so that nothing resends it by itself).
 * @example await forgetAction('SUP-1:notify-comment:10400')
 */
export async function forgetAction(actionKey: string): Promise<void> {
  await kvs.delete(ledgerKey(actionKey));
}
