/**
 * Generated Jira exports for the `sla` command: bodies of GET /rest/api/3/issue/{key}?expand=changelog as
 * Jira Cloud returns them (the IssueBean with every field, `changelog` holding at most the 100 most recent
 * histories with `total` telling how many exist), for a service desk in Paris.
 *
 * Each request lives a random life through the support workflow (DESIGN.md section 1): agents pick it up,
 * wait for the customer or a third party, schedule operations, resolve and close it; customers reopen some.
 * Between the moves, agents reassign, change the priority, label and edit fields, so the changelog holds
 * more than status changes. Lives last from minutes to two years; some requests are still open (running or
 * paused SLAs), some were created straight in another status. Creation instants favour working hours and
 * cross French public holidays and daylight-saving changes; organizations pick 24/7 or business-hours
 * contracts through {@link SLA_EXPORTS_CONFIG}.
 *
 * Seeded: the same seed gives the same exports.
 */
import { DateTime } from 'luxon';
import { STATUS_NAMES, type CanonicalStatus } from '../../src/domain/workflow';
import { random } from './random';

const MINUTE = 60_000;
const DAY = 86_400_000;
const SITE = 'https://acme-support.atlassian.net';

/** The instant the generated exports are read at (pass it as --now). */
export const SLA_EXPORTS_NOW = '2026-06-30T12:00:00+02:00';

/** A configuration as the admin page exports it: two 24/7 contracts, goals per priority. */
export const SLA_EXPORTS_CONFIG = {
  coverage: { byOrganization: { Globex: '24x7', Umbrella: '24x7' } },
  responseGoals: { defaultMinutes: 240, byPriority: { Highest: 60, High: 120, Low: 480 } },
};

const STATUS_IDS: Record<CanonicalStatus, string> = {
  submitted: '10001',
  in_progress: '10002',
  waiting_for_customer: '10003',
  waiting_for_third_party: '10004',
  scheduled_operation: '10005',
  resolved: '10006',
  closed: '10007',
};

const CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

function statusJson(status: CanonicalStatus): Record<string, unknown> {
  const category =
    status === 'submitted'
      ? CATEGORY.new
      : status === 'resolved' || status === 'closed'
        ? CATEGORY.done
        : CATEGORY.indeterminate;
  return {
    self: `${SITE}/rest/api/3/status/${STATUS_IDS[status]}`,
    description: '',
    iconUrl: `${SITE}/images/icons/statuses/generic.png`,
    name: STATUS_NAMES[status].fr,
    id: STATUS_IDS[status],
    statusCategory: { self: `${SITE}/rest/api/3/statuscategory/${category.id}`, ...category },
  };
}

interface Person {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'customer' | 'app';
}

const AGENTS: Person[] = ['Alice Martin', 'Bruno Petit', 'Chloé Durand', 'David Moreau', 'Emma Laurent'].map(
  (displayName, i) => ({
    accountId: `5b10ac8d82e05b22cc7d4e${String(i).padStart(2, '0')}`,
    displayName,
    emailAddress: `${displayName.split(' ')[0]!.toLowerCase()}@acme-support.example`,
    accountType: 'atlassian',
  }),
);
const APP: Person = {
  accountId: '712020:support-rules-app',
  displayName: 'Support rules',
  emailAddress: '',
  accountType: 'app',
};
const ORGANIZATIONS = ['Initech', 'Globex', 'Acme', 'Umbrella', 'Hooli'];
const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
];
const LABELS = ['jira', 'confluence', 'upgrade', 'plugin', 'performance', 'sso', 'backup', 'migration'];
const WORDS =
  'Jira ne démarre plus après la mise à jour le plugin de reporting renvoie une erreur 500 lors de export des tableaux de bord la synchronisation LDAP échoue depuis hier soir merci de regarder rapidement nous avons redémarré le service sans succès'.split(
    ' ',
  );

function customer(org: string, n: number): Person {
  return {
    accountId: `qm:${org.toLowerCase()}:${n}`,
    displayName: `Client ${n} (${org})`,
    emailAddress: `client${n}@${org.toLowerCase()}.example`,
    accountType: 'customer',
  };
}

function userJson(p: Person | null): Record<string, unknown> | null {
  if (!p) return null;
  const avatar = `https://secure.gravatar.com/avatar/${p.accountId.replace(/\W/g, '')}?d=mm`;
  return {
    self: `${SITE}/rest/api/3/user?accountId=${encodeURIComponent(p.accountId)}`,
    accountId: p.accountId,
    ...(p.emailAddress ? { emailAddress: p.emailAddress } : {}),
    avatarUrls: {
      '48x48': `${avatar}&s=48`,
      '24x24': `${avatar}&s=24`,
      '16x16': `${avatar}&s=16`,
      '32x32': `${avatar}&s=32`,
    },
    displayName: p.displayName,
    active: true,
    timeZone: 'Europe/Paris',
    accountType: p.accountType,
  };
}

function adf(text: string): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/** Jira's timestamp in the site's zone: "2024-03-29T16:00:00.000+0100". */
function jiraDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");
}

/** The next status of a request in `status`, as desks move them. */
function nextStatus(status: CanonicalStatus, next: () => number): CanonicalStatus {
  const r = next();
  switch (status) {
    case 'submitted':
      return r < 0.7
        ? 'in_progress'
        : r < 0.8
          ? 'waiting_for_customer'
          : r < 0.88
            ? 'waiting_for_third_party'
            : r < 0.94
              ? 'scheduled_operation'
              : 'resolved';
    case 'in_progress':
      return r < 0.35
        ? 'waiting_for_customer'
        : r < 0.55
          ? 'waiting_for_third_party'
          : r < 0.65
            ? 'scheduled_operation'
            : r < 0.95
              ? 'resolved'
              : 'closed';
    case 'waiting_for_customer':
    case 'waiting_for_third_party':
    case 'scheduled_operation':
      return r < 0.8 ? 'in_progress' : r < 0.9 ? 'resolved' : 'closed';
    case 'resolved':
      return r < 0.85 ? 'closed' : 'in_progress';
    case 'closed':
      return 'in_progress';
  }
}

/** A delay before the next move: minutes to weeks, log-uniform. */
function delay(next: () => number, maxMs: number): number {
  return Math.floor(Math.exp(Math.log(MINUTE) + next() * (Math.log(maxMs) - Math.log(MINUTE))));
}

interface History {
  id: string;
  author: Record<string, unknown> | null;
  created: string;
  items: Array<Record<string, unknown>>;
}

export interface GenerateOptions {
  /** Life span of every request, in days: [min, max]; by default a mix from minutes to two years. */
  spanDays?: [number, number];
  /** The zone of the site's timestamps (Jira writes them with the user's offset); default Europe/Paris. */
  zone?: string;
}

/**
 * `count` exports, SUP-1 onwards, created before {@link SLA_EXPORTS_NOW}.
 * @example generateSlaExports(3, 42)[0].key //=> 'SUP-1'
 */
export function generateSlaExports(
  count: number,
  seed: number,
  options: GenerateOptions = {},
): Array<Record<string, unknown>> {
  const next = random(seed);
  const nowMs = DateTime.fromISO(SLA_EXPORTS_NOW).toMillis();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const exports: Array<Record<string, unknown>> = [];
  let historyId = 100_000;
  for (let n = 1; n <= count; n++) {
    const zone = options.zone ?? (next() < 0.9 ? 'Europe/Paris' : 'UTC');
    // The life span: most requests live days, some weeks, a few years.
    const spanMs = options.spanDays
      ? (options.spanDays[0] + next() * (options.spanDays[1] - options.spanDays[0])) * DAY
      : next() < 0.6
        ? delay(next, 10 * DAY)
        : next() < 0.8
          ? delay(next, 90 * DAY)
          : delay(next, 730 * DAY);
    // Creation: a weekday's working hours mostly, sometimes evenings and weekends.
    let createdMs = nowMs - spanMs - Math.floor(next() * (options.spanDays ? 0 : 30 * DAY));
    const local = DateTime.fromMillis(createdMs, { zone: 'Europe/Paris' });
    if (next() < 0.8)
      createdMs = local
        .set({ hour: 9 + Math.floor(next() * 9), minute: Math.floor(next() * 60), second: Math.floor(next() * 60) })
        .toMillis();
    createdMs = Math.min(createdMs, nowMs - MINUTE);

    const org = next() < 0.85 ? pick(ORGANIZATIONS) : null;
    const reporter = customer(org ?? 'Independent', Math.floor(next() * 40));
    const priority = pick(PRIORITIES);
    let assignee: Person | null = next() < 0.7 ? pick(AGENTS) : null;
    let status: CanonicalStatus =
      next() < 0.95 ? 'submitted' : pick(['in_progress', 'waiting_for_third_party'] as const);
    let labels: string[] = [];
    let resolution: { id: string; name: string } | null = null;
    let resolutionMs: number | null = null;
    const histories: History[] = [];
    const comments: Array<Record<string, unknown>> = [];
    // How busy the request is: the mean number of changelog entries per status change.
    const chatter = next() * 3;
    let t = createdMs;
    const endMs = Math.min(nowMs, createdMs + spanMs);
    const stillOpen = next() < 0.25;
    while (true) {
      // Moves come minutes to weeks apart; with a fixed span, in proportion to it (as many moves in two days as in two years).
      const spread = options.spanDays ? spanMs / 8 : Math.min(21 * DAY, (endMs - createdMs) / 2);
      const moveAt = t + delay(next, Math.max(2 * MINUTE, spread));
      // Field edits between two moves.
      const edits = Math.floor(next() * chatter * 2);
      for (let e = 0; e < edits; e++) {
        const at = t + Math.floor(next() * (moveAt - t));
        if (at >= nowMs) break;
        const author = pick(AGENTS);
        const r = next();
        let item: Record<string, unknown>;
        if (r < 0.4) {
          const to = pick(AGENTS);
          item = {
            field: 'assignee',
            fieldtype: 'jira',
            fieldId: 'assignee',
            from: assignee?.accountId ?? null,
            fromString: assignee?.displayName ?? null,
            to: to.accountId,
            toString: to.displayName,
            tmpFromAccountId: assignee?.accountId ?? null,
            tmpToAccountId: to.accountId,
          };
          assignee = to;
        } else if (r < 0.6) {
          const to = pick(PRIORITIES);
          item = {
            field: 'priority',
            fieldtype: 'jira',
            fieldId: 'priority',
            from: priority.id,
            fromString: priority.name,
            to: to.id,
            toString: to.name,
          };
        } else if (r < 0.8) {
          const added = pick(LABELS);
          const before = labels.join(' ');
          labels = [...new Set([...labels, added])];
          item = {
            field: 'labels',
            fieldtype: 'jira',
            fieldId: 'labels',
            from: null,
            fromString: before,
            to: null,
            toString: labels.join(' '),
          };
        } else if (r < 0.9) {
          item = {
            field: 'Request participants',
            fieldtype: 'custom',
            fieldId: 'customfield_10003',
            from: '[]',
            fromString: '',
            to: `[${reporter.accountId}]`,
            toString: reporter.displayName,
          };
        } else {
          // A field named "Status" by a plugin: not the workflow's status.
          item = {
            field: 'Status',
            fieldtype: 'custom',
            fieldId: 'customfield_10040',
            from: null,
            fromString: 'Vert',
            to: null,
            toString: 'Orange',
          };
        }
        histories.push({
          id: String(historyId++),
          author: userJson(author),
          created: jiraDate(at, zone),
          items: [item],
        });
        if (next() < 0.5)
          comments.push({
            self: `${SITE}/rest/api/3/issue/${n}/comment/${historyId}`,
            id: String(historyId),
            author: userJson(author),
            body: adf(Array.from({ length: 8 + Math.floor(next() * 30) }, () => pick(WORDS)).join(' ')),
            updateAuthor: userJson(author),
            created: jiraDate(at, zone),
            updated: jiraDate(at, zone),
            jsdPublic: next() < 0.7,
          });
      }
      if (moveAt >= endMs) break;
      if (stillOpen && moveAt > createdMs + spanMs * 0.8) break;
      const to = nextStatus(status, next);
      const reopen = (status === 'resolved' || status === 'closed') && to === 'in_progress';
      const author = reopen ? reporter : next() < 0.05 ? APP : pick(AGENTS);
      const items: Array<Record<string, unknown>> = [];
      if (to === 'resolved' || to === 'closed') {
        if (!resolution) {
          resolution = next() < 0.9 ? { id: '10000', name: 'Done' } : { id: '10001', name: 'Consulting' };
          resolutionMs = moveAt;
          items.push({
            field: 'resolution',
            fieldtype: 'jira',
            fieldId: 'resolution',
            from: null,
            fromString: null,
            to: resolution.id,
            toString: resolution.name,
          });
        }
      } else if (resolution) {
        items.push({
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: resolution.id,
          fromString: resolution.name,
          to: null,
          toString: null,
        });
        resolution = null;
        resolutionMs = null;
      }
      items.push({
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: STATUS_IDS[status],
        fromString: STATUS_NAMES[status].fr,
        to: STATUS_IDS[to],
        toString: STATUS_NAMES[to].fr,
      });
      if (next() < 0.5) items.reverse();
      histories.push({ id: String(historyId++), author: userJson(author), created: jiraDate(moveAt, zone), items });
      status = to;
      t = moveAt;
      // A closed request that nobody reopens ends its life.
      if (status === 'closed' && next() < 0.9) break;
    }

    // Some exports list the newest entries first; expand=changelog carries the 100 most recent.
    const total = histories.length;
    const kept = histories.slice(-100);
    if (next() < 0.3) kept.reverse();
    const lastMs = Math.max(createdMs, ...histories.map((h) => DateTime.fromISO(h.created).toMillis()));
    const key = `SUP-${n}`;
    const id = String(20_000 + n);
    const organizations = org
      ? [
          {
            id: String(ORGANIZATIONS.indexOf(org) + 1),
            name: org,
            _links: { self: `${SITE}/rest/servicedeskapi/organization/${ORGANIZATIONS.indexOf(org) + 1}` },
          },
        ]
      : [];
    const summary = Array.from({ length: 4 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' ');
    exports.push({
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id,
      self: `${SITE}/rest/api/3/issue/${id}`,
      key,
      fields: {
        summary,
        description: adf(Array.from({ length: 20 + Math.floor(next() * 80) }, () => pick(WORDS)).join(' ')),
        status: statusJson(status),
        priority: {
          self: `${SITE}/rest/api/3/priority/${priority.id}`,
          iconUrl: `${SITE}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
          ...priority,
        },
        resolution: resolution ? { self: `${SITE}/rest/api/3/resolution/${resolution.id}`, ...resolution } : null,
        resolutiondate: resolutionMs === null ? null : jiraDate(resolutionMs, zone),
        reporter: userJson(reporter),
        creator: userJson(reporter),
        assignee: userJson(assignee),
        created: jiraDate(createdMs, zone),
        updated: jiraDate(lastMs, zone),
        project: {
          self: `${SITE}/rest/api/3/project/10000`,
          id: '10000',
          key: 'SUP',
          name: 'Support',
          projectTypeKey: 'service_desk',
          simplified: false,
        },
        issuetype: {
          self: `${SITE}/rest/api/3/issuetype/10004`,
          id: '10004',
          name: 'Service request',
          subtask: false,
          hierarchyLevel: 0,
          description: '',
          iconUrl: `${SITE}/images/icons/issuetypes/request.svg`,
        },
        labels,
        comment: {
          comments,
          self: `${SITE}/rest/api/3/issue/${id}/comment`,
          maxResults: comments.length,
          total: comments.length,
          startAt: 0,
        },
        customfield_10002: organizations,
        customfield_10003: [],
        customfield_10010: {
          _links: {
            web: `${SITE}/servicedesk/customer/portal/1/${key}`,
            self: `${SITE}/rest/servicedeskapi/request/${id}`,
          },
          requestType: {
            id: '1',
            name: 'Demande de support',
            description: 'Ask the support team for help',
            serviceDeskId: '1',
          },
          currentStatus: {
            status: STATUS_NAMES[status].fr,
            statusDate: { iso8601: jiraDate(lastMs, zone), epochMillis: lastMs },
          },
        },
      },
      changelog: { startAt: 0, maxResults: 100, total, histories: kept },
    });
  }
  return exports;
}
