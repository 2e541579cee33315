/**
 * The reliability suites' scenario runner: the end-to-end stories of the rules and reminders issues, written
 * once as functions of a running sandbox, run on a fresh sandbox with any fault options, and summed up as a
 * normalized final state (statuses, resolutions, comments by body and visibility, outbox by recipients,
 * subject and body; no ids, no timestamps) that two runs can be compared on.
 */
import type { SandboxOptions } from '../../sandbox';
import { runInvocation } from '../../sandbox/runtime/invocation';
import { FORGE_TIME_LIMITS_MS } from '../../sandbox/runtime/manifest';
import { setRetryPolicy } from '../../src/jira/client';
import { listDeadLetters } from '../../src/store/dead-letters';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../support/sandbox';

export interface World {
  site: TestSandbox;
  agent: SandboxUser;
  claire: SandboxUser; // customer, fr_FR
  gwen: SandboxUser; // customer, en_US
  admin: SandboxUser;
}

/** One story: acts on the site, returns the keys of the requests it created. */
export type Scenario = (world: World) => Promise<string[]>;

type Answer = { ok: boolean; code?: string };

/** Calls a Custom UI resolver as `who` does through @forge/bridge on the request `issueKey`. */
export async function invoke(
  world: World,
  who: SandboxUser,
  moduleKey: string,
  functionKey: string,
  payload: unknown,
  issueKey: string | null,
): Promise<Answer> {
  return (await world.site.invoke<{ result: Answer }>(who.accountId, { moduleKey, functionKey, payload, issueKey }))
    .result;
}

async function customerReopens(site: TestSandbox, who: SandboxUser, key: string): Promise<void> {
  const { values } = await site.ok<{ values: { id: string }[] }>(
    who.emailAddress,
    'GET',
    `/rest/servicedeskapi/request/${key}/transition`,
  );
  await site.ok(who.emailAddress, 'POST', `/rest/servicedeskapi/request/${key}/transition`, { id: values[0]!.id });
}

/** The rules issue's stories: creation by email, every status, comments and notes, resume, consulting, reopen. */
export const rulesLife: Scenario = async ({ site, agent, claire, gwen }) => {
  const byEmail = await site.email(gwen, 'Jira is very slow', 'Since this morning.');
  await site.settle();
  await site.comment(agent, byEmail, 'Looking into it.');
  await site.comment(agent, byEmail, 'Probably the index', true);
  await site.settle();
  for (const status of ['En cours', "En attente d'un tiers", 'Opération planifiée', 'Fermée']) {
    await site.moveTo(agent, byEmail, status, status === 'Fermée' ? 'Done' : undefined);
    await site.settle();
  }
  const portal = await site.portalRequest(claire, 'Confluence upgrade');
  await site.settle();
  await site.moveTo(agent, portal, 'En cours');
  await site.comment(agent, portal, 'Pouvez-vous envoyer les journaux ?');
  await site.moveTo(agent, portal, 'En attente du client');
  await site.settle();
  await site.email(claire, `RE: [${portal}] Nouvel état`, 'Voici les journaux.');
  await site.settle();
  await site.moveTo(agent, portal, 'Fermée', 'Consulting');
  await site.settle();
  await customerReopens(site, claire, portal);
  await site.settle();
  return [byEmail, portal];
};

/** The escalation story: a customer escalates once from the portal; a repeat changes nothing. */
export const escalation: Scenario = async (world) => {
  const key = await world.site.portalRequest(world.claire, 'Too slow');
  await world.site.settle();
  await invoke(
    world,
    world.claire,
    'portal-escalate',
    'escalateRequest',
    { reason: 'Pas de réponse depuis trois jours', lang: 'fr' },
    key,
  );
  await invoke(world, world.claire, 'portal-escalate', 'escalateRequest', { reason: 'Encore', lang: 'fr' }, key);
  await world.site.settle();
  return [key];
};

/** The reminders issue's story: waiting for the customer, reminders at 3 and 6 days, closed at 12. */
export const reminders: Scenario = async ({ site, agent, claire }) => {
  const key = await site.portalRequest(claire, 'Reminders at 3, 6, close at 12');
  await site.settle();
  await site.moveTo(agent, key, 'En cours');
  await site.comment(agent, key, 'Pouvez-vous nous envoyer les journaux ?');
  await site.moveTo(agent, key, 'En attente du client');
  await site.settle();
  await site.advance('P13D');
  return [key];
};

export const ALL_SCENARIOS: readonly Scenario[] = [rulesLife, escalation, reminders];

/** A request as the suites compare it. */
export interface RequestState {
  key: string;
  status: string;
  resolution: string | null;
  /** `public|internal: <text>`, in the order Jira lists them. */
  comments: string[];
  /** Issue properties the app wrote that tell what it recorded (escalation, consulting), without instants. */
  recorded: string[];
}

export interface FinalState {
  requests: RequestState[];
  /** `<recipients> | <subject> | <body>`, sorted (work re-queued after a failure may arrive later). */
  outbox: string[];
}

/** The text of an ADF document: paragraphs one a line. */
function adfText(node: unknown): string {
  const { type, text, content } = (node ?? {}) as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  const parts = Array.isArray(content) ? content.map(adfText) : [];
  return parts.join(type === 'paragraph' ? '' : '\n');
}

/** Instants and durations that differ between two runs started seconds apart are not part of the comparison. */
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g;
/**
 * A date and time as the app writes them to people ("13 décembre 2026 à 15:55", "13 December 2026 at 15:55").
 * Every run's timeline starts at the real time it starts (the demo data too), so two runs a few seconds apart may
 * fall either side of a minute: the comparison leaves the minute out.
 */
const WRITTEN_INSTANT = /\b(\d{1,2} \p{L}+ \d{4} (?:à|at)) \d{2}:\d{2}\b/gu;
const withoutMinutes = (text: string) => text.replace(WRITTEN_INSTANT, '$1 <hh:mm>');

async function requestState(world: World, key: string): Promise<RequestState> {
  const { site, agent } = world;
  const issue = await site.ok<{ fields: { status: { name: string }; resolution: { name: string } | null } }>(
    agent.emailAddress,
    'GET',
    `/rest/api/3/issue/${key}?fields=status,resolution`,
  );
  const page = await site.ok<{ comments: { jsdPublic: boolean; body: unknown }[] }>(
    agent.emailAddress,
    'GET',
    `/rest/api/3/issue/${key}/comment?maxResults=100`,
  );
  const recorded: string[] = [];
  for (const property of ['supportRulesEscalation', 'supportRulesConsulting']) {
    const answer = await site.call<{ value: Record<string, unknown> }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/properties/${property}`,
    );
    if (answer.status !== 200) continue;
    const { at: _at, ...rest } = answer.body.value;
    recorded.push(`${property}: ${JSON.stringify(rest).replace(INSTANT, '<instant>')}`);
  }
  // The SLA record: what it measured, not when (its instants follow the run's start).
  const sla = await site.call<{ value: Record<string, unknown> }>(
    agent.emailAddress,
    'GET',
    `/rest/api/3/issue/${key}/properties/supportRulesSla`,
  );
  if (sla.status === 200) {
    const { state, stopStatus, coverage, goalMs } = sla.body.value;
    recorded.push(`supportRulesSla: ${JSON.stringify({ state, stopStatus, coverage, goalMs })}`);
  }
  return {
    key,
    status: issue.fields.status.name,
    resolution: issue.fields.resolution?.name ?? null,
    // The sandbox's address (in the portal links of the app's comments) changes from run to run.
    comments: page.comments.map(
      (c) =>
        `${c.jsdPublic ? 'public' : 'internal'}: ${withoutMinutes(adfText(c.body).split(site.url).join('<site>'))}`,
    ),
    recorded,
  };
}

/**
 * The normalized final state of the given requests and of the whole outbox.
 * @example const state = await finalState(world, ['SUP-13']); state.outbox.length
 */
export async function finalState(world: World, keys: readonly string[]): Promise<FinalState> {
  const requests = [];
  for (const key of keys) requests.push(await requestState(world, key));
  // The app's emails (JSM's own customer notifications are the site's, not the app's); the sandbox's address (in
  // every portal link) changes from run to run.
  const outbox = (await world.site.outbox(undefined, 'app'))
    .map(
      (m) =>
        `${[...m.to].sort().join(',')} | ${m.subject} | ${withoutMinutes(m.textBody.split(world.site.url).join('<site>'))}`,
    )
    .sort();
  return { requests, outbox };
}

/** The entries that occur more than once. */
export function duplicates(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([line]) => line);
}

/**
 * Runs `body` on a fresh sandbox (demo data, temporary folder) started with `opts`, and closes it; Jira's search
 * lag is on unless `opts` says otherwise. The app's Jira client waits at most 20 ms between its own retries, so
 * faulty runs stay fast.
 * @example await withSandbox({ faults: 0.2, seed: 3 }, (world) => runScenarios(world, ALL_SCENARIOS))
 */
export async function withSandbox<T>(opts: SandboxOptions, body: (world: World) => Promise<T>): Promise<T> {
  const previous = setRetryPolicy({ baseDelayMs: 5, maxDelayMs: 20 });
  const site = await startTestSandbox({ faultHangMs: 20, ...opts });
  try {
    const users = await site.users();
    const byEmail = (email: string) => users.find((u) => u.emailAddress === email)!;
    const world: World = {
      site,
      agent: byEmail('agent1@sandbox.test'),
      claire: byEmail('claire@acme.test'),
      gwen: byEmail('gwen@globex.test'),
      admin: byEmail('admin@sandbox.test'),
    };
    return await body(world);
  } finally {
    await site.close();
    setRetryPolicy(previous);
  }
}

/**
 * Runs the scenarios one after the other, lets re-queued work fall due (the app re-queues with a delay of
 * 30 s and more: the clock moves 80 minutes), and answers the final state of every request they created.
 * @example const clean = await withSandbox({}, (world) => runScenarios(world, ALL_SCENARIOS))
 */
export async function runScenarios(world: World, scenarios: readonly Scenario[]): Promise<FinalState> {
  const keys: string[] = [];
  for (const scenario of scenarios) {
    keys.push(...(await scenario(world)));
    for (let i = 0; i < 4; i++) await world.site.advance('PT20M');
  }
  return finalState(world, keys);
}

/** A product or queue event the runtime stored (GET /_sandbox/app-events). */
export interface StoredEvent {
  kind: 'product' | 'queue';
  target: string;
  payload: { eventType?: string; payload?: Record<string, unknown>; body?: unknown };
}

/**
 * The runtime's stored events, oldest first.
 * @example const events = await storedEvents(world); events.filter((e) => e.kind === 'product')
 */
export async function storedEvents(world: World): Promise<StoredEvent[]> {
  const { events } = await world.site.ok<{ events: StoredEvent[] }>(null, 'GET', '/_sandbox/app-events?limit=1000');
  return [...events].reverse();
}

/** What Forge passes beside each event or call: the install and an active license. */
export const LICENSED_CONTEXT = {
  installContext: 'ari:cloud:jira::site/sandbox-cloud-0000',
  license: { isActive: true },
};

/**
 * Runs `fn` as a Forge invocation of `functionKey` (the runtime's own invocation context: `__forge_runtime__`,
 * storage, product calls), as `accountId` when given.
 * @example await asForge('sweep-reminders', 'reminder-sweep', () => sweepReminders({}, LICENSED_CONTEXT))
 */
export function asForge<T>(
  functionKey: string,
  moduleKey: string,
  fn: () => Promise<T>,
  accountId?: string,
): Promise<T> {
  return runInvocation({ functionKey, moduleKey, accountId, timeoutMs: FORGE_TIME_LIMITS_MS.interactive }, fn);
}

/**
 * Every one of `count` comments on each request forwarded to its creator exactly once: the app's emails that quote
 * them (the comment n on `key` holds `token(key, n)`; other emails, such as SLA alerts, aside) are one per comment,
 * all to the creator; and nothing given up (no dead letter, no dead event).
 * @example await expectEachCommentForwardedOnce(site, [{ key: 'SUP-1', reporter: claire }], 40, (k, n) => `t-${k}-${n}-end`)
 */
export async function expectEachCommentForwardedOnce(
  site: TestSandbox,
  requests: readonly { key: string; reporter: SandboxUser }[],
  count: number,
  token: (key: string, n: number) => string,
): Promise<void> {
  for (const { key, reporter } of requests) {
    const tokens = Array.from({ length: count }, (_, n) => token(key, n));
    const emails = (await site.outbox(key, 'app')).filter((e) => tokens.some((t) => e.textBody.includes(t)));
    expect(emails).toHaveLength(count);
    for (const email of emails) expect(email.to).toEqual([reporter.accountId]);
    expect(tokens.map((t) => emails.filter((e) => e.textBody.includes(t)).length)).toEqual(Array(count).fill(1));
  }
  const dead = await asForge('process-work', 'work-consumer', () => listDeadLetters(100));
  expect(dead.letters).toEqual([]);
}
