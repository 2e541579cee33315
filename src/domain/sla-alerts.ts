/**
 * The response SLA's alerts (DESIGN.md section 1, product decisions): at `sla.atRiskPercent` of the goal the
 * assignee is warned (the support group when the request is unassigned); at the breach the team lead is told too,
 * in one email however many of those roles they hold.
 * Only a running SLA alerts: a paused one has no warning instant, a stopped one has had its answer. Each alert
 * carries one key per request, threshold and recipient, so the ledger sends it once however often the sweep
 * looks. Pure: the SLA engine's result at "now" is the input; decisions come back as actions.
 */
import { actionKey, type Action, type NotifyRecipients } from './actions';
import type { Config } from './config';
import { languageFor, type Language } from './language';
import type { RequestRef } from './messages/layout';
import { slaBreachMessage, slaWarningMessage, type SlaAlertFacts } from './messages/sla-alert-messages';
import type { Person } from './request';
import type { SlaResult } from './sla';
import type { SlaThreshold } from './sla-record';
import { warningAt } from './sla-thresholds';

export interface SlaAlertInput {
  request: RequestRef;
  /** The request in Jira's issue view (the alerts go to the team, who work there). */
  issueUrl: string | null;
  /** The assignee, with their locale when known; null when unassigned. */
  assignee: Person | null;
  /** The team lead (`escalation.teamLeadAccountId`) with their locale, when configured. */
  teamLead: Person | null;
  /** The agents to tell when the request is unassigned and no support group is configured. */
  supportTeam: Person[];
  /** The SLA as the engine computes it at `nowMs`. */
  result: SlaResult;
  config: Config;
  nowMs: number;
}

export interface SlaAlertDecision {
  /** The threshold reached at `nowMs` (the breach when both are), or null. */
  due: SlaThreshold | null;
  actions: Action[];
  /** The thresholds done with: alerted now (or before, the ledger decides), or passed over for a later one. */
  handled: Record<SlaThreshold, boolean>;
}

/**
 * The ledger key that says a threshold of a request was dealt with (its alerts sent, or passed over).
 * @example slaThresholdKey('SUP-1', 'warning') //=> 'SUP-1:sla-alert:warning'
 */
export function slaThresholdKey(issueKey: string, threshold: SlaThreshold): string {
  return actionKey(issueKey, 'sla-alert', threshold);
}

/**
 * The thresholds reached by a running SLA at `nowMs`: the warning from `sla.atRiskPercent` of the goal, the
 * breach once the goal is reached (the warning is then passed over: one email, the breach, says it all).
 * @example thresholdsReached(runningResultAt10h, config, now) //=> { warning: true, breach: false }
 */
export function thresholdsReached(result: SlaResult, config: Config, nowMs: number): Record<SlaThreshold, boolean> {
  if (result.state !== 'running') return { warning: false, breach: false };
  const breach = result.breachAt !== null && Date.parse(result.breachAt) <= nowMs;
  const warnAt = warningAt(result, config);
  return { warning: breach || (warnAt !== null && warnAt <= nowMs), breach };
}

/**
 * True when the alert of an unassigned request goes to the agents one by one (no support group configured), so
 * the shell must look them up first.
 * @example needsSupportTeamForAlert(null, defaultConfig()) //=> true
 */
export function needsSupportTeamForAlert(assignee: Person | null, config: Config): boolean {
  return assignee === null && !config.escalation.supportTeamGroup;
}

function timeZoneOf(config: Config, coverage: SlaResult['coverage']): string {
  return coverage === '24x7' ? config.calendars.twentyFourSeven.timeZone : config.calendars.businessHours.timeZone;
}

/**
 * The alerts due for a request at `nowMs`, as notify actions through the ledger.
 * @example slaAlerts({ request, assignee: alice, teamLead: lea, supportTeam: [], result, config, nowMs }).actions.map((a) => a.key)
 *   //=> ['SUP-1:sla-alert:breach:assignee', 'SUP-1:sla-alert:breach:lead'] at the breach
 */
export function slaAlerts(input: SlaAlertInput): SlaAlertDecision {
  const { request, assignee, teamLead, result, config, nowMs } = input;
  const handled = thresholdsReached(result, config, nowMs);
  const due: SlaThreshold | null = handled.breach ? 'breach' : handled.warning ? 'warning' : null;
  if (due === null || !config.rules.slaAlerts || result.breachAt === null) return { due, actions: [], handled };

  const facts: SlaAlertFacts = {
    goalMs: result.goalMs,
    coverage: result.coverage,
    percent: config.sla.atRiskPercent,
    breachAtMs: Date.parse(result.breachAt),
    assigneeName: assignee?.displayName ?? null,
    timeZone: timeZoneOf(config, result.coverage),
  };
  const ref = { ...request, issueUrl: input.issueUrl };
  const message = (lang: Language) =>
    due === 'breach' ? slaBreachMessage(lang, ref, facts) : slaWarningMessage(lang, ref, facts);
  const key = (role: string) => actionKey(slaThresholdKey(request.issueKey, due), role);
  const notify = (role: string, to: NotifyRecipients, lang: Language): Action => ({
    type: 'notify',
    key: key(role),
    issueKey: request.issueKey,
    to,
    ...message(lang),
  });

  // At the breach the team lead is told too, once: not apart when they are already among those told in their
  // language (the assignee, an agent of the team), and within the group's email when it speaks their language (a
  // group's members are not known here; one email to a group and a person reaches each person once).
  const lead = due === 'breach' && teamLead ? teamLead : null;
  const leadLang = lead ? languageFor(lead.locale, config.languages) : null;
  let leadTold = lead !== null && lead.accountId === assignee?.accountId;
  const actions: Action[] = [];
  if (assignee) {
    actions.push(
      notify('assignee', { accountIds: [assignee.accountId] }, languageFor(assignee.locale, config.languages)),
    );
  } else if (config.escalation.supportTeamGroup) {
    const withLead = lead !== null && leadLang === config.languages.default;
    const to = {
      groupNames: [config.escalation.supportTeamGroup],
      ...(withLead ? { accountIds: [lead.accountId] } : {}),
    };
    actions.push(notify('group', to, config.languages.default));
    leadTold ||= withLead;
  } else {
    const byLanguage = new Map<Language, string[]>();
    for (const agent of input.supportTeam) {
      const lang = languageFor(agent.locale, config.languages);
      byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), agent.accountId]);
    }
    for (const [lang, accountIds] of [...byLanguage.entries()].sort(([a], [b]) => a.localeCompare(b)))
      actions.push(notify(`team-${lang}`, { accountIds }, lang));
    leadTold ||= lead !== null && input.supportTeam.some((agent) => agent.accountId === lead.accountId);
  }
  if (lead && leadLang && !leadTold) actions.push(notify('lead', { accountIds: [lead.accountId] }, leadLang));
  return { due, actions, handled };
}
