/**
 * The site's accounts: people (agents, customers, team lead, offer manager, admin) and the app's own account,
 * read from the `users` table, and their Jira JSON (UserDetails / User).
 */
import type { Database } from '../db';

export type Role = 'agent' | 'customer' | 'team-lead' | 'offer-manager' | 'admin' | 'app' | 'anonymous';

export interface SiteUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  role: Role;
  accountType: 'atlassian' | 'customer' | 'app';
  organizationId: number | null;
  organization: string | null;
  locale: string;
  timeZone: string;
  /** False when the person's profile visibility hides their email address from others. */
  emailVisible: boolean;
}

/**
 * The caller of a request without credentials, to an operation Jira answers anonymously: no permission at all.
 */
export const ANONYMOUS: SiteUser = {
  accountId: '',
  emailAddress: '',
  displayName: 'Anonymous',
  role: 'anonymous',
  accountType: 'atlassian',
  organizationId: null,
  organization: null,
  locale: 'en_US',
  timeZone: 'UTC',
  emailVisible: false,
};

/** The shape of GET /_sandbox/users (DESIGN.md section 3). */
export interface SandboxUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  role: Exclude<Role, 'app' | 'anonymous'>;
  organization: string | null;
}

/** The app's own account (accountType 'app'), as Forge apps act in Jira. */
export const APP_ACCOUNT_ID = 'sandbox-app-support-rules';

interface UserRow {
  account_id: string;
  email: string;
  display_name: string;
  role: Role;
  account_type: SiteUser['accountType'];
  organization_id: number | null;
  organization: string | null;
  locale: string;
  time_zone: string;
  email_visible: number;
}

const SELECT = `SELECT u.*, o.name AS organization FROM users u LEFT JOIN organizations o ON o.id = u.organization_id`;

function fromRow(row: UserRow): SiteUser {
  return {
    accountId: row.account_id,
    emailAddress: row.email,
    displayName: row.display_name,
    role: row.role,
    accountType: row.account_type,
    organizationId: row.organization_id,
    organization: row.organization,
    locale: row.locale,
    timeZone: row.time_zone,
    emailVisible: row.email_visible !== 0,
  };
}

/** Reads accounts from the database. */
export class UserDirectory {
  constructor(private readonly db: Database) {}

  /**
   * The account with this id, or undefined.
   * @example users.byId('sandbox-agent-1')?.displayName //=> 'Alice Agent'
   */
  byId(accountId: string): SiteUser | undefined {
    const row = this.db.prepare<[string], UserRow>(`${SELECT} WHERE u.account_id = ?`).get(accountId);
    return row && fromRow(row);
  }

  /**
   * The account with this email address (case-insensitive), or undefined.
   * @example users.byEmail('AGENT1@sandbox.test')?.role //=> 'agent'
   */
  byEmail(email: string): SiteUser | undefined {
    const row = this.db.prepare<[string], UserRow>(`${SELECT} WHERE u.email = ?`).get(email);
    return row && fromRow(row);
  }

  /** The email addresses their owners hide (profile visibility). */
  hiddenEmails(): Set<string> {
    return new Set(this.db.prepare<[], string>('SELECT lower(email) FROM users WHERE email_visible = 0').pluck().all());
  }

  /** Every account, the app's included, in creation order. */
  all(): SiteUser[] {
    return this.db.prepare<[], UserRow>(`${SELECT} ORDER BY u.rowid`).all().map(fromRow);
  }

  /** The members of a group, in creation order. */
  groupMembers(groupName: string): SiteUser[] {
    return this.db
      .prepare<[string], UserRow>(
        `${SELECT} JOIN group_members g ON g.account_id = u.account_id WHERE g.group_name = ? ORDER BY u.rowid`,
      )
      .all(groupName)
      .map(fromRow);
  }

  /** The names of every group. */
  groupNames(): string[] {
    return this.db
      .prepare<[], string>('SELECT DISTINCT group_name FROM group_members ORDER BY group_name')
      .pluck()
      .all();
  }

  /**
   * Creates a portal customer for an unknown email sender, as JSM does when its email channel is open to anyone.
   * @example users.createCustomer('new@example.com').accountType //=> 'customer'
   */
  createCustomer(email: string): SiteUser {
    const accountId = `sandbox-customer-${email.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    this.db
      .prepare(
        `INSERT INTO users (account_id, email, display_name, role, account_type, organization_id, locale, time_zone) VALUES (?, ?, ?, 'customer', 'customer', NULL, 'fr_FR', 'Europe/Paris')`,
      )
      .run(accountId, email, email);
    return this.byId(accountId)!;
  }
}

/**
 * The Jira JSON of an account (UserDetails, as in comments, changelogs and issue fields).
 * @example userDetails(alice, 'http://127.0.0.1:8080').accountType //=> 'atlassian'
 */
export function userDetails(user: SiteUser, baseUrl: string): Record<string, unknown> {
  const avatar = `${baseUrl}/_sandbox/avatar/${encodeURIComponent(user.accountId)}.png`;
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/**
 * The Jira JSON of GET /rest/api/3/user and /myself: UserDetails plus locale, groups and application roles.
 * @example fullUser(alice, baseUrl, ['support-team']).locale //=> 'fr_FR'
 */
export function fullUser(user: SiteUser, baseUrl: string, groups: string[]): Record<string, unknown> {
  return {
    ...userDetails(user, baseUrl),
    locale: user.locale,
    groups: {
      size: groups.length,
      items: groups.map((name) => ({
        name,
        self: `${baseUrl}/rest/api/3/group?groupname=${encodeURIComponent(name)}`,
      })),
    },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  };
}

/**
 * The control surface's view of an account.
 * @example sandboxUser(alice) //=> { accountId: 'sandbox-agent-1', emailAddress: 'agent1@sandbox.test', displayName: 'Alice Agent', role: 'agent', organization: null }
 */
export function sandboxUser(user: SiteUser & { role: Exclude<Role, 'app' | 'anonymous'> }): SandboxUser {
  return {
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    displayName: user.displayName,
    role: user.role,
    organization: user.organization,
  };
}
