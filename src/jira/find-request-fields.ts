import { route } from '@forge/api';
import { REQUEST_PARTICIPANTS_TYPE } from '../domain/request-audience';
import { requestJiraJson } from './client';

/** The ids of JSM's own custom fields on this site (each site numbers its custom fields itself). */
export interface RequestFieldIds {
  /** Organizations (`com.atlassian.servicedesk:sd-customer-organizations`). */
  organizations: string | null;
  /** Request participants (`com.atlassian.servicedesk:sd-request-participants`). */
  participants: string | null;
  /** Request Type (`com.atlassian.servicedesk:vp-origin`): its value links the request's portal page. */
  requestType: string | null;
}

const TYPES: Record<keyof RequestFieldIds, string> = {
  organizations: 'com.atlassian.servicedesk:sd-customer-organizations',
  participants: REQUEST_PARTICIPANTS_TYPE,
  requestType: 'com.atlassian.servicedesk:vp-origin',
};

/**
 * JSM's field ids (GET /rest/api/3/field, as the app), found by their types; null for a field the site has not
 * (no service project).
 * @example await findRequestFields() //=> { organizations: 'customfield_10002', participants: 'customfield_10003', requestType: 'customfield_10010' }
 */
export async function findRequestFields(): Promise<RequestFieldIds> {
  const fields = await requestJiraJson<{ id?: string; schema?: { custom?: string } }[]>(route`/rest/api/3/field`);
  const list = Array.isArray(fields) ? fields : [];
  const idOf = (type: string) => list.find((f) => f.schema?.custom === type)?.id ?? null;
  return {
    organizations: idOf(TYPES.organizations),
    participants: idOf(TYPES.participants),
    requestType: idOf(TYPES.requestType),
  };
}
