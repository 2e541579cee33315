import { stubHandler } from '../stub';

// STUB (issues #5, #6): the queue consumer.
export const consumeWork = stubHandler('consumeWork');
