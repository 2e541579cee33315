/**
 * The runtime's part of the sandbox control surface (DESIGN.md section 3): GET/POST /_sandbox/clock (moving
 * it runs every scheduled trigger that falls due, in order, then settles), POST /_sandbox/settle,
 * GET /_sandbox/stats (what the app's work cost), and, for debugging, GET /_sandbox/app-events (the latest product and queue events with their state, and the app's
 * latest REST calls).
 */
import type { FastifyInstance } from 'fastify';
import { Duration } from 'luxon';
import type { ForgeRuntime } from './runtime';

/**
 * Mounts the runtime's control routes.
 * @example registerRuntimeRoutes(app, runtime) // then POST /_sandbox/clock {"advance":"PT72H"}
 */
export function registerRuntimeRoutes(app: FastifyInstance, runtime: ForgeRuntime): void {
  app.get('/_sandbox/clock', async () => ({ now: new Date().toISOString() }));

  app.post<{ Body: { advance?: unknown; to?: unknown } | undefined }>('/_sandbox/clock', async (request, reply) => {
    const body = request.body ?? {};
    let target: number;
    if (typeof body.advance === 'string') {
      const duration = Duration.fromISO(body.advance);
      if (!duration.isValid || duration.toMillis() < 0)
        return reply.code(400).send({
          errorMessages: [`"advance" must be a forward ISO 8601 duration such as PT72H, not ${body.advance}`],
        });
      target = Date.now() + duration.toMillis();
    } else if (typeof body.to === 'string' && !Number.isNaN(Date.parse(body.to))) {
      target = Date.parse(body.to);
      if (target < Date.now())
        return reply.code(400).send({
          errorMessages: [`The sandbox clock only moves forward: ${body.to} is before ${new Date().toISOString()}`],
        });
    } else {
      return reply.code(400).send({ errorMessages: ['Send {"advance": "<ISO duration>"} or {"to": "<ISO instant>"}'] });
    }
    await runtime.moveClockTo(target);
    return { now: new Date().toISOString() };
  });

  app.post('/_sandbox/settle', async () => {
    await runtime.settle();
    return { settled: true, now: new Date().toISOString() };
  });

  // DESIGN.md section 3's counters, and beside them the rate-limit points and the costs per product event,
  // resolver call and scheduled run (sandbox/README.md).
  app.get('/_sandbox/stats', async () => runtime.usage.snapshot());

  app.get<{ Querystring: { limit?: string } }>('/_sandbox/app-events', async (request) => ({
    events: runtime.events.latest(Math.min(Number(request.query.limit) || 100, 1000)),
    calls: runtime.calls.slice(-100),
  }));
}
