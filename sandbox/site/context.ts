/**
 * What every route of the site shares: the database, its stores, authentication, the address the site is
 * reached at, the product-event emitter, and JSM's own customer notifications.
 */
import type { EventEmitter } from 'events';
import type { Database } from '../db';
import type { Authenticator } from './auth';
import type { CustomerNotifications } from './customer-notifications';
import type { IndexedProperty } from './entity-properties';
import type { IssueStore } from './issue-store';
import type { SearchIndex } from './search-index';
import type { UserDirectory } from './users';

export interface SiteContext {
  db: Database;
  users: UserDirectory;
  issues: IssueStore;
  /** What JQL searches read: the live tables, or an eventually consistent copy. */
  searchIndex: SearchIndex;
  /** The issue property values the installed app declares for indexing (jira:entityProperty). */
  indexedProperties: readonly IndexedProperty[];
  auth: Authenticator;
  baseUrl: () => string;
  events: EventEmitter;
  /** JSM's own customer notifications: each service project's settings, and the emails they send. */
  customerNotifications: CustomerNotifications;
}
