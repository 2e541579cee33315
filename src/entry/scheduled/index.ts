import { stubHandler } from '../stub';

// STUB (issue #6): the hourly reminder sweep.
export const sweepReminders = stubHandler('sweepReminders');
