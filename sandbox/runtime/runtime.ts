/**
 * The Forge runtime of the sandbox: it wires the manifest's modules to the app's handlers and runs them as
 * Forge does — product events to triggers (after the REST call that caused them, honouring ignoreSelf),
 * queue events to consumers (with retries), scheduled triggers on the sandbox clock, and Custom UI resolvers.
 */
import type { EventEmitter } from 'events';
import type { Database } from '../db';
import { AppEventStore, type AppEvent } from './app-events';
import type { SandboxClock } from './clock';
import type { FaultPlan } from './faults';
import { createForgeFetch, type AppCall, type QueuePush, type SiteCredentials } from './forge-fetch';
import { installForgeGlobals, type AppIdentity } from './forge-globals';
import { InvocationTimeoutError, runLimited } from './invocation';
import { KvsEmulator } from './kvs';
import { functionTimeLimitMs, type AccountKind, type AppManifest, type Handler, type UiModule } from './manifest';
import type { RateLimits } from './rate-limits';
import { Scheduler, type Occurrence } from './scheduler';
import { UsageStats, type InvocationKind, type Origin } from './usage';

/** What the runtime needs of the site (sandbox/site/index.ts's Site). */
export interface SiteLink extends SiteCredentials {
  events: EventEmitter;
}

/** A product event as the site emits it ('product-event'). */
export interface ProductEvent {
  eventType: string;
  payload: Record<string, unknown>;
  actorAccountId: string;
}

export interface RuntimeOptions {
  db: Database;
  /** The site's address (http://127.0.0.1:<port>), where the app's REST calls go. */
  siteUrl: () => string;
  site: SiteLink;
  manifest: AppManifest;
  handlers: Map<string, Handler>;
  clock: SandboxClock;
  faults: FaultPlan;
  /** Jira's rate limits on the app's calls (off when absent). */
  rateLimits?: RateLimits;
  /** A "timeout" fault drawn for a write lets the write commit first. */
  timeoutsAfterWrite?: boolean;
  /** How long after the change a product event reaches the app's triggers (sandbox time; default 0: at once). */
  eventDelayMs?: number;
  licensed?: boolean;
  /** How long a "timeout" fault holds a call (default 10 s, past the app's own timeout). */
  hangMs?: number;
  /** Multiplies every function time limit (tests: 0.01 makes a resolver's 25 s a quarter of a second). */
  timeScale?: number;
  /** The kind of user an account is (licensed, customer, unlicensed); undefined accounts are anonymous. */
  accountKindOf?: (accountId: string) => AccountKind;
  log?: (line: string) => void;
}

/**
 * What the runtime answers when a module is invoked for a user Forge does not run it for: an unlicensed, customer
 * or anonymous user, unless the module's `unlicensedAccess` lists that kind ("Access to Forge apps for unlicensed
 * users", https://developer.atlassian.com/platform/forge/access-to-forge-apps-for-unlicensed-jsm-users/: "By
 * default, only licensed, authenticated users ... can use that app").
 */
export class ModuleAccessError extends Error {
  constructor(
    readonly moduleKey: string,
    readonly accountKind: AccountKind,
  ) {
    super(`Forge does not run module ${moduleKey} for ${accountKind} users (its unlicensedAccess does not list them)`);
    this.name = 'ModuleAccessError';
  }
}

/** Retries of a failed queue event, after the first attempt (Forge retries an InvocationError up to 3 times). */
const MAX_QUEUE_RETRIES = 3;
const CLOUD_ID = 'sandbox-cloud-0000';
const RECENT_CALLS = 500;

export interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  /** Forge's Custom UI context without accountId (extension, locale, timezone, theme, localId...). */
  context: Record<string, unknown>;
  accountId: string | undefined;
}

/** What the sandbox knows of a finished invocation, for tests: which function, how it ended. */
export interface InvocationRecord {
  functionKey: string;
  moduleKey: string;
  outcome: 'ok' | 'failed' | 'timed-out';
}

export class ForgeRuntime {
  readonly kvs: KvsEmulator;
  readonly events: AppEventStore;
  readonly identity: AppIdentity;
  /** The app's latest REST calls, oldest first. */
  readonly calls: AppCall[] = [];
  /** Running totals since the runtime started, for benchmarks: the app's REST calls, the trigger invocations (product events handled). */
  readonly tally = { restCalls: 0, triggerRuns: 0 };
  /** Called with each of the app's REST calls as it is made (benchmarks that need more than the recent ones). */
  readonly callObservers = new Set<(call: AppCall) => void>();
  /** The latest invocations, oldest first (tests read how they ended: a time-out is recorded as such). */
  readonly invocations: InvocationRecord[] = [];
  /** What the app's work costs, for GET /_sandbox/stats. */
  readonly usage = new UsageStats();
  private readonly scheduler: Scheduler;
  private readonly uninstallGlobals: () => void;
  private readonly onProductEvent = (event: ProductEvent) => this.enqueueProductEvent(event);
  private draining: Promise<void> | undefined;
  private serial: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  private readonly moduleKinds: Map<string, InvocationKind>;
  /** Users who have not allowed the app to act on their behalf (see {@link setConsent}). */
  private readonly withheldConsent = new Set<string>();

  constructor(private readonly opts: RuntimeOptions) {
    this.moduleKinds = new Map<string, InvocationKind>([
      ...opts.manifest.triggers.map((m) => [m.key, 'trigger'] as const),
      ...opts.manifest.consumers.map((m) => [m.key, 'consumer'] as const),
      ...opts.manifest.scheduledTriggers.map((m) => [m.key, 'scheduled'] as const),
      ...opts.manifest.uiModules.map((m) => [m.key, 'resolver'] as const),
    ]);
    this.kvs = new KvsEmulator(opts.db);
    this.events = new AppEventStore(opts.db);
    this.scheduler = new Scheduler(opts.db, opts.manifest.scheduledTriggers);
    this.scheduler.init(opts.clock.now());
    this.identity = {
      appId: opts.manifest.appId.split('/').pop() ?? 'sandbox',
      environmentId: 'sandbox-environment',
      installationId: 'sandbox-installation',
      cloudId: CLOUD_ID,
      scopes: opts.manifest.scopes,
      licensed: opts.licensed ?? true,
    };
    const fetch = createForgeFetch({
      siteUrl: opts.siteUrl,
      site: opts.site,
      kvs: this.kvs,
      scopes: opts.manifest.scopes,
      faults: opts.faults,
      hangMs: opts.hangMs ?? 10_000,
      rateLimits: opts.rateLimits,
      timeoutsAfterWrite: opts.timeoutsAfterWrite,
      usage: this.usage,
      moduleKind: (moduleKey) => this.moduleKinds.get(moduleKey),
      hasConsented: (accountId) => !this.withheldConsent.has(accountId),
      pushToQueue: (push) => this.enqueueQueuePush(push),
      onCall: (call) => {
        this.tally.restCalls++;
        for (const observe of this.callObservers) observe(call);
        this.calls.push(call);
        if (this.calls.length > RECENT_CALLS) this.calls.shift();
      },
    });
    this.uninstallGlobals = installForgeGlobals(this.identity, fetch);
    opts.site.events.on('product-event', this.onProductEvent);
  }

  /** Starts the background work: due events and scheduled occurrences as real time passes. */
  start(pollMs = 1000): void {
    this.timer = setInterval(() => {
      // Delayed queue events and scheduled occurrences fall due as real time passes, too.
      this.kick();
      void this.runSerially(() => this.runDueOccurrences(this.opts.clock.now())).catch((e) =>
        this.log(`scheduler: ${String(e)}`),
      );
    }, pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.opts.site.events.off('product-event', this.onProductEvent);
    await this.serial.catch(() => undefined);
    await this.draining;
    this.uninstallGlobals();
  }

  /**
   * Returns once every pending product event and queued app event due now has been handled (events pushed
   * with a delay wait for the clock to reach them).
   * @example await runtime.settle()
   */
  async settle(): Promise<void> {
    await this.drain();
    while (this.events.pending(this.opts.clock.now()) > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.drain();
    }
  }

  /**
   * Moves the clock to `to`, firing every scheduled occurrence that falls due on the way, in order, each at
   * its own instant and followed by a settle; then settles at `to`.
   * @example await runtime.moveClockTo(Date.now() + 72 * 3_600_000) // an hourly trigger fires 72 times
   */
  moveClockTo(to: number): Promise<number> {
    return this.runSerially(async () => {
      if (to < this.opts.clock.now()) throw new RangeError('The sandbox clock only moves forward.');
      await this.runDueOccurrences(to);
      this.opts.clock.moveTo(Math.max(to, this.opts.clock.now()));
      await this.settle();
      return this.opts.clock.now();
    });
  }

  /**
   * Invokes a Custom UI module's resolver as Forge does: `{ call: { functionKey, payload }, context }`, with
   * the principal (the viewer) in the backend runtime payload.
   * @example await runtime.invokeResolver({ moduleKey: 'sla-panel', functionKey: 'getView', payload: {}, context: { extension }, accountId })
   */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.uiModule(call.moduleKey);
    if (!module.resolverFunction) throw new Error(`Module ${call.moduleKey} has no resolver`);
    const accountKind = this.accountKind(call.accountId);
    if (!this.mayUse(module, accountKind)) throw new ModuleAccessError(module.key, accountKind);
    const handler = this.handler(module.resolverFunction);
    const context = {
      ...call.context,
      accountId: call.accountId,
      accountType: accountKind,
      cloudId: CLOUD_ID,
      moduleKey: call.moduleKey,
    };
    this.usage.resolverCall();
    return this.usage.within('resolver', () =>
      this.invoke(module.resolverFunction!, call.moduleKey, { accountId: call.accountId, accountKind }, () =>
        handler(
          { call: { functionKey: call.functionKey, payload: call.payload }, context },
          { ...this.backendPayload(), principal: call.accountId ? { accountId: call.accountId } : undefined },
        ),
      ),
    );
  }

  /**
   * Makes `accountId` a user who has not allowed the app to act on their behalf (or has allowed it again): their
   * `asUser()` calls then fail as Forge's proxy fails them, with NEEDS_AUTHENTICATION_ERR, until they consent.
   * @example runtime.setConsent('sandbox-admin', false)
   */
  setConsent(accountId: string, granted: boolean): void {
    if (granted) this.withheldConsent.delete(accountId);
    else this.withheldConsent.add(accountId);
  }

  /** The kind of user an account is for Forge: anonymous without an account. */
  accountKind(accountId: string | undefined): AccountKind {
    if (!accountId) return 'anonymous';
    return this.opts.accountKindOf?.(accountId) ?? 'licensed';
  }

  /** True when Forge runs `module` for this kind of user (licensed users always; others per unlicensedAccess). */
  mayUse(module: UiModule, kind: AccountKind): boolean {
    return kind === 'licensed' || module.unlicensedAccess.includes(kind);
  }

  /** The manifest's Custom UI modules. */
  uiModules(): readonly UiModule[] {
    return this.opts.manifest.uiModules;
  }

  /** The manifest's Custom UI module with this key. */
  uiModule(moduleKey: string): UiModule {
    const module = this.opts.manifest.uiModules.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`No Custom UI module ${moduleKey} in the manifest`);
    return module;
  }

  /** Forgets pending events and scheduler state (used by a reset). */
  reset(): void {
    this.events.clear();
    this.opts.db.prepare('DELETE FROM scheduler').run();
    this.scheduler.init(this.opts.clock.now());
  }

  private enqueueProductEvent(event: ProductEvent): void {
    const copies = this.opts.faults.nextEventDuplicated() ? 2 : 1;
    const dueAt = this.opts.clock.now() + (this.opts.eventDelayMs ?? 0);
    for (let i = 0; i < copies; i++) this.events.add('product', event.eventType, event, dueAt);
    this.kick();
  }

  private enqueueQueuePush(push: QueuePush): void {
    for (const event of push.payload) {
      const dueAt = this.opts.clock.now() + (event.delayInSeconds ?? 0) * 1000;
      const origin = this.usage.currentOrigin();
      this.events.add('queue', push.queueName, { body: event.body, jobId: push.jobId, origin }, dueAt);
    }
    this.kick();
  }

  /** Handles due events soon, outside the call that caused them. */
  private kick(): void {
    setImmediate(() => {
      if (!this.stopped) void this.drain();
    });
  }

  private drain(): Promise<void> {
    if (!this.draining) {
      const run = async () => {
        for (
          let event = this.events.takeNextDue(this.opts.clock.now());
          event;
          event = this.events.takeNextDue(this.opts.clock.now())
        ) {
          await this.handle(event);
        }
      };
      // `finally` runs after the assignment, even when there was nothing to do.
      this.draining = run().finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  private async handle(event: AppEvent): Promise<void> {
    try {
      if (event.kind === 'product') {
        this.usage.productEvent();
        await this.usage.within('product', () => this.deliverProductEvent(event.payload as ProductEvent));
      } else {
        this.usage.queueEvent();
        const origin = (event.payload as { origin?: Origin }).origin ?? 'product';
        const outcome = await this.usage.within(origin, () => this.deliverQueueEvent(event));
        if (outcome === 'retry') {
          if (event.attempts <= MAX_QUEUE_RETRIES) return this.events.retry(event.id, this.opts.clock.now());
          this.log(`queue ${event.target}: event ${event.id} failed after ${event.attempts} attempts`);
          return this.events.finish(event.id, 'failed');
        }
      }
      this.events.finish(event.id, 'done');
    } catch (error) {
      this.log(
        `${event.kind} event ${event.id} (${event.target}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      this.events.finish(event.id, 'failed');
    }
  }

  private async deliverProductEvent(event: ProductEvent): Promise<void> {
    const fromApp =
      event.payload.atlassianId === this.opts.site.appAccountId || event.actorAccountId === this.opts.site.appAccountId;
    for (const trigger of this.opts.manifest.triggers) {
      if (!trigger.events.includes(event.eventType) || (trigger.ignoreSelf && fromApp)) continue;
      this.tally.triggerRuns++;
      const payload = {
        eventType: event.eventType,
        ...event.payload,
        context: { cloudId: CLOUD_ID, moduleKey: trigger.key },
        contextToken: 'sandbox-context-token',
      };
      try {
        await this.invoke(trigger.function, trigger.key, {}, () =>
          this.handler(trigger.function)(payload, this.backendPayload()),
        );
      } catch (error) {
        // Forge does not retry a failed product-event trigger: the event is logged and the next trigger runs.
        this.log(
          `trigger ${trigger.key} failed on ${event.eventType}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  }

  /** Runs the queue's consumers; 'retry' when one throws or answers an InvocationError. */
  private async deliverQueueEvent(event: AppEvent): Promise<'done' | 'retry'> {
    const { body, jobId } = event.payload as { body: Record<string, unknown>; jobId: string };
    let outcome: 'done' | 'retry' = 'done';
    for (const consumer of this.opts.manifest.consumers.filter((c) => c.queue === event.target)) {
      const context = {
        cloudId: CLOUD_ID,
        moduleKey: consumer.key,
        jobId,
        ...(event.attempts > 1
          ? {
              retryContext: {
                retryCount: event.attempts - 1,
                retryReason: 'FUNCTION_RETRY_REQUEST',
                retryData: undefined,
              },
            }
          : {}),
      };
      try {
        const result = await this.invoke(consumer.function, consumer.key, {}, () =>
          this.handler(consumer.function)(
            { call: { functionKey: consumer.method, payload: body, jobId }, context },
            this.backendPayload(),
          ),
        );
        if ((result as { _retry?: boolean } | undefined)?._retry === true) outcome = 'retry';
      } catch (error) {
        this.log(
          `consumer ${consumer.key} failed (attempt ${event.attempts}): ${error instanceof Error ? error.message : String(error)}`,
        );
        outcome = 'retry';
      }
    }
    return outcome;
  }

  /**
   * Moves the clock through every scheduled occurrence and every delayed queue event up to `until`, in time order:
   * a queued event is handled at its own instant (Forge delivers a push with `delayInSeconds` once the delay is
   * over), not at the next scheduled run.
   */
  private async runDueOccurrences(until: number): Promise<void> {
    for (;;) {
      const occurrence = this.scheduler.next(until);
      const now = this.opts.clock.now();
      const event = this.events.nextDueAfter(now, occurrence?.at ?? until);
      if (event !== undefined && (occurrence === undefined || event < occurrence.at)) {
        this.opts.clock.moveTo(event);
        await this.settle();
        continue;
      }
      if (occurrence === undefined) return;
      await this.runOccurrence(occurrence);
    }
  }

  private async runOccurrence(occurrence: Occurrence): Promise<void> {
    if (occurrence.at > this.opts.clock.now()) this.opts.clock.moveTo(occurrence.at);
    const { trigger } = occurrence;
    const event = {
      context: { cloudId: CLOUD_ID, moduleKey: trigger.key, userAccess: { enabled: false } },
      contextToken: 'sandbox-context-token',
    };
    this.usage.scheduledRun();
    try {
      await this.usage.within('scheduled', () =>
        this.invoke(trigger.function, trigger.key, {}, () =>
          this.handler(trigger.function)(event, this.backendPayload()),
        ),
      );
    } catch (error) {
      this.log(
        `scheduled trigger ${trigger.key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    this.scheduler.fired(occurrence);
    await this.settle();
  }

  /**
   * Runs one function invocation under its time limit (manifest.ts functionTimeLimitMs, times timeScale), and
   * records how it ended.
   */
  private async invoke<T>(
    functionKey: string,
    moduleKey: string,
    who: { accountId?: string; accountKind?: AccountKind },
    fn: () => T | Promise<T>,
  ): Promise<T> {
    const timeoutMs = Math.max(1, Math.round(functionTimeLimitMs(this.opts.manifest, functionKey) * this.timeScale));
    const record = (outcome: InvocationRecord['outcome']) => {
      this.invocations.push({ functionKey, moduleKey, outcome });
      if (this.invocations.length > RECENT_CALLS) this.invocations.shift();
    };
    try {
      const result = await runLimited({ functionKey, moduleKey, timeoutMs, ...who }, fn);
      record('ok');
      return result;
    } catch (error) {
      record(error instanceof InvocationTimeoutError ? 'timed-out' : 'failed');
      throw error;
    }
  }

  private get timeScale(): number {
    return this.opts.timeScale ?? 1;
  }

  private runSerially<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.serial.then(fn, fn);
    this.serial = result.catch(() => undefined);
    return result;
  }

  private backendPayload() {
    return {
      installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
      license: this.identity.licensed ? { isActive: true } : { isActive: false },
      installation: { ari: `ari:cloud:ecosystem::installation/${this.identity.installationId}` },
    };
  }

  private handler(functionKey: string): Handler {
    const handler = this.opts.handlers.get(functionKey);
    if (!handler) throw new Error(`No handler for function ${functionKey}`);
    return handler;
  }

  private log(line: string): void {
    (this.opts.log ?? ((l: string) => console.error(`[sandbox runtime] ${l}`)))(line);
  }
}
