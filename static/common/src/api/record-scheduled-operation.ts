import { ISSUE_PANEL, type Language, type ScheduledOperationPayload } from '../../../../src/shared/contracts';
import { call } from './call';

/** Records when and by whom an operation is planned. */
export const recordScheduledOperation = (lang: Language, input: Omit<ScheduledOperationPayload, 'lang'>) =>
  call<null>(ISSUE_PANEL.recordScheduledOperation, { ...input, lang });
