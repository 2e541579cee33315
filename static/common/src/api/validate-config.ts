import { ADMIN, type Config, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** The field-level errors of a draft configuration (nothing saved). */
export const validateConfig = (lang: Language, config: unknown) => call<Config>(ADMIN.validateConfig, { lang, config });
