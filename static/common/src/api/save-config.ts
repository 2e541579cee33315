import { ADMIN, type Config, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** Saves a draft configuration when it is valid. */
export const saveConfig = (lang: Language, config: unknown) => call<Config>(ADMIN.saveConfig, { lang, config });
