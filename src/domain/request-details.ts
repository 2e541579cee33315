/**
 * What the agent's panel records about a wait, in the issue property `supportRulesDetails`, so that the customer
 * is told which third party, or when and by whom an operation will be done. Pure: no I/O.
 */
import { z } from 'zod';
import { THIRD_PARTY_KINDS } from './third-party';

export const DETAILS_PROPERTY = 'supportRulesDetails';

export const requestDetailsSchema = z.object({
  thirdParty: z
    .object({
      kind: z.enum(THIRD_PARTY_KINDS),
      name: z.string().min(1).optional(),
      reference: z.string().min(1).optional(),
    })
    .optional(),
  scheduledOperation: z.object({ at: z.iso.datetime({ offset: true }), who: z.string().min(1) }).optional(),
});
export type RequestDetails = z.infer<typeof requestDetailsSchema>;

/** Who the request waits for. */
export type ThirdParty = NonNullable<RequestDetails['thirdParty']>;
/** When and by whom a planned operation happens (`at` is an ISO instant). */
export type ScheduledOperation = NonNullable<RequestDetails['scheduledOperation']>;

/**
 * The details stored on a request, or null when there are none or the value is not one the app wrote.
 * @example parseRequestDetails({ thirdParty: { kind: 'hosting' } }) //=> { thirdParty: { kind: 'hosting' } }
 */
export function parseRequestDetails(value: unknown): RequestDetails | null {
  if (value === undefined) return null;
  const parsed = requestDetailsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Merges new details into the stored property value, keeping the other kind of detail.
 * @example mergeDetails({ thirdParty: { kind: 'hosting' } }, { scheduledOperation: { at: 'x', who: 'y' } }) //=> both kept
 */
export function mergeDetails(stored: unknown, update: RequestDetails): RequestDetails {
  const base = stored && typeof stored === 'object' ? (stored as RequestDetails) : {};
  return { ...base, ...update };
}
