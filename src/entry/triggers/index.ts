/**
 * The product-event triggers (manifest `request-created`, `request-updated`, `request-commented`): each one
 * hands its event to the shared pipeline of handle-event.ts.
 */
import { handleRequestEvent } from './handle-event';

export const onRequestCreated = async (event: unknown): Promise<void> =>
  void (await handleRequestEvent('created', event));
export const onRequestUpdated = async (event: unknown): Promise<void> =>
  void (await handleRequestEvent('updated', event));
export const onRequestCommented = async (event: unknown): Promise<void> =>
  void (await handleRequestEvent('commented', event));
