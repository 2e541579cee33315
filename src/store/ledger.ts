/**
 * The idempotency ledger: every action the app takes runs under a deterministic key, claimed atomically in
 * @forge/kvs (FAIL_IF_EXISTS), so a retried event or an overlapping sweep never acts twice. A claim that
 * fails releases its key, so the work can be tried again; a claim abandoned by a crashed invocation
 * expires after its lease.
 */
import { kvs } from '@forge/kvs';
import { FORGE_LIMITS } from '../jira/time-budget';

interface LedgerEntry {
  state: 'running' | 'done';
  at: number;
  leaseUntil: number;
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
 * Runs `work` unless the key was already done or is being done right now.
 * @example await runOnce('SUP-1:notify:created', () => send()) //=> 'done' the first time, 'skipped' after
 */
export async function runOnce(
  actionKey: string,
  work: () => Promise<void>,
  now: () => number = Date.now,
): Promise<LedgerOutcome> {
  const key = ledgerKey(actionKey);
  const claimedAt = now();
  const claim: LedgerEntry = { state: 'running', at: claimedAt, leaseUntil: claimedAt + LEASE_MS };
  if (!(await tryClaim(key, claim))) {
    const existing = await kvs.get<LedgerEntry>(key);
    if (existing && (existing.state === 'done' || existing.leaseUntil > now())) return 'skipped';
    // The previous claim was abandoned (or just released): take it over.
    await kvs.set(key, claim, { ttl: { value: RETENTION_DAYS, unit: 'DAYS' }, keyPolicy: 'OVERRIDE' } as never);
  }
  try {
    await work();
  } catch (error) {
    await kvs.delete(key).catch(() => undefined);
    throw error;
  }
  await kvs.set(key, { state: 'done', at: now(), leaseUntil: 0 } satisfies LedgerEntry, {
    ttl: { value: RETENTION_DAYS, unit: 'DAYS' },
  });
  return 'done';
}

/**
 * True when the key has been done (for read-only checks such as "already escalated").
 * @example await isDone('SUP-1:escalate') //=> false
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
