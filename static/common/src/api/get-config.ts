import { ADMIN, type ConfigView, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** The configuration in force. */
export const getConfig = (lang: Language) => call<ConfigView>(ADMIN.getConfig, { lang });
