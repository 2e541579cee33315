// The queue consumer with @forge/kvs and @forge/events in memory: what it does with queued work while Jira refuses
// the app's hourly quota ("Build an app that respects rate limits": stop calling until the reset).
import { kvsStore, queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { executeActions } from '../shared/execute-actions';
import { handleWork } from './index';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../shared/execute-actions');

const item = { kind: 'actions' as const, actions: [], attempt: 2, reason: 'test' };

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});

it('puts queued work back until the quota resets, unchanged, without running it', async () => {
  kvsStore.set('rate-limit:quota-paused-until', Date.now() + 30 * 60_000);
  await handleWork(item);
  expect(executeActions).not.toHaveBeenCalled();
  expect(queued).toHaveLength(1);
  expect(queued[0]!.body).toEqual(item);
  // Forge delays a push by 15 minutes at most: the work comes back then and waits again.
  expect(queued[0]!.delayInSeconds).toBe(900);
});

it('runs the work once the pause is over', async () => {
  kvsStore.set('rate-limit:quota-paused-until', Date.now() - 1);
  await handleWork(item);
  expect(executeActions).toHaveBeenCalledTimes(1);
  expect(queued).toEqual([]);
});
