import { ISSUE_PANEL, type EscalationView, type Language } from '../../../../src/shared/contracts';
import { call } from './call';

/** Escalates the request shown (the issue panel and the portal resolvers both name it so). */
export const escalateRequest = (lang: Language, reason: string) =>
  call<EscalationView>(ISSUE_PANEL.escalate, { lang, reason });
