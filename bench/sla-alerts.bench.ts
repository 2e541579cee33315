/**
 * SLA alert sweep benchmark: 10,000 open requests with their SLA record, 1% of them due a look (past 75 % of their
 * 4-hour goal, 24/7 contract). One sweep (the five-minute scheduled trigger, then the consumer runs it queues) is
 * measured in REST calls (the sandbox runtime's tally) and wall time, beside a naive peer sweep that pages through
 * every open request and reads each one's SLA record. Target: one search page per 100 due requests, the reads and
 * writes the due requests need, and no read of a request that is not due.
 */
import { findStatus } from '../sandbox/site/catalog';
import { sweepSlaAlerts } from '../src';
import { defaultConfig } from '../src/domain/config';
import { slaConfigFingerprint } from '../src/domain/sla-fingerprint';
import { jqlDate, SLA_RECORD_PROPERTY, type SlaRecord } from '../src/domain/sla-record';
import { naiveSweep, sweepBench, sweepReport } from './support/sweep-bench';

const OPEN = 10_000;
const DUE_EVERY = 100; // 1%
const HOUR = 3_600_000;
const GOAL = 4 * HOUR;
const GLOBEX = 2; // the demo organization on a 24/7 contract

/** The record the triggers would have written at creation: running, warning at 3 h, breach at 4 h. */
function record(created: number, fingerprint: string): SlaRecord {
  return {
    version: 1,
    state: 'running',
    breached: 'no',
    risk: 'on_track',
    coverage: '24x7',
    goalMs: GOAL,
    startedAt: jqlDate(created),
    stoppedAt: null,
    stopStatus: null,
    lastChangeAt: created,
    elapsedMs: 0,
    breachAt: jqlDate(created + GOAL),
    warnAt: jqlDate(created + 3 * HOUR),
    nextCheckAt: created + 3 * HOUR,
    measuredAt: created,
    measuredWith: fingerprint,
  };
}

void sweepBench('sla-alerts', 'sla-alert-sweep', async (bench) => {
  const sweep = () => bench.asForge(() => sweepSlaAlerts({}, { license: { isActive: true } }));
  // A first run gives the demo requests their records (the daily backfill), so the measured run is a usual one.
  await sweep();
  await bench.sandbox.runtime.settle();

  const fingerprint = slaConfigFingerprint(defaultConfig());
  const now = Date.now();
  const seeded = bench.seed({
    count: OPEN,
    dueEvery: DUE_EVERY,
    statusId: findStatus('En cours')!.id,
    customer: 'sandbox-customer-globex-1',
    organizationId: GLOBEX,
    summary: 'Open',
    // Due: created 3 h 10 min ago (warned at 3 h). Not due: created an hour ago (warning in 2 hours).
    since: (due) => now - (due ? 3 * HOUR + 10 * 60_000 : HOUR),
    property: { key: SLA_RECORD_PROPERTY, value: (created) => record(created, fingerprint) },
  });

  const naive = await bench.measure(() =>
    bench.asForge(() =>
      naiveSweep<{ nextCheckAt: number | null }>(
        'project = SUP AND resolution = Unresolved ORDER BY key ASC',
        SLA_RECORD_PROPERTY,
        (stored) => stored.nextCheckAt != null && stored.nextCheckAt <= Date.now(),
      ),
    ),
  );
  const measured = await bench.observe(sweep);

  const dueRefs = new Set(seeded.due.flatMap((d) => [d.key, String(d.id)]));
  const outbox = (await fetch(`${bench.sandbox.url}/_sandbox/outbox`).then((r) => r.json())) as {
    issueKey: string | null;
    subject: string;
  }[];
  const warned = new Set(
    outbox
      .filter((m) => m.subject.includes('Réponse attendue bientôt') && dueRefs.has(m.issueKey ?? ''))
      .map((m) => m.issueKey),
  ).size;
  const due = seeded.due.length;
  return sweepReport({
    title: `${OPEN.toLocaleString('en')} open requests with an SLA record, ${due} due a look (1%)`,
    seeded,
    sweep: measured,
    sweepLabel: `app SLA sweep (scheduled trigger + consumers; ${warned} of the ${due} due warned)`,
    naive,
    naiveLabel: "naive peer (reads every open request's SLA record; sends nothing)",
    dueLabel: 'requests due a look',
  });
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
