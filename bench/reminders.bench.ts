/**
 * Reminder-sweep benchmark: 10,000 requests waiting for their customer, 1% of them due. One sweep
 * (the hourly scheduled trigger, then the consumer runs it queues) is measured in REST calls (the sandbox
 * runtime's tally) and wall time, beside a naive peer sweep that pages through every waiting request and reads
 * each one's clock. Target: at most one search page per 100 due requests plus the writes the due requests need,
 * and no read of a request that is not due.
 */
import { findStatus } from '../sandbox/site/catalog';
import { sweepReminders } from '../src';
import { naiveSweep, sweepBench, sweepReport } from './support/sweep-bench';

const WAITING = 10_000;
const DUE_EVERY = 100; // 1%
const HOUR = 3_600_000;

void sweepBench('reminders', 'reminder-sweep', async (bench) => {
  const waiting = findStatus('En attente du client')!;
  const now = Date.now();
  const seeded = bench.seed({
    count: WAITING,
    dueEvery: DUE_EVERY,
    statusId: waiting.id,
    customer: 'sandbox-customer-acme-1',
    organizationId: 1,
    summary: 'Waiting',
    since: (due) => now - (due ? 73 : 24) * HOUR,
    property: {
      key: 'supportRulesState',
      value: (since, due) => ({
        waiting: 'yes',
        waitingSince: since,
        lastActivityAt: since,
        nextDueAt: due ? now - HOUR : now + 48 * HOUR,
        stage: 0,
      }),
    },
  });

  const naive = await bench.measure(() =>
    bench.asForge(() =>
      naiveSweep<{ nextDueAt: number }>(
        `status = "${waiting.name}"`,
        'supportRulesState',
        (clock) => clock.nextDueAt <= Date.now(),
      ),
    ),
  );
  const sweep = await bench.observe(() => bench.asForge(() => sweepReminders({}, { license: { isActive: true } })));
  const reminded = (
    (await fetch(`${bench.sandbox.url}/_sandbox/outbox`).then((r) => r.json())) as { subject: string; source: string }[]
  ).filter((m) => m.source === 'app' && m.subject.includes('] Relance')).length;

  return sweepReport({
    title: `${WAITING.toLocaleString('en')} requests waiting for the customer, ${seeded.due.length} due (1%)`,
    seeded,
    sweep,
    sweepLabel: `app sweep (scheduled trigger + consumers; ${reminded} reminders sent)`,
    naive,
    naiveLabel: "naive peer (reads every waiting request's clock; sends nothing)",
    dueLabel: 'due requests',
  });
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
