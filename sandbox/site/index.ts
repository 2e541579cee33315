/**
 * The local JSM site: Jira Cloud REST v3 and JSM REST for the calls the app and a client make, its part of
 * the sandbox control surface, and the product events its writes cause. See sandbox/README.md.
 */
import { EventEmitter } from 'events';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db';
import { Authenticator } from './auth';
import type { SiteContext } from './context';
import { ALL_ON, CustomerNotifications, type CustomerNotificationSettings } from './customer-notifications';
import { installErrorHandler, installJsmErrorHandler } from './errors';
import { IssueStore } from './issue-store';
import { SiteOperations } from './operations';
import { listOutbox, type OutboxEmail } from './outbox';
import { commentRoutes } from './routes/comments';
import { controlRoutes, listSandboxUsers, type Readiness } from './routes/control';
import { issueRoutes } from './routes/issues';
import { metadataRoutes } from './routes/metadata';
import { notifyRoutes } from './routes/notify';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { serviceDeskRoutes } from './routes/servicedesk';
import { transitionRoutes } from './routes/transitions';
import { userRoutes } from './routes/users';
import type { IndexedProperty } from './entity-properties';
import { installPrivacyFilter } from './privacy';
import { SearchIndex } from './search-index';
import { resetAndSeed } from './seed';
import { APP_ACCOUNT_ID, UserDirectory, type SandboxUser } from './users';

export type { ProductEvent } from './events';
export { PRODUCT_EVENT } from './events';
export type { OutboxEmail } from './outbox';
export { CUSTOMER_NOTIFICATIONS, type CustomerNotificationSettings } from './customer-notifications';
export { readIndexedProperties, type IndexedProperty } from './entity-properties';
export type { SandboxUser } from './users';

export interface Site {
  /** Mounts the /rest/... routes and the site's /_sandbox/* routes (in their own scope, with Jira's error shape). */
  register(app: FastifyInstance): void;
  /** Emits 'product-event' with a ProductEvent, after the write that caused it has committed. */
  events: EventEmitter;
  /** The seeded people, in DESIGN.md's shape (the app's account excluded). */
  users(): SandboxUser[];
  /** The app's own account (accountType 'app'). */
  appAccountId: string;
  /** Headers that authenticate a runtime call as this account (accountId or appAccountId). */
  internalAuthHeader(actAs: string): Record<string, string>;
  /** Every email sent, oldest first. */
  outbox(): OutboxEmail[];
  /** Wipes every table but the clock (the runtime's included) and writes the demo data. */
  resetAndSeed(): void;
  /** GET /_sandbox/health answers 200 once ready (true from the start unless the runtime gates it). */
  setReady(ready: boolean): void;
}

/**
 * Builds the site over an open database (see sandbox/db.ts); seeds it when it holds no account yet.
 * @example const site = createSite({ db: openDatabase(file), baseUrl: () => 'http://127.0.0.1:8080' }); site.register(app)
 */
export function createSite(opts: {
  db: Database;
  baseUrl: () => string;
  /** How long a write takes to become searchable by JQL (0, the default: at once). */
  searchLagMs?: number;
  /** The issue property values the installed app declares for indexing (none by default). */
  indexedProperties?: readonly IndexedProperty[];
  /** JSM's customer notifications of every service project until changed (default: all on, as JSM ships them). */
  customerNotifications?: Partial<CustomerNotificationSettings>;
}): Site {
  const users = new UserDirectory(opts.db);
  const issues = new IssueStore(opts.db);
  const ctx: SiteContext = {
    db: opts.db,
    users,
    issues,
    searchIndex: new SearchIndex(opts.db, opts.searchLagMs ?? 0),
    indexedProperties: opts.indexedProperties ?? [],
    auth: new Authenticator(users),
    baseUrl: opts.baseUrl,
    events: new EventEmitter(),
    customerNotifications: new CustomerNotifications(opts.db, users, issues, {
      ...ALL_ON,
      ...opts.customerNotifications,
    }),
  };
  const ops = new SiteOperations(ctx);
  const readiness: Readiness = { ready: true };
  const reseed = () => {
    resetAndSeed(ctx, Date.now());
    ctx.searchIndex.rebuild();
  };
  if (!users.byId(APP_ACCOUNT_ID)) reseed();

  return {
    register(app) {
      app.register(async (scope) => {
        installErrorHandler(scope);
        installPrivacyFilter(scope, ctx);
        issueRoutes(scope, ctx, ops);
        commentRoutes(scope, ctx, ops);
        transitionRoutes(scope, ctx, ops);
        propertyRoutes(scope, ctx, ops);
        searchRoutes(scope, ctx, ops);
        notifyRoutes(scope, ctx, ops);
        userRoutes(scope, ctx);
        metadataRoutes(scope, ctx);
        // JSM's API answers its errors in its own shape.
        scope.register(async (jsm) => {
          installJsmErrorHandler(jsm);
          serviceDeskRoutes(jsm, ctx, ops);
        });
        controlRoutes(scope, ctx, ops, readiness);
      });
    },
    events: ctx.events,
    users: () => listSandboxUsers(ctx),
    appAccountId: APP_ACCOUNT_ID,
    internalAuthHeader: (actAs) => ctx.auth.internalHeader(actAs),
    outbox: () => listOutbox(opts.db),
    resetAndSeed: reseed,
    setReady: (ready) => {
      readiness.ready = ready;
    },
  };
}
