// Kept for the suites that imported the rules' early harness (test/e2e/reminders): it is now the sandbox itself.
export { startSandbox } from '../../../sandbox';
