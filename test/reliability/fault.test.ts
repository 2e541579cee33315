/**
 * Fault suite: the rules and reminders stories run twice, once on a clean sandbox and once with a fifth of the
 * app's REST calls failing (429 with Retry-After, 500, timeouts) and a fifth of the product events delivered
 * twice. The final statuses, comments, records and outbox are the same, with no duplicate.
 */
import { ALL_SCENARIOS, duplicates, runScenarios, withSandbox, type FinalState } from './scenarios';

let clean: FinalState;
let faulty: FinalState;
let faultsInjected = 0;

beforeAll(async () => {
  // The app logs every retry and re-queue: keep the test output to the results.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  clean = await withSandbox({}, (world) => runScenarios(world, ALL_SCENARIOS));
  faulty = await withSandbox({ faults: 0.2, duplicateEvents: 0.2, seed: 8 }, async (world) => {
    const state = await runScenarios(world, ALL_SCENARIOS);
    faultsInjected = world.site.runtime.calls.filter((c) => c.fault !== undefined).length;
    return state;
  });
}, 240_000);

afterAll(() => jest.restoreAllMocks());

describe('with a fifth of the calls failing and a fifth of the events delivered twice', () => {
  it('actually injected faults', () => {
    expect(faultsInjected).toBeGreaterThan(0);
  });

  it('the clean run did what the stories promise', () => {
    // Guards the comparison against an empty or broken clean run.
    expect(clean.requests.map((r) => r.status)).toEqual(['Fermée', 'En cours', 'Soumise', 'Fermée']);
    expect(clean.outbox.length).toBeGreaterThanOrEqual(12);
    expect(clean.requests[3]!.comments.filter((c) => c.startsWith('public:'))).toHaveLength(4);
  });

  it('ends with the same statuses, resolutions, comments and records', () => {
    expect(faulty.requests).toEqual(clean.requests);
  });

  it('sends the same emails, none twice', () => {
    expect(duplicates(faulty.outbox)).toEqual([]);
    expect(faulty.outbox).toEqual(clean.outbox);
  });
});
