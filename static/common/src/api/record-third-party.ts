import { ISSUE_PANEL, type Language, type ThirdPartyPayload } from '../../../../src/shared/contracts';
import { call } from './call';

/** Records the third party the request waits for. */
export const recordThirdParty = (lang: Language, input: Omit<ThirdPartyPayload, 'lang'>) =>
  call<null>(ISSUE_PANEL.recordThirdParty, { ...input, lang });
