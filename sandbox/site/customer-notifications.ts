/**
 * JSM's own customer notifications, as a new service project ships them: sent by JSM itself into the outbox with
 * `source: "jsm"`, beside whatever the app sends (`source: "app"`).
 *
 * Sources: Atlassian, "What notifications do my customers and team receive?"
 * (https://support.atlassian.com/jira-service-desk-cloud/docs/what-notifications-do-my-customers-and-service-desk-team-receive/):
 * the people involved get customer notifications (the reporter, request participants, a customer who posted a
 * public comment), never of their own activity; organization members' are off until they opt in. The default
 * customer notifications of a service project (Project settings → Notifications → Customer notifications), each
 * switched per project:
 *
 * | kind | when | to |
 * |---|---|---|
 * | requestCreated | a customer raises a request in the portal or through the email channel | its reporter |
 * | publicCommentAdded | a comment customers can see is added | the people involved |
 * | customerVisibleStatusChanged | the request moves to another status (each status shows to customers) | the people involved |
 * | requestResolved | the resolution is set | the people involved |
 * | requestReopened | the resolution is cleared | the people involved |
 * | participantAdded | people are added as request participants | the new participants |
 *
 * The notifications of one step (a transition with its comment) are batched into one email, as JSM does. Where
 * the sources do not say whether a default notification starts on, it starts on (the stricter choice for an app
 * whose emails they may double). Customer invitations, approvals, organizations and comment edits are not
 * modelled: the sandbox has none of those actions. JSM has no REST API for these settings: the control calls
 * `GET/PUT /_sandbox/projects/{key}/customer-notifications` stand for the project settings page.
 */
import type { Database } from '../db';
import { findProject, statusById } from './catalog';
import type { IssueStore, IssueRecord } from './issue-store';
import { sendEmail } from './outbox';
import { isAgent } from './permissions';
import type { UserDirectory } from './users';

export const CUSTOMER_NOTIFICATIONS = [
  'requestCreated',
  'publicCommentAdded',
  'customerVisibleStatusChanged',
  'requestResolved',
  'requestReopened',
  'participantAdded',
] as const;
export type CustomerNotification = (typeof CUSTOMER_NOTIFICATIONS)[number];
export type CustomerNotificationSettings = Record<CustomerNotification, boolean>;

/** Every notification on, as a new service project has them. */
export const ALL_ON: Readonly<CustomerNotificationSettings> = Object.freeze(
  Object.fromEntries(CUSTOMER_NOTIFICATIONS.map((n) => [n, true])) as CustomerNotificationSettings,
);

/** What one step (one write) did to a request, as JSM's notifications read it. */
export interface CustomerStep {
  /** The request after the step. */
  issue: IssueRecord;
  actorId: string;
  /** When (epoch ms, the sandbox clock). */
  at: number;
  created?: boolean;
  /** The status before a transition (its id). */
  movedFrom?: string;
  /** The resolution the step set (from none), by name. */
  resolutionSet?: string;
  /** The step cleared the resolution. */
  resolutionCleared?: boolean;
  /** The text of a comment customers can see, added by the step. */
  publicComment?: string;
  /** The people the step added as participants. */
  participantsAdded?: readonly string[];
}

/**
 * Each service project's customer notification settings, and the emails they send.
 * @example new CustomerNotifications(db, users, issues).afterStep({ issue, actorId: agent, at: now, publicComment: 'On it' })
 */
export class CustomerNotifications {
  constructor(
    private readonly db: Database,
    private readonly users: UserDirectory,
    private readonly issues: IssueStore,
    /** What a project has until its settings change. */
    private readonly defaults: CustomerNotificationSettings = { ...ALL_ON },
  ) {}

  /**
   * A service project's settings.
   * @example notifications.settings('SUP').publicCommentAdded //=> true
   */
  settings(projectKey: string): CustomerNotificationSettings {
    const rows = this.db
      .prepare<[string], { kind: string; enabled: number }>(
        'SELECT kind, enabled FROM customer_notification_settings WHERE project_key = ?',
      )
      .all(projectKey);
    const settings = { ...this.defaults };
    for (const row of rows)
      if ((CUSTOMER_NOTIFICATIONS as readonly string[]).includes(row.kind))
        settings[row.kind as CustomerNotification] = row.enabled === 1;
    return settings;
  }

  /**
   * Turns some of a project's notifications on or off.
   * @example notifications.update('SUP', { publicCommentAdded: false })
   */
  update(projectKey: string, changes: Partial<CustomerNotificationSettings>): void {
    const write = this.db.prepare(
      'INSERT INTO customer_notification_settings (project_key, kind, enabled) VALUES (?, ?, ?) ' +
        'ON CONFLICT (project_key, kind) DO UPDATE SET enabled = excluded.enabled',
    );
    for (const [kind, enabled] of Object.entries(changes)) write.run(projectKey, kind, enabled ? 1 : 0);
  }

  /** Sends what a step's enabled notifications make: one email to the people involved, one to new participants. */
  afterStep(step: CustomerStep): void {
    const { issue } = step;
    const project = findProject(issue.projectKey);
    if (!project?.serviceDesk) return;
    const on = this.settings(issue.projectKey);
    const status = statusById(issue.statusId)?.name ?? issue.statusId;
    const lines: string[] = [];
    if (step.created && on.requestCreated && (issue.channel === 'portal' || issue.channel === 'email'))
      lines.push(`We have received your request ${issue.key} "${issue.summary}".`);
    if (step.movedFrom !== undefined && step.movedFrom !== issue.statusId && on.customerVisibleStatusChanged)
      lines.push(`The status of your request changed to ${status}.`);
    if (step.resolutionSet !== undefined && on.requestResolved)
      lines.push(`Your request has been resolved (${step.resolutionSet}).`);
    if (step.resolutionCleared && on.requestReopened) lines.push('Your request has been reopened.');
    if (step.publicComment !== undefined && on.publicCommentAdded) {
      const author = this.users.byId(step.actorId)?.displayName ?? step.actorId;
      lines.push(`${author} commented:\n\n${step.publicComment}`);
    }
    const newcomers = on.participantAdded ? (step.participantsAdded ?? []).filter((id) => id !== step.actorId) : [];
    if (lines.length > 0) {
      // A creation confirmation goes to the reporter alone, even when the reporter raised it.
      const to = step.created ? [issue.reporterId] : this.involved(issue).filter((id) => id !== step.actorId);
      this.send(issue, project.name, to, lines, status, step.at);
    }
    if (newcomers.length > 0) {
      const actor = this.users.byId(step.actorId)?.displayName ?? step.actorId;
      this.send(issue, project.name, newcomers, [`${actor} added you to this request.`], status, step.at);
    }
  }

  /** The reporter, the participants and the customers who posted a public comment. */
  private involved(issue: IssueRecord): string[] {
    const commenters = this.issues
      .comments(issue.id, true)
      .filter((c) => !c.internal && !c.visibility)
      .map((c) => this.users.byId(c.authorId))
      .filter((u) => u !== undefined && !isAgent(u))
      .map((u) => u!.accountId);
    return [issue.reporterId, ...issue.participantIds, ...commenters];
  }

  private send(
    issue: IssueRecord,
    projectName: string,
    to: readonly string[],
    lines: string[],
    status: string,
    at: number,
  ): void {
    const recipients = [...new Set(to)].filter((id) => this.users.byId(id));
    if (recipients.length === 0) return;
    sendEmail(this.db, {
      issueKey: issue.key,
      subject: `${issue.key} ${issue.summary}`,
      textBody: [...lines, `Status: ${status}`, `— ${projectName}`].join('\n\n'),
      htmlBody: null,
      to: recipients,
      senderId: 'jsm',
      at,
      source: 'jsm',
    });
  }
}
