import { ADMIN, type Config, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** Imports (validates, then saves) a configuration file's text. */
export const importConfig = (lang: Language, json: string) => call<Config>(ADMIN.importConfig, { lang, json });
