/**
 * The demo data: the people of DESIGN.md section 3 (agents, customers of two organizations, the team lead,
 * the offer manager, an admin, the app's account), the `support-team` group, a dozen SUP requests at various
 * points of their life, and a few issues of the two other projects (IT Help, on JSM's own workflow, and the
 * software project DEV), written with past timestamps and changelog entries (no product events fire).
 */
import { EventEmitter } from 'events';
import type { Database } from '../db';
import { PROJECT, REOPEN_TRANSITION, findStatus, projectByKey, statusOf, transitionInto } from './catalog';
import type { SiteContext } from './context';
import { textToAdf } from './format';
import type { Channel, IssueRecord } from './issue-store';
import { SiteOperations } from './operations';
import { APP_ACCOUNT_ID, type Role, type SiteUser } from './users';
import type { CanonicalStatus } from '../../src/domain/workflow';

export const ORGANIZATIONS = [
  { id: 1, name: 'Acme Industries' },
  { id: 2, name: 'Globex Cloud' },
] as const;

export const SUPPORT_TEAM_GROUP = 'support-team';

interface SeedUser {
  accountId: string;
  email: string;
  name: string;
  role: Role;
  org?: number;
  locale: string;
  /** The person's profile visibility hides their email address. */
  emailHidden?: boolean;
}

export const SEED_USERS: readonly SeedUser[] = [
  { accountId: 'sandbox-agent-1', email: 'agent1@sandbox.test', name: 'Alice Agent', role: 'agent', locale: 'fr_FR' },
  {
    accountId: 'sandbox-agent-2',
    email: 'agent2@sandbox.test',
    name: 'Bruno Agent',
    role: 'agent',
    locale: 'fr_FR',
    emailHidden: true,
  },
  { accountId: 'sandbox-team-lead', email: 'lead@sandbox.test', name: 'Léa Lead', role: 'team-lead', locale: 'fr_FR' },
  {
    accountId: 'sandbox-offer-manager',
    email: 'offers@sandbox.test',
    name: 'Olivier Offre',
    role: 'offer-manager',
    locale: 'fr_FR',
  },
  { accountId: 'sandbox-admin', email: 'admin@sandbox.test', name: 'Ada Admin', role: 'admin', locale: 'en_US' },
  {
    accountId: 'sandbox-customer-acme-1',
    email: 'claire@acme.test',
    name: 'Claire Dupont',
    role: 'customer',
    org: 1,
    locale: 'fr_FR',
  },
  {
    accountId: 'sandbox-customer-acme-2',
    email: 'marc@acme.test',
    name: 'Marc Lefebvre',
    role: 'customer',
    org: 1,
    locale: 'fr_FR',
  },
  {
    accountId: 'sandbox-customer-globex-1',
    email: 'gwen@globex.test',
    name: 'Gwen Parker',
    role: 'customer',
    org: 2,
    locale: 'en_US',
    emailHidden: true,
  },
  {
    accountId: 'sandbox-customer-globex-2',
    email: 'hiro@globex.test',
    name: 'Hiro Tanaka',
    role: 'customer',
    org: 2,
    locale: 'en_US',
  },
];

/** Wiped on reset; not the clock, which only moves forward (a reset reseeds as of the sandbox's now). */
const TABLES = [
  'participants',
  'comments',
  'changelog',
  'issue_properties',
  'issues',
  'outbox',
  'customer_notification_settings',
  'group_members',
  'users',
  'organizations',
  'kvs',
  'app_events',
  'scheduler',
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One step of a demo request's life, `ago` before now: SUP moves by canonical status, others by status name. */
type Step =
  | { ago: number; by: string; move: CanonicalStatus; resolution?: 'Done' | 'Consulting'; comment?: string }
  | { ago: number; by: string; moveTo: string; resolution?: 'Done'; comment?: string }
  | { ago: number; by: string; reopen: true; comment?: string }
  | { ago: number; by: string; say: string; internal?: boolean };

interface DemoRequest {
  /** SUP unless given. */
  project?: string;
  issueTypeId?: string;
  ago: number;
  reporter: string;
  creator?: string;
  channel: Channel;
  priority?: string;
  summary: string;
  description: string;
  steps: Step[];
}

const A1 = 'sandbox-agent-1';
const A2 = 'sandbox-agent-2';
const CLAIRE = 'sandbox-customer-acme-1';
const MARC = 'sandbox-customer-acme-2';
const GWEN = 'sandbox-customer-globex-1';
const HIRO = 'sandbox-customer-globex-2';

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    ago: 2 * HOUR,
    reporter: CLAIRE,
    channel: 'portal',
    summary: 'Le tableau de bord Jira ne charge plus',
    description: 'Depuis ce matin, le tableau de bord de l’équipe reste blanc.',
    steps: [],
  },
  {
    ago: 30 * MINUTE,
    reporter: GWEN,
    channel: 'email',
    priority: '2',
    summary: 'Cannot log in to Confluence after the SSO change',
    description: 'Every user gets an error page after the identity provider redirect.',
    steps: [],
  },
  {
    ago: DAY + 3 * HOUR,
    reporter: MARC,
    channel: 'portal',
    summary: 'Erreur 500 sur la création de tickets',
    description: 'La création échoue pour le type « Bug ».',
    steps: [
      {
        ago: DAY + HOUR,
        by: A1,
        move: 'in_progress',
        comment: 'Nous analysons les journaux, nous revenons vers vous.',
      },
    ],
  },
  {
    ago: 5 * DAY,
    reporter: CLAIRE,
    channel: 'portal',
    summary: 'Export CSV incomplet',
    description: 'Il manque les champs personnalisés dans l’export.',
    steps: [
      { ago: 5 * DAY - 2 * HOUR, by: A2, move: 'in_progress' },
      {
        ago: 4 * DAY,
        by: A2,
        move: 'waiting_for_customer',
        comment: 'Pouvez-vous nous envoyer le filtre utilisé et un exemple de fichier ?',
      },
    ],
  },
  {
    ago: 2 * DAY,
    reporter: GWEN,
    channel: 'portal',
    priority: '2',
    summary: 'Marketplace app fails after the last update',
    description: 'The time-tracking app shows an error on every issue.',
    steps: [
      { ago: 2 * DAY - HOUR, by: A1, move: 'in_progress' },
      {
        ago: DAY + 20 * HOUR,
        by: A1,
        move: 'waiting_for_third_party',
        comment: 'We opened a ticket with the app vendor and will keep you posted.',
      },
      { ago: DAY + 19 * HOUR, by: A1, say: 'Vendor ticket: VEND-4821.', internal: true },
    ],
  },
  {
    ago: 6 * DAY,
    reporter: HIRO,
    channel: 'portal',
    summary: 'Upgrade of the staging instance',
    description: 'Please upgrade staging to the latest release.',
    steps: [
      { ago: 6 * DAY - 3 * HOUR, by: A2, move: 'in_progress' },
      {
        ago: 5 * DAY,
        by: A2,
        move: 'scheduled_operation',
        comment: 'The upgrade is planned next Tuesday at 07:00 UTC by Bruno.',
      },
    ],
  },
  {
    ago: 3 * DAY,
    reporter: MARC,
    channel: 'jira',
    creator: A1,
    summary: 'Droits manquants sur le projet FIN',
    description: 'Marc ne voit pas le projet FIN.',
    steps: [
      { ago: 3 * DAY - HOUR, by: A1, move: 'in_progress' },
      { ago: DAY, by: A1, move: 'resolved', resolution: 'Done', comment: 'Les droits sont corrigés.' },
    ],
  },
  {
    ago: 20 * DAY,
    reporter: CLAIRE,
    channel: 'email',
    summary: 'Question sur la facturation',
    description: 'Comment passer au plan annuel ?',
    steps: [
      { ago: 20 * DAY - 2 * HOUR, by: A2, move: 'in_progress' },
      {
        ago: 10 * DAY,
        by: A2,
        move: 'closed',
        resolution: 'Done',
        comment: 'Le passage au plan annuel se fait depuis l’administration du site.',
      },
    ],
  },
  {
    ago: 15 * DAY,
    reporter: GWEN,
    channel: 'portal',
    summary: 'Help designing our service workflow',
    description: 'We would like advice on a workflow for our HR team.',
    steps: [
      { ago: 15 * DAY - HOUR, by: A1, move: 'in_progress' },
      {
        ago: 14 * DAY,
        by: A1,
        move: 'closed',
        resolution: 'Consulting',
        comment: 'This is a consulting need: our offer manager will contact you.',
      },
    ],
  },
  {
    ago: 8 * DAY,
    reporter: HIRO,
    channel: 'portal',
    summary: 'Automation rule runs twice',
    description: 'Each issue gets two comments from the same rule.',
    steps: [
      { ago: 8 * DAY - HOUR, by: A2, move: 'in_progress' },
      {
        ago: 3 * DAY,
        by: A2,
        move: 'resolved',
        resolution: 'Done',
        comment: 'The rule had two triggers; one was removed.',
      },
      { ago: DAY, by: HIRO, reopen: true, comment: 'It happens again on the new project.' },
    ],
  },
  {
    ago: 4 * HOUR,
    reporter: CLAIRE,
    channel: 'jira',
    creator: A1,
    summary: 'Lenteurs sur la recherche avancée',
    description: 'Les recherches JQL prennent plus de 10 secondes.',
    steps: [
      { ago: 3 * HOUR, by: A1, move: 'in_progress' },
      { ago: 2 * HOUR, by: A1, say: 'Index en cours de reconstruction côté Atlassian, à surveiller.', internal: true },
    ],
  },
  {
    ago: 5 * HOUR,
    reporter: HIRO,
    channel: 'portal',
    priority: '1',
    summary: 'Production site is down',
    description: 'Nobody can reach our Jira site since 05:00 UTC.',
    steps: [],
  },
];

/** Issues of the other projects: IT Help (JSM, English workflow) and DEV (Jira Software). */
export const OTHER_PROJECT_ISSUES: readonly DemoRequest[] = [
  {
    project: 'IT',
    ago: 3 * HOUR,
    reporter: MARC,
    channel: 'portal',
    summary: 'VPN access for a new laptop',
    description: 'My new laptop cannot connect to the VPN.',
    steps: [],
  },
  {
    project: 'IT',
    ago: 2 * DAY,
    reporter: GWEN,
    channel: 'email',
    summary: 'Shared mailbox for the sales team',
    description: 'Please create sales@globex.test.',
    steps: [{ ago: DAY, by: A2, moveTo: 'In Progress', comment: 'We are on it.' }],
  },
  {
    project: 'IT',
    ago: 6 * DAY,
    reporter: CLAIRE,
    channel: 'portal',
    summary: 'Printer on the 2nd floor jams',
    description: 'Every print job jams.',
    steps: [
      { ago: 5 * DAY, by: A2, moveTo: 'In Progress' },
      { ago: 4 * DAY, by: A2, moveTo: 'Resolved', resolution: 'Done', comment: 'The roller was replaced.' },
    ],
  },
  {
    project: 'DEV',
    issueTypeId: '10006',
    ago: 4 * DAY,
    reporter: A1,
    channel: 'jira',
    summary: 'Upgrade the staging database',
    description: 'Staging still runs the previous major version.',
    steps: [],
  },
  {
    project: 'DEV',
    issueTypeId: '10007',
    ago: 3 * DAY,
    reporter: A2,
    channel: 'jira',
    summary: 'Search page times out on large projects',
    description: 'Reported by several support requests.',
    steps: [{ ago: 2 * DAY, by: A1, moveTo: 'In Progress', comment: 'Looking at the query plan.' }],
  },
  {
    project: 'DEV',
    issueTypeId: '10008',
    ago: 10 * DAY,
    reporter: A1,
    channel: 'jira',
    summary: 'Export audit logs as CSV',
    description: 'Admins want the audit log as a file.',
    steps: [
      { ago: 9 * DAY, by: A1, moveTo: 'In Progress' },
      { ago: 7 * DAY, by: A1, moveTo: 'Done', comment: 'Shipped in the last release.' },
    ],
  },
];

/**
 * Wipes every table but the clock (the runtime's too) and writes the demo data, as of `now`.
 * @example resetAndSeed(ctx, Date.now()); ctx.issues.find('SUP-12')?.summary //=> 'Production site is down'
 */
export function resetAndSeed(ctx: SiteContext, now: number): void {
  ctx.db.transaction(() => {
    for (const table of TABLES) ctx.db.prepare(`DELETE FROM ${table}`).run();
    seedAccounts(ctx.db);
  })();
  // The demo's past: no product event fires, no customer notification goes out.
  const silent = new SiteOperations({ ...ctx, events: new EventEmitter() }, { notifyCustomers: false });
  ctx.db.transaction(() => {
    for (const request of [...DEMO_REQUESTS, ...OTHER_PROJECT_ISSUES]) seedRequest(ctx, silent, request, now);
  })();
}

function seedAccounts(db: Database): void {
  const insertOrg = db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?)');
  for (const org of ORGANIZATIONS) insertOrg.run(org.id, org.name);
  const insertUser = db.prepare(
    'INSERT INTO users (account_id, email, display_name, role, account_type, organization_id, locale, time_zone, email_visible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const u of SEED_USERS) {
    insertUser.run(
      u.accountId,
      u.email,
      u.name,
      u.role,
      u.role === 'customer' ? 'customer' : 'atlassian',
      u.org ?? null,
      u.locale,
      'Europe/Paris',
      u.emailHidden ? 0 : 1,
    );
  }
  // An app's account shows no email address.
  insertUser.run(
    APP_ACCOUNT_ID,
    'support-rules@connect.atlassian.invalid',
    'Support Rules',
    'app',
    'app',
    null,
    'en_US',
    'UTC',
    0,
  );
  const insertMember = db.prepare('INSERT INTO group_members (group_name, account_id) VALUES (?, ?)');
  for (const u of SEED_USERS) {
    if (u.role === 'agent' || u.role === 'team-lead') insertMember.run(SUPPORT_TEAM_GROUP, u.accountId);
    if (u.role === 'admin') insertMember.run('jira-administrators', u.accountId);
  }
}

function seedRequest(ctx: SiteContext, ops: SiteOperations, request: DemoRequest, now: number): void {
  const user = (id: string): SiteUser => ctx.users.byId(id)!;
  const project = projectByKey(request.project ?? PROJECT.key);
  let issue: IssueRecord = ops.createRequest(
    user(request.creator ?? request.reporter),
    {
      summary: request.summary,
      description: textToAdf(request.description),
      reporter: user(request.reporter),
      channel: request.channel,
      priorityId: request.priority,
      project,
      issueTypeId: request.issueTypeId,
    },
    now - request.ago,
  );
  for (const step of request.steps) {
    const at = now - step.ago;
    if ('say' in step) {
      ops.comment(user(step.by), issue, textToAdf(step.say), step.internal ?? false, at);
    } else {
      const transitionId =
        'reopen' in step
          ? REOPEN_TRANSITION.id
          : 'move' in step
            ? transitionInto(statusOf(step.move)).id
            : transitionInto(findStatus(step.moveTo)!, project).id;
      const resolution = !('reopen' in step) && step.resolution ? { name: step.resolution } : undefined;
      const comment = step.comment ? { body: textToAdf(step.comment), internal: false } : undefined;
      ops.transition(user(step.by), issue, { transitionId, resolution, comment }, at);
    }
    issue = ctx.issues.find(issue.key)!;
  }
}
