/**
 * The third parties a request may wait for (DESIGN.md section 1: Atlassian, an add-on vendor, a hosting company).
 * No import: the screens use it too.
 */
export const THIRD_PARTY_KINDS = ['atlassian', 'addon_vendor', 'hosting'] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];
