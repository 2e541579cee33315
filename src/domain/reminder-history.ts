/**
 * The activity clock of a request that predates the install (or lost its property), rebuilt from what Jira kept:
 * its changelog and its comments. A person's last action is the latest comment or changelog entry authored by an
 * account that is not an app; the wait started at the last move into waiting_for_customer. Pure: no I/O.
 */
import { parseJiraInstant, statusChangesFromChangelog, type JiraChangelogHistory } from './changelog';
import type { Config } from './config';
import { nextDueAt, notWaiting, type ReminderState } from './reminders';
import { statusResolver, type CanonicalStatus } from './workflow';

/** The author of a changelog entry or a comment, as Jira returns it (UserDetails). */
interface Author {
  accountId?: string;
  accountType?: string;
}

/** A comment as GET /rest/api/3/issue/{key}/comment returns it (only the parts read here). */
export interface HistoryComment {
  author?: Author | null;
  created?: string;
}

export interface RequestHistory {
  /** `changelog.histories` of the issue (any order). */
  histories: readonly unknown[];
  comments: readonly HistoryComment[];
  /** When the request was created (epoch ms). */
  createdMs: number;
  /** The request's canonical status now. */
  status: CanonicalStatus | undefined;
}

function isPerson(author: Author | null | undefined): boolean {
  return !!author && author.accountType !== 'app';
}

function authorOf(history: unknown): Author | null {
  const author = (history as { author?: unknown } | null)?.author;
  return author && typeof author === 'object' ? (author as Author) : null;
}

/**
 * The instant of a person's last action: the latest comment or changelog entry not authored by an app, else the
 * request's creation.
 * @example lastPersonActivity({ histories: [{ created: '2026-01-02T00:00:00Z', author: { accountType: 'app' }, items: [] }], comments: [], createdMs: 5, status: undefined }) //=> 5
 */
export function lastPersonActivity(history: RequestHistory): number {
  let latest = history.createdMs;
  for (const entry of history.histories) {
    const at = parseJiraInstant((entry as { created?: unknown } | null)?.created);
    if (at !== undefined && isPerson(authorOf(entry))) latest = Math.max(latest, at);
  }
  for (const comment of history.comments) {
    const at = parseJiraInstant(comment.created);
    if (at !== undefined && isPerson(comment.author)) latest = Math.max(latest, at);
  }
  return latest;
}

/**
 * The clock of a request seen for the first time: waiting since its last move into waiting_for_customer (or its
 * creation when the changelog never shows that move), counting from a person's last action, nothing sent yet.
 * @example clockFromHistory({ histories: [], comments: [], createdMs: 0, status: 'in_progress' }, defaultConfig()).waiting //=> 'no'
 */
export function clockFromHistory(history: RequestHistory, config: Config): ReminderState {
  const lastActivityAt = lastPersonActivity(history);
  if (history.status !== 'waiting_for_customer') return { ...notWaiting(lastActivityAt), initialisedFrom: 'changelog' };
  const resolve = statusResolver(config.statusMapping);
  const entries = statusChangesFromChangelog(
    history.histories.filter((h): h is JiraChangelogHistory => !!h && typeof h === 'object'),
  );
  const entry = entries.filter((c) => resolve(c.to) === 'waiting_for_customer').at(-1);
  const waitingSince = entry?.at ?? history.createdMs;
  const state: ReminderState = {
    waiting: 'yes',
    waitingSince,
    lastActivityAt: Math.max(lastActivityAt, waitingSince),
    nextDueAt: null,
    stage: 0,
    initialisedFrom: 'changelog',
  };
  return { ...state, nextDueAt: nextDueAt(state, config) };
}
