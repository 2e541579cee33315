/**
 * JSM's field ids on this site (Organizations, Request participants, Request Type), kept a day in @forge/kvs, so
 * that a request is read in one call that names them (`fields=`) instead of one call per JSM resource.
 */
import { kvs } from '@forge/kvs';
import { findRequestFields, type RequestFieldIds } from '../jira/find-request-fields';

const KEY = 'jira:request-fields';

/**
 * The field ids, from the cache or else from Jira (GET /rest/api/3/field, at most once a day).
 * @example (await requestFieldIds()).participants //=> 'customfield_10003'
 */
export async function requestFieldIds(): Promise<RequestFieldIds> {
  const kept = await kvs.get<RequestFieldIds>(KEY).catch(() => undefined);
  if (kept && 'requestType' in kept) return kept;
  const ids = await findRequestFields();
  await kvs.set(KEY, ids, { ttl: { value: 1, unit: 'DAYS' } }).catch(() => undefined);
  return ids;
}
