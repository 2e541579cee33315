import { configSchema, type ConfigInput } from './config';
import { dueActions, type DueRequest } from './reminder-actions';
import { notWaiting } from './reminders';
import { evaluateRules, type RuleInput } from './rules';
import type { Person, RequestEvent, RequestSnapshot } from './request';
import { JSM_NOTIFICATIONS, jsmCounterparts, leftToJsm, type CustomerEmail } from './jsm-notifications';
import { STATUS_NAMES, type CanonicalStatus } from './workflow';

const AT = Date.UTC(2026, 10, 28, 9, 0);
const customer: Person = { accountId: 'cust-1', displayName: 'Carol Client', accountType: 'customer', locale: 'fr_FR' };
const agent: Person = { accountId: 'agent-1', displayName: 'Alice Agent', accountType: 'atlassian', locale: 'en_US' };
const config = (input: ConfigInput = {}) => configSchema.parse(input);
const leaving = (...names: (typeof JSM_NOTIFICATIONS)[number][]) =>
  config({ leaveToJsm: Object.fromEntries(names.map((n) => [n, true])) });

function snapshot(over: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    issueKey: 'SUP-7',
    issueId: '10007',
    summary: 'VPN down',
    status: { id: null, name: 'In progress', canonical: 'in_progress' },
    resolution: null,
    reporter: customer,
    participants: [],
    organizations: [],
    priority: 'Medium',
    channel: 'email',
    createdMs: AT,
    portalUrl: 'https://site.example/servicedesk/customer/portal/1/SUP-7',
    ...over,
  };
}
const moved = (to: CanonicalStatus, resolution: string | null = null): RequestEvent => ({
  kind: 'status_changed',
  issueKey: 'SUP-7',
  actor: agent,
  at: AT,
  changelogId: '20001',
  from: { name: STATUS_NAMES.submitted.en },
  to: { name: STATUS_NAMES[to].en },
  resolution,
});
const created: RequestEvent = { kind: 'created', issueKey: 'SUP-7', actor: customer, at: AT } as RequestEvent;
const commented: RequestEvent = {
  kind: 'commented',
  issueKey: 'SUP-7',
  actor: agent,
  at: AT,
  commentId: '30001',
  internal: false,
  body: 'Could you restart the VPN client?',
};
const emails = (input: RuleInput) => evaluateRules(input).filter((a) => a.type === 'notify').length;

describe('jsmCounterparts', () => {
  it("names the JSM notifications that send what each of the app's customer emails says", () => {
    const cases: [CustomerEmail, string[]][] = [
      [{ kind: 'created', channel: 'email' }, ['requestCreated']],
      [{ kind: 'created', channel: 'portal' }, ['requestCreated']],
      // JSM confirms only what was raised through the portal or its email channel.
      [{ kind: 'created', channel: 'jira' }, []],
      [{ kind: 'created', channel: 'api' }, []],
      [{ kind: 'status', to: 'in_progress', resolved: false }, ['customerVisibleStatusChanged']],
      [{ kind: 'status', to: 'closed', resolved: true }, ['customerVisibleStatusChanged', 'requestResolved']],
      [{ kind: 'supportComment' }, ['publicCommentAdded']],
      [{ kind: 'reminder' }, ['publicCommentAdded']],
      [{ kind: 'autoClose' }, ['publicCommentAdded', 'requestResolved']],
    ];
    for (const [email, names] of cases) expect(jsmCounterparts(email)).toEqual(names);
  });

  it('leaves nothing to JSM by default', () => {
    for (const email of [{ kind: 'supportComment' }, { kind: 'autoClose' }] as CustomerEmail[])
      expect(leftToJsm(email, config())).toBe(false);
  });
});

describe('the rules with a notification left to JSM', () => {
  const input = (event: RequestEvent, over: Partial<RuleInput> = {}): RuleInput => ({
    event,
    snapshot: snapshot(),
    config: config(),
    details: null,
    supportTeam: [],
    ...over,
  });

  it('"Request created": no creation email for an email request, still one for a request an agent raised', () => {
    expect(emails(input(created))).toBe(1);
    expect(emails(input(created, { config: leaving('requestCreated') }))).toBe(0);
    const byAgent = snapshot({ channel: 'jira' });
    expect(emails(input(created, { config: leaving('requestCreated'), snapshot: byAgent }))).toBe(1);
  });

  it('"Public comment added": no email for an agent\'s public comment', () => {
    expect(emails(input(commented))).toBe(1);
    expect(emails(input(commented, { config: leaving('publicCommentAdded') }))).toBe(0);
    expect(emails(input(commented, { config: leaving('requestResolved', 'customerVisibleStatusChanged') }))).toBe(1);
  });

  it('"Customer-visible status changed": no status email at all, the close included', () => {
    const config = leaving('customerVisibleStatusChanged');
    expect(emails(input(moved('in_progress')))).toBe(1);
    expect(emails(input(moved('in_progress'), { config }))).toBe(0);
    expect(emails(input(moved('waiting_for_customer'), { config }))).toBe(0);
    expect(emails(input(moved('closed', 'Done'), { config, snapshot: snapshot({ resolution: 'Done' }) }))).toBe(0);
  });

  it('"Request resolved": no closing email once the request has a resolution; other moves still announced', () => {
    const config = leaving('requestResolved');
    expect(emails(input(moved('closed', 'Done'), { config, snapshot: snapshot({ resolution: 'Done' }) }))).toBe(0);
    // JSM emailed the resolution when it was set (at Resolved): the later close is not announced twice.
    expect(emails(input(moved('closed'), { config, snapshot: snapshot({ resolution: 'Done' }) }))).toBe(0);
    // Without a resolution JSM sends nothing: the app does.
    expect(emails(input(moved('closed'), { config }))).toBe(1);
    expect(emails(input(moved('in_progress'), { config }))).toBe(1);
  });
});

describe('the reminders with "Public comment added" left to JSM', () => {
  const request: DueRequest = {
    ref: { issueKey: 'SUP-7', summary: 'VPN down', portalUrl: 'https://site.example/portal/1/SUP-7' },
    reporterId: 'cust-1',
    lang: 'fr',
    awaited: null,
    storedClock: {},
  };
  const reminder = { kind: 'reminder' as const, reminder: 1, dueAt: AT, closesAt: AT + 9 * 86_400_000, occurrence: AT };
  const close = { kind: 'close' as const, dueAt: AT, occurrence: AT };

  it('posts the public comment (which JSM emails) and sends no email of its own', () => {
    const types = (c = config(), d: typeof reminder | typeof close = reminder) =>
      dueActions(request, d, notWaiting(AT), c).map((a) => a.type);
    expect(types()).toEqual(['comment', 'notify', 'setProperty']);
    expect(types(leaving('publicCommentAdded'))).toEqual(['comment', 'setProperty']);
    expect(types(leaving('publicCommentAdded'), close)).toEqual(['transition', 'comment', 'setProperty']);
    expect(types(leaving('requestResolved'), close)).toEqual(['transition', 'comment', 'setProperty']);
    expect(types(leaving('requestResolved'), reminder)).toEqual(['comment', 'notify', 'setProperty']);
  });
});
