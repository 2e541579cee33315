import { stubHandler } from '../stub';

// STUB (issue #5): the rules run here.
export const onRequestCreated = stubHandler('onRequestCreated');
export const onRequestUpdated = stubHandler('onRequestUpdated');
export const onRequestCommented = stubHandler('onRequestCommented');
