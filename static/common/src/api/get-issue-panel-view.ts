import { ISSUE_PANEL, type IssuePanelView, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** The agent panel's data for the issue shown. */
export const getIssuePanelView = (lang: Language) => call<IssuePanelView>(ISSUE_PANEL.getView, { lang });
