/**
 * Every write the site's REST API can make, with JSM's permission checks, in one SQLite transaction each (with
 * the customer notification JSM sends for that step, customer-notifications.ts); the product events they cause
 * are emitted only after the transaction commits, in order.
 */
import {
  PRIORITIES,
  PROJECT,
  RESOLUTIONS,
  findResolution,
  isDoneStatus,
  projectByKey,
  statusById,
  transitionInto,
  type SiteProject,
  type SiteStatusDef,
} from './catalog';
import type { SiteContext } from './context';
import { badRequest, forbidden, issueNotFound } from './errors';
import { PRODUCT_EVENT, commentedEvent, createdEvent, updatedEvent, type ProductEvent } from './events';
import { adfToText, type AdfNode } from './format';
import { IssueRenderer, canSeeComment, selectFields } from './issue-json';
import type { Channel, CommentRecord, FieldEdit, IssueRecord } from './issue-store';
import { parseVisibility } from './comment-visibility';
import type { CustomerStep } from './customer-notifications';
import { canView, isAgent } from './permissions';
import { APP_ACCOUNT_ID, type SiteUser } from './users';

export interface NewRequest {
  summary: string;
  description: AdfNode | null;
  reporter: SiteUser;
  channel: Channel;
  priorityId?: string;
  /** SUP unless given. */
  project?: SiteProject;
  /** The project's first issue type unless given. */
  issueTypeId?: string;
  labels?: string[];
  /** Issue properties set with the creation (no event of their own, as in Jira). */
  properties?: Array<{ key: string; value: unknown }>;
}

export interface TransitionRequest {
  transitionId: string;
  resolution?: { id?: unknown; name?: unknown };
  comment?: { body: AdfNode; internal: boolean; visibility?: unknown };
}

/** A transition the user may take from the issue's current status. */
export interface AvailableTransition {
  id: string;
  name: string;
  to: SiteStatusDef;
}

/** A comment customers can see: not an internal note, not restricted to a role or group. */
const isPublic = (c: CommentRecord) => !c.internal && !c.visibility;

export class SiteOperations {
  private readonly renderer: IssueRenderer;
  private readonly notifyCustomers: boolean;

  /** @param opts.notifyCustomers JSM's own customer notifications of each step (on unless false: the seed writes the past). */
  constructor(
    private readonly ctx: SiteContext,
    opts: { notifyCustomers?: boolean } = {},
  ) {
    this.renderer = new IssueRenderer(ctx);
    this.notifyCustomers = opts.notifyCustomers !== false;
  }

  /**
   * The issue if the user may see it; otherwise a 404, as Jira hides what one cannot see.
   * @example ops.visibleIssue(customer, 'SUP-1').key //=> 'SUP-1'
   */
  visibleIssue(user: SiteUser, idOrKey: string): IssueRecord {
    const issue = this.ctx.issues.find(idOrKey);
    if (!issue || !canView(user, issue)) throw issueNotFound();
    return issue;
  }

  /**
   * Creates an issue in its project (SUP unless given; the workflow's first status, priority Medium unless
   * given) and fires avi:jira:created:issue. A request of a service project records the reporter's organization.
   * @example ops.createRequest(customer, { summary: 'Down', description: null, reporter: customer, channel: 'portal' }).key //=> 'SUP-13'
   */
  createRequest(actor: SiteUser, request: NewRequest, at = Date.now()): IssueRecord {
    const project = request.project ?? projectByKey(PROJECT.key);
    if (!request.summary.trim()) throw badRequest('', { summary: 'You must specify a summary of the issue.' });
    if (request.reporter.accountId !== actor.accountId && !isAgent(actor))
      throw forbidden('You do not have permission to raise a request on behalf of another customer.');
    if (!isAgent(actor) && project.projectTypeKey !== 'service_desk')
      throw forbidden('You do not have permission to create issues in this project.');
    if (request.priorityId && !PRIORITIES.some((p) => p.id === request.priorityId))
      throw badRequest('', { priority: `Priority with id '${request.priorityId}' does not exist.` });
    const issueTypeId = request.issueTypeId ?? project.issueTypes[0]!.id;
    if (!project.issueTypes.some((t) => t.id === issueTypeId))
      throw badRequest('', { issuetype: 'Specify a valid issue type' });
    return this.commit(() => {
      const issue = this.ctx.issues.create({
        projectKey: project.key,
        issueTypeId,
        summary: request.summary.trim(),
        description: request.description,
        reporterId: request.reporter.accountId,
        creatorId: actor.accountId,
        channel: request.channel,
        priorityId: request.priorityId ?? '3',
        organizationId: project.serviceDesk ? request.reporter.organizationId : null,
        statusId: project.statuses[0]!.id,
        labels: request.labels ?? [],
        at,
      });
      for (const property of request.properties ?? [])
        this.ctx.issues.setProperty(issue.id, property.key, property.value);
      return {
        result: issue,
        events: [createdEvent(this.eventIssue(issue), actor.accountId)],
        step: { issue, actorId: actor.accountId, at, created: true },
      };
    });
  }

  /**
   * The transitions a user may take now: agents move to any other status of the project's workflow; customers
   * only reopen a resolved or closed request of a service project (JSM's customer transition).
   * @example ops.availableTransitions(agent, issue).length //=> 6
   */
  availableTransitions(user: SiteUser, issue: IssueRecord): AvailableTransition[] {
    const project = projectByKey(issue.projectKey);
    const current = statusById(issue.statusId)!;
    if (isAgent(user))
      return project.statuses.filter((s) => s.id !== current.id).map((to) => ({ ...transitionInto(to, project), to }));
    const reopen = project.serviceDesk?.reopen;
    return reopen && isDoneStatus(current)
      ? [{ id: reopen.id, name: reopen.name, to: statusById(reopen.toStatusId)! }]
      : [];
  }

  /**
   * Takes a transition (with a resolution and a comment when given); fires avi:jira:updated:issue, then
   * avi:jira:commented:issue for the comment.
   * @example ops.transition(agent, issue, { transitionId: '71', resolution: { name: 'Consulting' } })
   */
  transition(actor: SiteUser, issue: IssueRecord, request: TransitionRequest, at = Date.now()): void {
    const transition = this.availableTransitions(actor, issue).find((t) => t.id === String(request.transitionId));
    if (!transition) {
      if (!isAgent(actor)) throw forbidden('You do not have permission to transition this request.');
      throw badRequest(`Transition id '${request.transitionId}' is not valid for this issue.`);
    }
    let resolution: { id: string; name: string } | null = null;
    if (request.resolution !== undefined) {
      if (!isDoneStatus(transition.to))
        throw badRequest('', {
          resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
        });
      const found = findResolution(request.resolution);
      if (!found)
        throw badRequest('', {
          resolution: `Resolution '${String(request.resolution.name ?? request.resolution.id)}' does not exist.`,
        });
      resolution = found;
    } else if (isDoneStatus(transition.to)) {
      resolution = RESOLUTIONS[0];
    }
    if (request.comment?.internal && !isAgent(actor)) throw forbidden('Only agents can add internal comments.');
    const visibility = request.comment
      ? parseVisibility(request.comment.visibility, actor, issue.projectKey, this.ctx.users)
      : null;
    this.commit(() => {
      const change = this.ctx.issues.transition(
        issue,
        transition.to,
        resolution,
        actor.accountId,
        at,
        (id) => RESOLUTIONS.find((r) => r.id === id)?.name ?? id,
      );
      const after = this.ctx.issues.find(String(issue.id))!;
      const events: ProductEvent[] = [updatedEvent(this.eventIssue(after), actor.accountId, change)];
      const resolved = change.items.find((i) => i.field === 'resolution');
      const step: CustomerStep = {
        issue: after,
        actorId: actor.accountId,
        at,
        movedFrom: issue.statusId,
        ...(resolved?.to && !resolved.from ? { resolutionSet: resolved.toString ?? resolved.to } : {}),
        ...(resolved?.from && !resolved.to ? { resolutionCleared: true } : {}),
      };
      if (request.comment) {
        const comment = this.ctx.issues.addComment(
          after,
          actor.accountId,
          request.comment.body,
          request.comment.internal,
          at,
          visibility,
        );
        events.push(commentedEvent(this.eventIssue(after), actor.accountId, this.renderer.comment(comment, after)));
        if (isPublic(comment)) step.publicComment = adfToText(comment.body);
      }
      return { result: undefined, events, step };
    });
  }

  /**
   * Adds a comment (an internal note only for agents; restricted to a role or group of which the author is a
   * member when `visibility` is given) and fires avi:jira:commented:issue.
   * @example ops.comment(customer, issue, textToAdf('Thanks'), false).internal //=> false
   */
  comment(
    actor: SiteUser,
    issue: IssueRecord,
    body: AdfNode,
    internal: boolean,
    at = Date.now(),
    visibilityRequest?: unknown,
  ): CommentRecord {
    if (!canView(actor, issue)) throw issueNotFound();
    if (internal && !isAgent(actor)) throw forbidden('Only agents can add internal comments.');
    const visibility = parseVisibility(visibilityRequest, actor, issue.projectKey, this.ctx.users);
    return this.commit(() => {
      const comment = this.ctx.issues.addComment(issue, actor.accountId, body, internal, at, visibility);
      const after = this.ctx.issues.find(String(issue.id))!;
      return {
        result: comment,
        events: [commentedEvent(this.eventIssue(after), actor.accountId, this.renderer.comment(comment, after))],
        step: isPublic(comment)
          ? { issue: after, actorId: actor.accountId, at, publicComment: adfToText(comment.body) }
          : undefined,
      };
    });
  }

  /**
   * Adds request participants (no changelog and no event: JSM records none) and sends JSM's notification to them.
   * @example ops.addParticipants(agent, issue, ['sandbox-customer-acme-2'])
   */
  addParticipants(actor: SiteUser, issue: IssueRecord, accountIds: readonly string[], at = Date.now()): void {
    this.commit(() => {
      const added = [...new Set(accountIds)].filter((id) => !issue.participantIds.includes(id));
      for (const id of added) this.ctx.issues.addParticipant(issue.id, id);
      const after = this.ctx.issues.find(String(issue.id))!;
      return {
        result: undefined,
        events: [],
        step: { issue: after, actorId: actor.accountId, at, participantsAdded: added },
      };
    });
  }

  /**
   * True when the user may read the comment: an internal note for agents only, a restricted one for the members of
   * its role or group only.
   * @example ops.canSeeComment(customer, internalNote, issue) //=> false
   */
  canSeeComment(user: SiteUser, comment: CommentRecord, issue: IssueRecord): boolean {
    return canSeeComment(user, comment, issue, this.ctx);
  }

  /**
   * The issue's comments the user may read, oldest first.
   * @example ops.visibleComments(customer, issue).every((c) => !c.internal) //=> true
   */
  visibleComments(user: SiteUser, issue: IssueRecord): CommentRecord[] {
    return this.ctx.issues.comments(issue.id, true).filter((c) => this.canSeeComment(user, c, issue));
  }

  /**
   * Edits fields (agents only) and fires avi:jira:updated:issue when something changed.
   * @example ops.edit(agent, issue, [{ field: 'priority', to: '2', toString: 'High' }])
   */
  edit(actor: SiteUser, issue: IssueRecord, edits: FieldEdit[], at = Date.now()): void {
    if (!isAgent(actor)) throw forbidden('You do not have permission to edit issues in this project.');
    this.commit(() => {
      const change = this.ctx.issues.edit(issue, edits, actor.accountId, at, (field, value) =>
        this.describe(field, value),
      );
      if (change.items.length === 0) return { result: undefined, events: [] };
      const after = this.ctx.issues.find(String(issue.id))!;
      return { result: undefined, events: [updatedEvent(this.eventIssue(after), actor.accountId, change)] };
    });
  }

  private describe(field: FieldEdit['field'], value: string | null): string | null {
    if (value === null) return null;
    if (field === 'priority') return PRIORITIES.find((p) => p.id === value)?.name ?? value;
    if (field === 'assignee') return this.ctx.users.byId(value)?.displayName ?? value;
    return value;
  }

  private eventIssue(issue: IssueRecord): Record<string, unknown> {
    const app = this.ctx.users.byId(APP_ACCOUNT_ID)!;
    return this.renderer.issue(issue, app, {
      fields: selectFields(['*navigable'], []),
      expandChangelog: false,
      properties: [],
    });
  }

  /** Runs a write in one transaction, with the customer notification JSM sends for that step; then its events. */
  private commit<T>(work: () => { result: T; events: ProductEvent[]; step?: CustomerStep }): T {
    const { result, events } = this.ctx.db.transaction(() => {
      const done = work();
      if (done.step && this.notifyCustomers) this.ctx.customerNotifications.afterStep(done.step);
      return done;
    })();
    for (const event of events) this.ctx.events.emit(PRODUCT_EVENT, event);
    return result;
  }
}
