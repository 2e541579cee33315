import { ADMIN, type Language, type SetupCheck } from '../../../../src/shared/contracts';
import { call } from './call';

/** What the site lacks for the configuration in force. */
export const setupCheck = (lang: Language) => call<SetupCheck>(ADMIN.setupCheck, { lang });
