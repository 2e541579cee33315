/**
 * What the app's work costs, counted since the runtime started, for GET /_sandbox/stats: product events, queue
 * events, resolver calls and scheduled runs handled; the app's REST calls and their rate-limit points by the
 * kind of invocation that made them; and the same calls and points by what set the work off (a product event, a
 * resolver call, a scheduled run), the queue work they caused included: a queue event carries the origin of the
 * invocation that pushed it.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { RateLimitReason } from './rate-limits';

export type InvocationKind = 'trigger' | 'consumer' | 'scheduled' | 'resolver';
export type Origin = 'product' | 'resolver' | 'scheduled';

export interface CallCost {
  kind: InvocationKind | undefined;
  points: number;
  rateLimited?: RateLimitReason;
  lostResponse?: boolean;
}

interface Totals {
  restCalls: number;
  points: number;
}

const zero = (): Totals => ({ restCalls: 0, points: 0 });
const per = (count: number, total: number) => (count === 0 ? 0 : Math.round((total / count) * 100) / 100);

export class UsageStats {
  private productEvents = 0;
  private queueEvents = 0;
  private resolverCalls = 0;
  private scheduledRuns = 0;
  private readonly byKind: Record<InvocationKind, Totals> = {
    trigger: zero(),
    consumer: zero(),
    scheduled: zero(),
    resolver: zero(),
  };
  private readonly byOrigin: Record<Origin, Totals> = { product: zero(), resolver: zero(), scheduled: zero() };
  private readonly rateLimited: Record<RateLimitReason, number> = {
    'jira-quota-global-based': 0,
    'jira-quota-tenant-based': 0,
    'jira-burst-based': 0,
    'jira-per-issue-on-write': 0,
  };
  private lostResponses = 0;
  private readonly origin = new AsyncLocalStorage<Origin>();

  /**
   * Runs work set off by `origin` (the REST calls made inside, and in the queue events it pushes, count for it).
   * @example await usage.within('product', () => trigger(event))
   */
  within<T>(origin: Origin, work: () => T): T {
    return this.origin.run(origin, work);
  }

  /** The origin of the work running now, if any. */
  currentOrigin(): Origin | undefined {
    return this.origin.getStore();
  }

  /** Counts a product event delivered to the app's triggers. */
  productEvent(): void {
    this.productEvents++;
  }

  /** Counts a queue event delivered to the app's consumers. */
  queueEvent(): void {
    this.queueEvents++;
  }

  /** Counts a Custom UI resolver call. */
  resolverCall(): void {
    this.resolverCalls++;
  }

  /** Counts a scheduled trigger's run. */
  scheduledRun(): void {
    this.scheduledRuns++;
  }

  /**
   * Counts one of the app's REST calls.
   * @example usage.call({ kind: 'trigger', points: 2 })
   */
  call(cost: CallCost): void {
    if (cost.kind) {
      this.byKind[cost.kind].restCalls++;
      this.byKind[cost.kind].points += cost.points;
    }
    const origin = this.currentOrigin();
    if (origin) {
      this.byOrigin[origin].restCalls++;
      this.byOrigin[origin].points += cost.points;
    }
    if (cost.rateLimited) this.rateLimited[cost.rateLimited]++;
    if (cost.lostResponse) this.lostResponses++;
  }

  /**
   * GET /_sandbox/stats: DESIGN.md section 3's keys, and beside them the points and the costs per origin.
   * @example usage.snapshot().restCalls.trigger //=> 12
   */
  snapshot() {
    const counts = (key: keyof Totals) =>
      Object.fromEntries(Object.entries(this.byKind).map(([kind, t]) => [kind, t[key]])) as Record<
        InvocationKind,
        number
      >;
    const origin = (name: Origin, count: number, label: string) => ({
      [label]: count,
      restCalls: this.byOrigin[name].restCalls,
      points: this.byOrigin[name].points,
      restCallsPer: per(count, this.byOrigin[name].restCalls),
      pointsPer: per(count, this.byOrigin[name].points),
    });
    return {
      productEvents: this.productEvents,
      queueEvents: this.queueEvents,
      resolverCalls: this.resolverCalls,
      restCalls: counts('restCalls'),
      points: counts('points'),
      perProductEvent: origin('product', this.productEvents, 'events'),
      perResolverCall: origin('resolver', this.resolverCalls, 'calls'),
      perScheduledRun: origin('scheduled', this.scheduledRuns, 'runs'),
      rateLimited: { ...this.rateLimited },
      lostResponses: this.lostResponses,
    };
  }
}
