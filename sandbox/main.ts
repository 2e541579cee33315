/**
 * `npm start`: the sandbox on 127.0.0.1 (port from PORT, default 3000), with the demo data.
 * Options: --reset (wipe and reseed), --faults <fraction>, --duplicate-events <fraction>, --lost-responses
 * <fraction>, --timeouts-after-write, --seed <n>, --search-lag-ms <ms>, --rate-limits (Jira's documented limits), --points-per-hour <n>,
 * --burst-rps <n>, --issue-writes <n per 2 s> (each turns the rate limits on with that one changed), --unlicensed,
 * --no-customer-notifications (JSM's own customer notifications off in every service project; on by default, as a
 * new JSM project ships them).
 * SANDBOX_FAULTS sets --faults from the environment.
 */
import { parseArgs } from 'util';
import { startSandbox } from './index';
import { CUSTOMER_NOTIFICATIONS } from './site';

const DEFAULT_PORT = 3000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      faults: { type: 'string' },
      'duplicate-events': { type: 'string' },
      seed: { type: 'string' },
      'search-lag-ms': { type: 'string' },
      'lost-responses': { type: 'string' },
      'timeouts-after-write': { type: 'boolean', default: false },
      'rate-limits': { type: 'boolean', default: false },
      'points-per-hour': { type: 'string' },
      'burst-rps': { type: 'string' },
      'issue-writes': { type: 'string' },
      unlicensed: { type: 'boolean', default: false },
      'no-customer-notifications': { type: 'boolean', default: false },
    },
  });
  const fraction = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1)
      throw new Error(`--${name} takes a fraction between 0 and 1, not "${value}"`);
    return n;
  };
  const milliseconds = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} takes a whole number of milliseconds, not "${value}"`);
    return n;
  };
  const count = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of 1 or more, not "${value}"`);
    return n;
  };
  const hourlyPoints = count(values['points-per-hour'], 'points-per-hour');
  const burstPerSecond = count(values['burst-rps'], 'burst-rps');
  const issueWrites = count(values['issue-writes'], 'issue-writes');
  const rateLimits =
    values['rate-limits'] || hourlyPoints || burstPerSecond || issueWrites
      ? {
          hourlyPoints,
          burstPerSecond,
          issueWrites: issueWrites ? { short: { count: issueWrites, windowMs: 2_000 } } : undefined,
        }
      : undefined;
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const faults = fraction(values.faults ?? process.env.SANDBOX_FAULTS, 'faults');
  const sandbox = await startSandbox({
    port,
    reset: values.reset,
    faults,
    duplicateEvents: fraction(values['duplicate-events'], 'duplicate-events'),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    searchLagMs: milliseconds(values['search-lag-ms'], 'search-lag-ms'),
    lostResponses: fraction(values['lost-responses'], 'lost-responses'),
    timeoutsAfterWrite: values['timeouts-after-write'],
    rateLimits,
    unlicensed: values.unlicensed,
    customerNotifications: values['no-customer-notifications']
      ? Object.fromEntries(CUSTOMER_NOTIFICATIONS.map((n) => [n, false]))
      : undefined,
  });
  const users = (await (await fetch(`${sandbox.url}/_sandbox/users`)).json()) as Array<{
    emailAddress: string;
    displayName: string;
    role: string;
    organization: string | null;
  }>;
  console.log(`\nSupport Rules sandbox: ${sandbox.url}\n`);
  console.log('Demo accounts (REST: HTTP Basic <email>:anything; pages: pick one in the header):');
  for (const u of users)
    console.log(
      `  ${u.role.padEnd(14)} ${u.emailAddress.padEnd(28)} ${u.displayName}${u.organization ? ` (${u.organization})` : ''}`,
    );
  if (faults) console.log(`\nFaults: ${faults * 100}% of the app's REST calls answer 429, 500 or time out.`);
  if (rateLimits) console.log("Rate limits: on (GET /_sandbox/stats counts the app's calls and points).");
  console.log('\nCtrl+C stops it; the state stays in .sandbox-data/ (npm start -- --reset reseeds).');
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
