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
