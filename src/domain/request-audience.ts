/**
 * Who the customer portal shows a request to, beside the support team: its reporter, its participants, and the
 * members of an organization the request is shared with (JSM shows a customer their organization's requests).
 * The one home of that rule: the portal's view and escalation both ask it.
 */

/** How a customer is related to a request, or null when they are not. */
export type PortalRelation = 'reporter' | 'participant' | 'organization';

export interface RequestPeople {
  reporterId: string | null;
  participantIds: readonly string[];
  /** The organizations the request is shared with (its Organizations field). */
  organizationIds: readonly string[];
}

/**
 * How `accountId` is related to the request, or null (anyone else, whatever else they are).
 * @example portalRelation('c1', { reporterId: 'c2', participantIds: [], organizationIds: ['7'] }, ['7']) //=> 'organization'
 * @example portalRelation('c3', { reporterId: 'c2', participantIds: [], organizationIds: ['7'] }, ['8']) //=> null
 */
export function portalRelation(
  accountId: string,
  people: RequestPeople,
  callerOrganizationIds: readonly string[],
): PortalRelation | null {
  if (accountId === '') return null;
  if (people.reporterId === accountId) return 'reporter';
  if (people.participantIds.includes(accountId)) return 'participant';
  if (people.organizationIds.some((id) => callerOrganizationIds.includes(id))) return 'organization';
  return null;
}

/** JSM's Request participants field: a custom field, found by its type (its id differs from site to site). */
export const REQUEST_PARTICIPANTS_TYPE = 'com.atlassian.servicedesk:sd-request-participants';

/**
 * The account ids in a request's Request participants field, as an issue read with `expand=schema` holds it (a list
 * of users, null when nobody was added); null when the read does not hold the field or holds something else there:
 * the caller then asks JSM for the participants.
 * @example participantIdsOf({ fields: { customfield_10003: [{ accountId: 'c-2' }] }, schema: { customfield_10003: { custom: REQUEST_PARTICIPANTS_TYPE } } }) //=> ['c-2']
 */
export function participantIdsOf(issue: {
  fields?: Record<string, unknown>;
  schema?: Record<string, { custom?: string } | undefined>;
}): string[] | null {
  for (const [fieldId, schema] of Object.entries(issue.schema ?? {})) {
    if (schema?.custom !== REQUEST_PARTICIPANTS_TYPE) continue;
    const value = issue.fields?.[fieldId];
    if (value === null) return [];
    if (!Array.isArray(value)) return null;
    const ids: string[] = [];
    for (const user of value) {
      const accountId = (user as { accountId?: unknown } | null)?.accountId;
      if (typeof accountId !== 'string') return null;
      ids.push(accountId);
    }
    return ids;
  }
  return null;
}
