/**
 * The reason given for an escalation: required, at most 2,000 characters once trimmed. No import: the screens
 * use the limit too.
 */
export const MAX_REASON_LENGTH = 2000;

/**
 * The reason as given, trimmed, or null when it is empty or too long.
 * @example cleanReason('  No answer for 3 days ') //=> 'No answer for 3 days'
 */
export function cleanReason(reason: unknown): string | null {
  if (typeof reason !== 'string') return null;
  const trimmed = reason.trim();
  return trimmed.length === 0 || trimmed.length > MAX_REASON_LENGTH ? null : trimmed;
}
