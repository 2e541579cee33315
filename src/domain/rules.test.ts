import fc from 'fast-check';
import type { Action } from './actions';
import { configSchema, type Config, type ConfigInput } from './config';
import { actorRole, type Person, type RequestEvent, type RequestSnapshot } from './request';
import {
  consultingRule,
  creationRule,
  customerCommentRule,
  evaluateRules,
  inputsNeeded,
  reopenRule,
  statusChangeRule,
  supportCommentRule,
  type RuleInput,
} from './rules';
import { CANONICAL_STATUSES, STATUS_NAMES, type CanonicalStatus } from './workflow';

// ── test builders with defaults ────────────────────────────────────────────────────────────────────────────
const AT = Date.UTC(2026, 10, 28, 9, 0);
const customer: Person = { accountId: 'cust-1', displayName: 'Carol Client', accountType: 'customer', locale: 'fr_FR' };
const participant: Person = {
  accountId: 'cust-2',
  displayName: 'Paul Participant',
  accountType: 'customer',
  locale: 'en_US',
};
const agent: Person = { accountId: 'agent-1', displayName: 'Alice Agent', accountType: 'atlassian', locale: 'en_US' };
const agentFr: Person = { accountId: 'agent-2', displayName: 'Bruno Agent', accountType: 'atlassian', locale: 'fr_FR' };

function config(input: ConfigInput = {}): Config {
  return configSchema.parse(input);
}

function status(canonical: CanonicalStatus) {
  return { id: null, name: STATUS_NAMES[canonical].en, canonical };
}

function snapshot(over: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    issueKey: 'SUP-7',
    issueId: '10007',
    summary: 'VPN down',
    status: status('submitted'),
    resolution: null,
    reporter: customer,
    participants: [participant],
    organizations: [],
    priority: 'Medium',
    channel: 'email',
    createdMs: AT - 3_600_000,
    portalUrl: 'https://site.example/servicedesk/customer/portal/1/SUP-7',
    ...over,
  };
}

const created = (over: Partial<RequestEvent> = {}): RequestEvent =>
  ({ kind: 'created', issueKey: 'SUP-7', actor: customer, at: AT, ...over }) as RequestEvent;
const moved = (
  from: CanonicalStatus | null,
  to: CanonicalStatus,
  over: { actor?: Person | null; resolution?: string | null; changelogId?: string } = {},
): RequestEvent => ({
  kind: 'status_changed',
  issueKey: 'SUP-7',
  actor: over.actor === undefined ? agent : over.actor,
  at: AT,
  changelogId: over.changelogId ?? '20001',
  from: from ? { name: STATUS_NAMES[from].en } : null,
  to: { name: STATUS_NAMES[to].en },
  resolution: over.resolution ?? null,
});
const commented = (
  over: {
    actor?: Person | null;
    internal?: boolean;
    body?: string;
    commentId?: string;
    statusWhenMade?: CanonicalStatus;
  } = {},
): RequestEvent => ({
  kind: 'commented',
  issueKey: 'SUP-7',
  actor: over.actor === undefined ? agent : over.actor,
  at: AT,
  commentId: over.commentId ?? '30001',
  internal: over.internal ?? false,
  body: over.body ?? 'Could you restart the VPN client?',
  ...(over.statusWhenMade ? { statusWhenMade: { name: STATUS_NAMES[over.statusWhenMade].en } } : {}),
});

function input(event: RequestEvent, over: Partial<Omit<RuleInput, 'event'>> = {}): RuleInput {
  return { event, snapshot: snapshot(), config: config(), details: null, supportTeam: [], ...over };
}

type Notify = Extract<Action, { type: 'notify' }>;
const notifies = (actions: Action[]) => actions.filter((a): a is Notify => a.type === 'notify');

// ── creation ───────────────────────────────────────────────────────────────────────────────────────────────
describe('creation', () => {
  it.each(['email', 'jira', 'api', 'unknown'] as const)(
    'notifies the creator of a request created by %s, in their language',
    (channel) => {
      const [action, ...rest] = creationRule(input(created(), { snapshot: snapshot({ channel }) }));
      expect(rest).toEqual([]);
      expect(action).toMatchObject({
        type: 'notify',
        key: 'SUP-7:notify-created:10007',
        to: { accountIds: ['cust-1'] },
      });
      const n = action as Notify;
      expect(n.subject).toBe('[SUP-7] Demande reçue\u00a0: VPN down');
      expect(n.textBody).toContain('SUP-7');
      expect(n.textBody).toContain('Soumise');
      expect(n.textBody).toContain('https://site.example/servicedesk/customer/portal/1/SUP-7');
    },
  );

  it('does not notify a request created from the portal', () => {
    expect(creationRule(input(created(), { snapshot: snapshot({ channel: 'portal' }) }))).toEqual([]);
  });

  it('is switchable', () => {
    expect(creationRule(input(created(), { config: config({ rules: { notifyOnCreation: false } }) }))).toEqual([]);
  });

  it('has nobody to notify without a reporter', () => {
    expect(creationRule(input(created(), { snapshot: snapshot({ reporter: null }) }))).toEqual([]);
  });
});

// ── status changes ─────────────────────────────────────────────────────────────────────────────────────────
describe('status changes', () => {
  const announced: CanonicalStatus[] = [
    'in_progress',
    'waiting_for_customer',
    'waiting_for_third_party',
    'scheduled_operation',
    'closed',
  ];

  it.each(announced)('notifies the creator on entering %s, naming the status in their words', (to) => {
    const actions = statusChangeRule(input(moved('submitted', to)));
    expect(actions).toHaveLength(1);
    const n = actions[0] as Notify;
    expect(n).toMatchObject({ key: 'SUP-7:notify-status:20001', to: { accountIds: ['cust-1'] } });
    expect(n.textBody).toContain(`«\u00a0${STATUS_NAMES[to].fr}\u00a0»`);
    // On a closed request, a reply reopens nothing (reopenOnCustomerComment is off by default): the portal's Reopen.
    if (to === 'closed') expect(n.textBody).toContain('Vous pouvez la rouvrir sur le portail');
    else expect(n.textBody).toContain('répondez simplement à cet e-mail');
    expect(n.textBody).toContain('https://site.example/servicedesk/customer/portal/1/SUP-7');
  });

  it('tells the creator of a closed request that a reply reopens it when that rule is on', () => {
    const n = statusChangeRule(
      input(moved('submitted', 'closed'), { config: config({ rules: { reopenOnCustomerComment: true } }) }),
    )[0] as Notify;
    expect(n.textBody).toContain('Pour la rouvrir, répondez simplement à cet e-mail');
  });

  it.each(['submitted', 'resolved'] as const)('says nothing on entering %s', (to) => {
    expect(statusChangeRule(input(moved('in_progress', to)))).toEqual([]);
  });

  it("cites the team's latest comment only when there is one, and names the site's reopen transition", () => {
    const asked = {
      id: '9',
      author: { accountId: agent.accountId, accountType: 'atlassian' },
      created: new Date(AT - 60_000).toISOString(),
      jsdPublic: true,
      body: 'Here is the fix',
    };
    const en = config({ languages: { default: 'en' } });
    const english = snapshot({ reporter: { ...customer, locale: 'en_US' }, resolution: 'Done' });
    const closing = (comments: unknown[]) =>
      (
        statusChangeRule(
          input(moved('in_progress', 'closed', { resolution: 'Done' }), {
            snapshot: english,
            config: en,
            comments: comments as RuleInput['comments'],
            reopenAction: 'Rouvrir',
          }),
        )[0] as Notify
      ).textBody;
    expect(closing([asked])).toContain('the latest comment on the request has the details');
    const none = closing([]);
    expect(none).not.toContain('latest comment');
    expect(none).toContain('We consider your request answered (resolution "Done")');
    expect(none).toContain('use the "Rouvrir" action in the portal');
    const waiting = (comments: unknown[]) =>
      (
        statusChangeRule(
          input(moved('in_progress', 'waiting_for_customer'), {
            snapshot: english,
            config: en,
            comments: comments as RuleInput['comments'],
          }),
        )[0] as Notify
      ).textBody;
    expect(waiting([asked])).toContain('the latest comment on the request says which');
    expect(waiting([])).toContain('a comment on the request will say which');
  });

  it('says nothing when two site statuses map onto the same canonical one', () => {
    expect(statusChangeRule(input(moved('in_progress', 'in_progress')))).toEqual([]);
  });

  it('says nothing of a status the mapping does not know', () => {
    const event = { ...moved('submitted', 'in_progress'), to: { name: 'Triage' } } as RequestEvent;
    expect(statusChangeRule(input(event))).toEqual([]);
  });

  it('uses the admin mapping by status id', () => {
    const event = { ...moved('submitted', 'in_progress'), to: { id: '42', name: 'Doing' } } as RequestEvent;
    const actions = statusChangeRule(
      input(event, { config: config({ statusMapping: { byId: { '42': 'waiting_for_customer' } } }) }),
    );
    expect((actions[0] as Notify).textBody).toContain('En attente du client');
  });

  it('does not tell the creator of a move they made themselves', () => {
    expect(statusChangeRule(input(moved('closed', 'in_progress', { actor: customer })))).toEqual([]);
  });

  it('names which third party and its reference when the agent recorded them', () => {
    const details = { thirdParty: { kind: 'addon_vendor' as const, name: 'Tempo', reference: 'TMP-99' } };
    const [n] = notifies(
      statusChangeRule(
        input(moved('in_progress', 'waiting_for_third_party'), {
          details,
          snapshot: snapshot({ reporter: { ...customer, locale: 'en_US' } }),
        }),
      ),
    );
    expect(n!.textBody).toContain('We are waiting for the add-on vendor Tempo (reference TMP-99) to act.');
  });

  it('says when and who for a scheduled operation, in the desk time zone', () => {
    const details = { scheduledOperation: { at: '2026-12-01T20:00:00Z', who: 'Hugo (hosting)' } };
    const [n] = notifies(statusChangeRule(input(moved('in_progress', 'scheduled_operation'), { details })));
    expect(n!.textBody).toContain(
      'Une opération est planifiée le 1 décembre 2026 à 21:00 (Europe/Paris)\u00a0; elle sera menée par Hugo (hosting).',
    );
  });

  it('writes in English for an English-speaking creator, and in the default language when the locale is not offered', () => {
    const en = notifies(
      statusChangeRule(
        input(moved('submitted', 'in_progress'), {
          snapshot: snapshot({ reporter: { ...customer, locale: 'en_GB' } }),
        }),
      ),
    )[0]!;
    expect(en.subject).toBe('[SUP-7] New status "In progress": VPN down');
    const de = notifies(
      statusChangeRule(
        input(moved('submitted', 'in_progress'), {
          snapshot: snapshot({ reporter: { ...customer, locale: 'de_DE' } }),
        }),
      ),
    )[0]!;
    expect(de.subject).toBe('[SUP-7] Nouvel état «\u00a0En cours\u00a0»\u00a0: VPN down');
    const onlyEn = config({ languages: { default: 'en', available: ['en'] } });
    expect(
      notifies(statusChangeRule(input(moved('submitted', 'in_progress'), { config: onlyEn })))[0]!.subject,
    ).toContain('New status');
  });

  it('tells the customer a closure as consulting', () => {
    const [n] = notifies(statusChangeRule(input(moved('in_progress', 'closed', { resolution: 'Consulting' }))));
    expect(n!.textBody).toContain('besoin de consulting');
  });

  it('is switchable', () => {
    expect(
      statusChangeRule(
        input(moved('submitted', 'in_progress'), { config: config({ rules: { notifyOnStatusChange: false } }) }),
      ),
    ).toEqual([]);
  });
});

// ── comments ───────────────────────────────────────────────────────────────────────────────────────────────
describe('comments by the support team', () => {
  it('forwards a public comment to the creator, with the comment', () => {
    const [n, ...rest] = notifies(supportCommentRule(input(commented())));
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ key: 'SUP-7:notify-comment:30001', to: { accountIds: ['cust-1'] } });
    expect(n!.textBody).toContain('Alice Agent a commenté votre demande SUP-7');
    expect(n!.textBody).toContain('> Could you restart the VPN client?');
  });

  it('keeps internal notes internal', () => {
    expect(supportCommentRule(input(commented({ internal: true })))).toEqual([]);
  });

  it.each([
    ['the reporter', customer],
    ['a participant', participant],
    ['a portal-only account', { accountId: 'other', accountType: 'customer' }],
    ['an unknown actor', null],
  ])('does not treat a comment by %s as the support team', (_who, actor) => {
    expect(supportCommentRule(input(commented({ actor: actor as Person | null })))).toEqual([]);
  });

  it('is switchable', () => {
    expect(
      supportCommentRule(input(commented(), { config: config({ rules: { notifyOnSupportComment: false } }) })),
    ).toEqual([]);
  });
});

describe('comments by the customer', () => {
  const waiting = snapshot({ status: status('waiting_for_customer') });
  const closed = snapshot({ status: status('closed'), resolution: 'Done' });

  it('moves a request waiting for the customer back to in_progress', () => {
    expect(customerCommentRule(input(commented({ actor: customer }), { snapshot: waiting }))).toEqual([
      {
        type: 'transition',
        key: 'SUP-7:resume:30001',
        issueKey: 'SUP-7',
        toStatus: 'in_progress',
        from: ['waiting_for_customer'],
      },
    ]);
  });

  it('moves it only when the comment was made while it waited: a comment handled late never undoes a later move', () => {
    const resume = (statusWhenMade: CanonicalStatus, now = waiting) =>
      customerCommentRule(input(commented({ actor: customer, statusWhenMade }), { snapshot: now }));
    expect(resume('waiting_for_customer')).toHaveLength(1);
    // Written while the team was working, handled once the team had asked for information: no move.
    expect(resume('in_progress')).toEqual([]);
    expect(resume('submitted')).toEqual([]);
    // Written while waiting, handled after the team closed the request: it stays closed.
    const closedNow = snapshot({ status: status('closed'), resolution: 'Done' });
    expect(resume('waiting_for_customer', closedNow)).toEqual([]);
    const reopening = config({ rules: { reopenOnCustomerComment: true } });
    const onClosed = (statusWhenMade: CanonicalStatus, now: RequestSnapshot) =>
      customerCommentRule(
        input(commented({ actor: customer, statusWhenMade }), { snapshot: now, config: reopening }),
      ).map((a) => a.type);
    expect(onClosed('closed', closedNow)).toContain('transition');
    // A resolved request closed since: still a comment on a finished request.
    expect(onClosed('resolved', closedNow)).toContain('transition');
    // Written while open, handled after the close: neither a reopen nor a "comment on a closed request".
    expect(onClosed('in_progress', closedNow)).toEqual([]);
  });

  it('does so for a participant too, and not for an agent', () => {
    expect(customerCommentRule(input(commented({ actor: participant }), { snapshot: waiting }))).toHaveLength(1);
    expect(customerCommentRule(input(commented({ actor: agent }), { snapshot: waiting }))).toEqual([]);
  });

  it('resuming is switchable', () => {
    expect(
      customerCommentRule(
        input(commented({ actor: customer }), {
          snapshot: waiting,
          config: config({ rules: { resumeOnCustomerComment: false } }),
        }),
      ),
    ).toEqual([]);
  });

  it('does not reopen a closed request on a comment unless enabled, but tells the team of it, quoted', () => {
    const actions = customerCommentRule(
      input(commented({ actor: customer, body: 'Thanks, but it fails again' }), {
        snapshot: closed,
        supportTeam: [agent, agentFr],
      }),
    );
    expect(actions.map((a) => [a.type, a.key])).toEqual([
      ['notify', 'SUP-7:notify-closed-comment:30001:en'],
      ['notify', 'SUP-7:notify-closed-comment:30001:fr'],
    ]);
    const [en, fr] = actions as Notify[];
    expect(en!.subject).toBe('[SUP-7] Customer comment on a closed request: VPN down');
    expect(en!.textBody).toContain('Carol Client commented on the request SUP-7 "VPN down", which is "Closed":');
    expect(en!.textBody).toContain('> Thanks, but it fails again');
    expect(en!.textBody).toContain('The request stays "Closed"');
    expect(fr!.textBody).toContain("qui est à l'état «\u00a0Fermée\u00a0»");
    const off = config({ rules: { notifyTeamOnReopen: false } });
    expect(customerCommentRule(input(commented({ actor: customer }), { snapshot: closed, config: off }))).toEqual([]);
  });

  it("quotes a rich comment's links, mentions and images in the team's email", () => {
    const body = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Same error, see ' },
            { type: 'text', text: 'the log', marks: [{ type: 'link', attrs: { href: 'https://files.example/log' } }] },
          ],
        },
        {
          type: 'mediaSingle',
          content: [{ type: 'media', attrs: { id: 'm', type: 'file', collection: 'c', alt: 'error.png' } }],
        },
      ],
    };
    const [n] = customerCommentRule(
      input({ ...commented({ actor: customer }), body } as RequestEvent, {
        snapshot: closed,
        config: config({ escalation: { supportTeamGroup: 'support-team' }, languages: { default: 'en' } }),
      }),
    ) as Notify[];
    expect(n!.textBody).toContain('> Same error, see the log (https://files.example/log)\n>\n> [Image: error.png]');
  });

  it('reopens a closed request on a comment when enabled, telling the team with the comment', () => {
    const actions = customerCommentRule(
      input(commented({ actor: customer, body: 'Still broken' }), {
        snapshot: closed,
        config: config({ rules: { reopenOnCustomerComment: true }, escalation: { supportTeamGroup: 'support-team' } }),
      }),
    );
    expect(actions.map((a) => [a.type, a.key])).toEqual([
      ['transition', 'SUP-7:reopen-move:30001'],
      ['notify', 'SUP-7:notify-reopen:30001'],
    ]);
    const n = actions[1] as Notify;
    expect(n.to).toEqual({ groupNames: ['support-team'] });
    expect(n.textBody).toContain('Carol Client a rouvert la demande SUP-7');
    expect(n.textBody).toContain('> Still broken');
  });

  it('does nothing on a request in progress', () => {
    expect(
      customerCommentRule(
        input(commented({ actor: customer }), { snapshot: snapshot({ status: status('in_progress') }) }),
      ),
    ).toEqual([]);
  });
});

// ── reopen ─────────────────────────────────────────────────────────────────────────────────────────────────
describe('reopen by a customer', () => {
  it.each(['resolved', 'closed'] as const)('tells the support team when a customer moves a %s request back', (from) => {
    const actions = reopenRule(
      input(moved(from, 'in_progress', { actor: customer }), { supportTeam: [agent, agentFr] }),
    );
    expect(actions.map((a) => [a.type, a.key, a.type === 'notify' ? a.to : null])).toEqual([
      ['notify', 'SUP-7:notify-reopen:20001:en', { accountIds: ['agent-1'] }],
      ['notify', 'SUP-7:notify-reopen:20001:fr', { accountIds: ['agent-2'] }],
    ]);
    expect((actions[0] as Notify).subject).toBe('[SUP-7] Reopened by the customer: VPN down');
  });

  it("quotes the comment the customer left with the reopen (JSM's additionalComment), not an older one", () => {
    const comment = (id: string, by: Person, atMs: number, text: string) => ({
      id,
      author: { accountId: by.accountId, accountType: by.accountType },
      created: new Date(atMs).toISOString(),
      jsdPublic: true,
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    });
    const comments = [
      comment('1', customer, AT - 86_400_000, 'Yesterday'),
      comment('2', agent, AT, 'Agent note'),
      comment('3', customer, AT + 400, 'It fails again since this morning'),
    ];
    const actions = reopenRule(
      input(moved('closed', 'in_progress', { actor: customer }), { supportTeam: [agent], comments }),
    );
    const n = actions[0] as Notify;
    expect(n.textBody).toContain('Their comment:\n\n> It fails again since this morning');
    expect(n.textBody).not.toContain('Yesterday');
    const without = reopenRule(
      input(moved('closed', 'in_progress', { actor: customer }), {
        supportTeam: [agent],
        comments: comments.slice(0, 2),
      }),
    );
    expect((without[0] as Notify).textBody).not.toContain('Their comment');
  });

  it('moves it on to in_progress when the customer transition led elsewhere', () => {
    const actions = reopenRule(
      input(moved('closed', 'submitted', { actor: customer }), {
        config: config({ escalation: { supportTeamGroup: 'support' } }),
      }),
    );
    expect(actions[0]).toEqual({
      type: 'transition',
      key: 'SUP-7:reopen-move:20001',
      issueKey: 'SUP-7',
      toStatus: 'in_progress',
      from: ['submitted'],
    });
    expect(actions[1]).toMatchObject({ type: 'notify', to: { groupNames: ['support'] } });
  });

  it('is not a reopen when an agent moves it back', () => {
    expect(reopenRule(input(moved('closed', 'in_progress', { actor: agent }), { supportTeam: [agentFr] }))).toEqual([]);
  });

  it('team notification is switchable (the move to in_progress is not)', () => {
    const off = config({ rules: { notifyTeamOnReopen: false } });
    expect(
      reopenRule(input(moved('closed', 'in_progress', { actor: customer }), { config: off, supportTeam: [agent] })),
    ).toEqual([]);
    expect(
      reopenRule(input(moved('closed', 'submitted', { actor: customer }), { config: off })).map((a) => a.type),
    ).toEqual(['transition']);
  });

  it('asks the shell for the agents only when the team may be told and no group is set', () => {
    const reopen = {
      event: moved('closed', 'in_progress', { actor: customer }),
      snapshot: snapshot(),
      config: config(),
    };
    const team = (i: Parameters<typeof inputsNeeded>[0]) => inputsNeeded(i).supportTeam;
    expect(team(reopen)).toBe(true);
    expect(team({ ...reopen, config: config({ escalation: { supportTeamGroup: 'g' } }) })).toBe(false);
    expect(team({ ...reopen, event: moved('submitted', 'in_progress') })).toBe(false);
    expect(team({ ...reopen, event: created() })).toBe(false);
    const closed = snapshot({ status: status('closed') });
    expect(team({ event: commented({ actor: customer }), snapshot: closed, config: config() })).toBe(true);
    expect(
      team({
        event: commented({ actor: customer }),
        snapshot: closed,
        config: config({ rules: { notifyTeamOnReopen: false } }),
      }),
    ).toBe(false);
    expect(team({ event: commented({ actor: agent }), snapshot: closed, config: config() })).toBe(false);
  });

  it("asks for the comments of a reopen and of the emails that cite the team's latest comment, and for the reopen's name on a close", () => {
    const reopen = {
      event: moved('closed', 'in_progress', { actor: customer }),
      snapshot: snapshot(),
      config: config(),
    };
    expect(inputsNeeded(reopen)).toMatchObject({ comments: true, reopenAction: false });
    const close = { event: moved('in_progress', 'closed'), snapshot: snapshot(), config: config() };
    expect(inputsNeeded(close)).toMatchObject({ comments: true, reopenAction: true });
    expect(inputsNeeded({ ...close, event: moved('submitted', 'waiting_for_customer') })).toMatchObject({
      comments: true,
      reopenAction: false,
    });
    expect(inputsNeeded({ ...close, event: moved('submitted', 'in_progress') })).toMatchObject({
      comments: false,
      reopenAction: false,
    });
    const off = config({ rules: { notifyOnStatusChange: false } });
    expect(inputsNeeded({ ...close, config: off })).toMatchObject({ comments: false, reopenAction: false });
  });
});

// ── consulting ─────────────────────────────────────────────────────────────────────────────────────────────
describe('consulting', () => {
  it('records a closure with the Consulting resolution: property and internal note', () => {
    const actions = consultingRule(input(moved('in_progress', 'closed', { resolution: 'consulting' })));
    expect(actions).toEqual([
      {
        type: 'setProperty',
        key: 'SUP-7:consulting:20001',
        issueKey: 'SUP-7',
        propertyKey: 'supportRulesConsulting',
        value: { resolution: 'consulting', by: 'agent-1', at: '2026-11-28T09:00:00.000Z', changelogId: '20001' },
      },
      expect.objectContaining({ type: 'comment', key: 'SUP-7:consulting:20001:note', internal: true }),
    ]);
  });

  it('takes the resolution from the request when the changelog lacks it', () => {
    expect(
      consultingRule(input(moved('in_progress', 'closed'), { snapshot: snapshot({ resolution: 'Consulting' }) })),
    ).toHaveLength(2);
  });

  it('ignores other resolutions, other statuses, and can be switched off', () => {
    expect(consultingRule(input(moved('in_progress', 'closed', { resolution: 'Done' })))).toEqual([]);
    expect(consultingRule(input(moved('submitted', 'in_progress', { resolution: 'Consulting' })))).toEqual([]);
    expect(
      consultingRule(
        input(moved('in_progress', 'closed', { resolution: 'Consulting' }), {
          config: config({ rules: { consulting: false } }),
        }),
      ),
    ).toEqual([]);
  });

  it('follows the configured resolution name', () => {
    expect(
      consultingRule(
        input(moved('in_progress', 'closed', { resolution: 'Conseil' }), {
          config: config({ consultingResolution: 'Conseil' }),
        }),
      ),
    ).toHaveLength(2);
  });
});

// ── all rules together ─────────────────────────────────────────────────────────────────────────────────────
describe('evaluateRules', () => {
  it('classifies actors', () => {
    expect(actorRole(customer, snapshot())).toBe('customer');
    expect(actorRole(participant, snapshot())).toBe('customer');
    expect(actorRole(agent, snapshot())).toBe('support');
    expect(actorRole({ accountId: 'x', accountType: 'app' }, snapshot())).toBe('support');
    expect(actorRole(null, snapshot())).toBe('unknown');
  });

  it('closing as consulting records it, then tells the customer', () => {
    const actions = evaluateRules(input(moved('in_progress', 'closed', { resolution: 'Consulting' })));
    expect(actions.map((a) => a.type)).toEqual(['setProperty', 'comment', 'notify']);
  });

  it('a customer reopening gets no "in progress" email of their own move, the team does', () => {
    const actions = evaluateRules(input(moved('closed', 'in_progress', { actor: customer }), { supportTeam: [agent] }));
    expect(actions.map((a) => (a.type === 'notify' ? a.to : a.type))).toEqual([{ accountIds: ['agent-1'] }]);
  });

  const anyEvent: fc.Arbitrary<RequestEvent> = fc.oneof(
    fc.constant(created()),
    fc
      .tuple(
        fc.constantFrom(null, ...CANONICAL_STATUSES),
        fc.constantFrom(...CANONICAL_STATUSES),
        fc.constantFrom(customer, agent, participant, null),
        fc.constantFrom(null, 'Done', 'Consulting'),
      )
      .map(([from, to, actor, resolution]) => moved(from, to, { actor, resolution })),
    fc
      .tuple(fc.constantFrom(customer, agent, participant, null), fc.boolean(), fc.string())
      .map(([actor, internal, body]) => commented({ actor, internal, body })),
  );
  const anySnapshot = fc
    .tuple(
      fc.constantFrom(...CANONICAL_STATUSES),
      fc.constantFrom('portal', 'email', 'jira') as fc.Arbitrary<RequestSnapshot['channel']>,
    )
    .map(([s, channel]) => snapshot({ status: status(s), channel }));
  const anyConfig = fc
    .record({
      reopenOnCustomerComment: fc.boolean(),
      notifyTeamOnReopen: fc.boolean(),
      resumeOnCustomerComment: fc.boolean(),
    })
    .map((rules) => config({ rules, escalation: { supportTeamGroup: 'support' } }));

  it('is deterministic and its keys are unique: the same event twice gives the same keys', () => {
    fc.assert(
      fc.property(anyEvent, anySnapshot, anyConfig, (event, snap, cfg) => {
        const first = evaluateRules(input(event, { snapshot: snap, config: cfg }));
        const again = evaluateRules(input(structuredClone(event), { snapshot: structuredClone(snap), config: cfg }));
        expect(again).toEqual(first);
        expect(new Set(first.map((a) => a.key)).size).toBe(first.length);
        for (const action of first) expect(action.key.startsWith('SUP-7:')).toBe(true);
      }),
    );
  });

  it('never notifies anyone of an internal note', () => {
    fc.assert(
      fc.property(anySnapshot, fc.constantFrom(customer, agent, participant), (snap, actor) => {
        expect(notifies(evaluateRules(input(commented({ actor, internal: true }), { snapshot: snap })))).toEqual([]);
      }),
    );
  });

  it('does nothing at all with every rule switched off', () => {
    const off = config({
      rules: {
        notifyOnCreation: false,
        notifyOnStatusChange: false,
        notifyOnSupportComment: false,
        notifyTeamOnReopen: false,
        reopenOnCustomerComment: false,
        resumeOnCustomerComment: false,
        consulting: false,
      },
    });
    fc.assert(
      fc.property(anyEvent, anySnapshot, (event, snap) => {
        const actions = evaluateRules(input(event, { snapshot: snap, config: off }));
        // Only the reopen's move to in_progress stays: it is the workflow itself, not a switchable promise.
        expect(actions.every((a) => a.type === 'transition' && a.key.includes(':reopen-move:'))).toBe(true);
      }),
    );
  });
});
