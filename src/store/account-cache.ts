/**
 * People's accounts as the rules read them (type, display name, locale), kept a day in @forge/kvs: the triggers tell
 * the support team from customers and pick a customer's language on every event, and an account changes seldom,
 * so one GET /rest/api/3/user a day per person serves them all ("Build an app that respects rate limits":
 * cache what changes rarely). Nothing else is kept (no email address). A locale changed in Jira is followed within
 * the day.
 */
import { kvs } from '@forge/kvs';
import type { Person } from '../domain/request';
import { getUser } from '../jira/get-user';

const PREFIX = 'account:';
/** How long an account is kept before it is read again. */
export const ACCOUNT_TTL_HOURS = 24;

type CachedAccount = Pick<Person, 'accountId' | 'displayName' | 'accountType' | 'locale'>;

/**
 * The account (type, display name, locale), from the cache or else from Jira; null when it does not exist.
 * A cache that cannot be read or written never stops the work: Jira answers instead.
 * @example (await cachedAccount('5b10a2844c20165700ede21g'))?.locale //=> 'fr_FR'
 */
export async function cachedAccount(accountId: string): Promise<CachedAccount | null> {
  const key = PREFIX + accountId.replace(/[^a-zA-Z0-9:._\-#]/g, '_');
  const kept = await kvs.get<CachedAccount>(key).catch(() => undefined);
  if (kept?.accountId === accountId) return kept;
  const user = await getUser(accountId);
  if (!user) return null;
  const account: CachedAccount = {
    accountId: user.accountId,
    displayName: user.displayName,
    accountType: user.accountType,
    locale: user.locale ?? null,
  };
  await kvs.set(key, account, { ttl: { value: ACCOUNT_TTL_HOURS, unit: 'HOURS' } }).catch(() => undefined);
  return account;
}
