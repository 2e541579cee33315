import { ISSUE_PANEL, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** Closes the issue shown with the Consulting resolution. */
export const closeAsConsulting = (lang: Language) => call<null>(ISSUE_PANEL.closeAsConsulting, { lang });
