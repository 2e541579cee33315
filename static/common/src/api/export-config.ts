import { ADMIN, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** The configuration in force as a JSON file's text. */
export const exportConfig = (lang: Language) => call<{ json: string; fileName: string }>(ADMIN.exportConfig, { lang });
