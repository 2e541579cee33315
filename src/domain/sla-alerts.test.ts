import { at, FRIDAY_16H, H, move, MONDAY_10H, MONDAY_11H, slaOfFridayRequest } from '../../test/support/sla-fixtures';
import { configSchema, defaultConfig, type Config } from './config';
import type { StatusChange } from './changelog';
import { goalText, slaBreachMessage, slaWarningMessage } from './messages/sla-alert-messages';
import type { SlaInput } from './sla';
import { needsSupportTeamForAlert, slaAlerts, slaThresholdKey, thresholdsReached } from './sla-alerts';

const config = configSchema.parse({ escalation: { teamLeadAccountId: 'lead-1', supportTeamGroup: 'support-team' } });
const alice = { accountId: 'agent-1', displayName: 'Alice Agent', locale: 'fr_FR' };
const lea = { accountId: 'lead-1', displayName: 'Léa Lead', locale: 'en_US' };
const request = {
  issueKey: 'SUP-1',
  summary: 'VPN down',
  portalUrl: 'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-1',
};

const result = (nowMs: number, changes: StatusChange[] = [], cfg: Config = config, over: Partial<SlaInput> = {}) =>
  slaOfFridayRequest(nowMs)({ changes, ...over }, cfg);
const alerts = (nowMs: number, over: Partial<Parameters<typeof slaAlerts>[0]> = {}) =>
  slaAlerts({
    request,
    issueUrl: null,
    assignee: alice,
    teamLead: lea,
    supportTeam: [],
    result: result(nowMs),
    config,
    nowMs,
    ...over,
  });

describe('which threshold is due', () => {
  it('nothing before 75 %, the warning from it, the breach from the goal (the warning then passed over)', () => {
    expect(alerts(MONDAY_10H - 60_000)).toEqual({ due: null, actions: [], handled: { warning: false, breach: false } });
    expect(alerts(MONDAY_10H)).toMatchObject({ due: 'warning', handled: { warning: true, breach: false } });
    expect(alerts(MONDAY_11H)).toMatchObject({ due: 'breach', handled: { warning: true, breach: true } });
  });

  it('nothing while paused or once stopped, even past the thresholds', () => {
    const pausedChanges = [move(FRIDAY_16H + H, 'submitted', 'waiting_for_third_party')];
    expect(thresholdsReached(result(MONDAY_11H + 9 * H, pausedChanges), config, MONDAY_11H + 9 * H)).toEqual({
      warning: false,
      breach: false,
    });
    const stopped = [move(MONDAY_11H + H, 'submitted', 'resolved')];
    expect(alerts(MONDAY_11H + 2 * H, { result: result(MONDAY_11H + 2 * H, stopped) }).actions).toEqual([]);
  });

  it('with rules.slaAlerts off, still says what is reached, and sends nothing', () => {
    const off = configSchema.parse({ rules: { slaAlerts: false } });
    expect(alerts(MONDAY_11H, { config: off, result: result(MONDAY_11H, [], off) })).toEqual({
      due: 'breach',
      actions: [],
      handled: { warning: true, breach: true },
    });
  });
});

describe('who is told, in which language', () => {
  it('the warning goes to the assignee, in their language, under one key per request and threshold', () => {
    const { actions } = alerts(MONDAY_10H);
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'notify',
        key: 'SUP-1:sla-alert:warning:assignee',
        issueKey: 'SUP-1',
        to: { accountIds: ['agent-1'] },
        subject: '[SUP-1] Réponse attendue bientôt\u00a0: VPN down',
      }),
    ]);
    expect(slaThresholdKey('SUP-1', 'warning')).toBe('SUP-1:sla-alert:warning');
    const body = (actions[0] as { textBody: string }).textBody;
    expect(body).toContain('a consommé 75\u00a0% de son délai de première réponse (4\u00a0h en heures ouvrées)');
    expect(body).toContain('le délai sera dépassé le 9 mars 2026 à 11:00 (Europe/Paris)');
    expect(body).toContain('Elle est assignée à Alice Agent.');
    expect(body).toContain('Demande\u00a0: https://acme.atlassian.net/browse/SUP-1');
  });

  it('the breach goes to the assignee and to the team lead, each in their language', () => {
    const { actions } = alerts(MONDAY_11H);
    expect(actions.map((a) => [a.key, (a as { to: unknown }).to, (a as { subject: string }).subject])).toEqual([
      [
        'SUP-1:sla-alert:breach:assignee',
        { accountIds: ['agent-1'] },
        '[SUP-1] Délai de réponse dépassé\u00a0: VPN down',
      ],
      ['SUP-1:sla-alert:breach:lead', { accountIds: ['lead-1'] }, '[SUP-1] Response goal missed: VPN down'],
    ]);
  });

  it('unassigned: the support group, in the default language; without a group, each agent in theirs', () => {
    expect(alerts(MONDAY_10H, { assignee: null }).actions.map((a) => [a.key, (a as { to: unknown }).to])).toEqual([
      ['SUP-1:sla-alert:warning:group', { groupNames: ['support-team'] }],
    ]);
    const noGroup = configSchema.parse({ escalation: { teamLeadAccountId: 'lead-1' } });
    expect(needsSupportTeamForAlert(null, noGroup)).toBe(true);
    expect(needsSupportTeamForAlert(alice, noGroup)).toBe(false);
    const team = [alice, { accountId: 'agent-2', locale: 'en_GB' }, { accountId: 'agent-3', locale: 'fr_CA' }];
    const actions = alerts(MONDAY_11H, { assignee: null, supportTeam: team, config: noGroup }).actions;
    expect(actions.map((a) => [a.key, (a as { to: unknown }).to])).toEqual([
      ['SUP-1:sla-alert:breach:team-en', { accountIds: ['agent-2'] }],
      ['SUP-1:sla-alert:breach:team-fr', { accountIds: ['agent-1', 'agent-3'] }],
      ['SUP-1:sla-alert:breach:lead', { accountIds: ['lead-1'] }],
    ]);
  });

  it('a team lead who is the assignee gets one email', () => {
    expect(alerts(MONDAY_11H, { assignee: lea }).actions.map((a) => a.key)).toEqual([
      'SUP-1:sla-alert:breach:assignee',
    ]);
  });

  it('a team lead among the agents told, or in the group speaking their language, gets one email at the breach', () => {
    const noGroup = configSchema.parse({ escalation: { teamLeadAccountId: 'lead-1' } });
    const team = [alice, lea];
    const actions = alerts(MONDAY_11H, { assignee: null, supportTeam: team, config: noGroup }).actions;
    expect(actions.map((a) => [a.key, (a as { to: unknown }).to])).toEqual([
      ['SUP-1:sla-alert:breach:team-en', { accountIds: ['lead-1'] }],
      ['SUP-1:sla-alert:breach:team-fr', { accountIds: ['agent-1'] }],
    ]);
    // The group's email, in the default language (French), reaches a French-speaking lead with the group: one
    // notification naming both (Jira sends each person one email per notification).
    const frenchLead = { ...lea, locale: 'fr_FR' };
    expect(
      alerts(MONDAY_11H, { assignee: null, teamLead: frenchLead }).actions.map((a) => [
        a.key,
        (a as { to: unknown }).to,
      ]),
    ).toEqual([['SUP-1:sla-alert:breach:group', { groupNames: ['support-team'], accountIds: ['lead-1'] }]]);
    // An English-speaking lead gets the breach in English, apart (the group writes French).
    expect(alerts(MONDAY_11H, { assignee: null }).actions.map((a) => a.key)).toEqual([
      'SUP-1:sla-alert:breach:group',
      'SUP-1:sla-alert:breach:lead',
    ]);
    // The warning is for the group alone.
    expect(
      alerts(MONDAY_10H, { assignee: null, teamLead: frenchLead }).actions.map((a) => (a as { to: unknown }).to),
    ).toEqual([{ groupNames: ['support-team'] }]);
  });
});

describe('the texts', () => {
  const facts = {
    goalMs: 90 * 60_000,
    coverage: '24x7' as const,
    percent: 80,
    breachAtMs: at('2026-03-09T11:00:00Z'),
    assigneeName: null,
    timeZone: 'Europe/Paris',
  };
  it('say the goal, its calendar, the share and the breach instant in the desk time zone', () => {
    expect(goalText(4 * H, 'en')).toBe('4 hours');
    expect(goalText(H, 'en')).toBe('1 hour');
    expect(goalText(90 * 60_000, 'fr')).toBe('1\u00a0h 30');
    expect(goalText(45 * 60_000, 'fr')).toBe('45\u00a0min');
    const warning = slaWarningMessage('en', request, facts);
    expect(warning.textBody).toContain('has used 80% of its first-response goal (1 h 30 min 24/7)');
    expect(warning.textBody).toContain('missed on 9 March 2026 at 12:00 (Europe/Paris)');
    expect(warning.textBody).toContain('It is not assigned to anyone.');
    expect(slaBreachMessage('fr', request, facts).textBody).toContain(
      '(1\u00a0h 30 24\u00a0h/24, 7\u00a0j/7) est dépassé depuis le 9 mars 2026 à 12:00',
    );
  });

  it('in 24/7 an alert names the 24/7 calendar time zone', () => {
    const cfg = configSchema.parse({ calendars: { twentyFourSeven: { timeZone: 'America/New_York' } } });
    const r = result(FRIDAY_16H + 3 * H, [], cfg, { coverage: '24x7' });
    const body = (
      slaAlerts({
        request: { ...request, portalUrl: null },
        issueUrl: 'https://acme.atlassian.net/browse/SUP-1',
        assignee: alice,
        teamLead: null,
        supportTeam: [],
        result: r,
        config: cfg,
        nowMs: FRIDAY_16H + 3 * H,
      }).actions[0] as { textBody: string }
    ).textBody;
    expect(body).toContain('(America/New_York)');
    expect(body).toContain('Demande\u00a0: https://acme.atlassian.net/browse/SUP-1');
  });
});

describe('defaults', () => {
  it('alerts are on, at 75 %', () => {
    expect(defaultConfig().rules.slaAlerts).toBe(true);
    expect(defaultConfig().sla.atRiskPercent).toBe(75);
  });
});
