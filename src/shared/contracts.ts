/**
 * The one source of truth for what the Custom UI apps and their resolvers exchange: each resolver's
 * function key, its payload and its answer. Imported by static/** and src/entry/resolvers/**; types only,
 * plus the key constants, so it costs the UI bundles nothing.
 */
import type { CanonicalStatus, Language } from '../domain/workflow';
import type { Config, ConfigError, Coverage } from '../domain/config';
import type { RequestDetails, ThirdPartyKind } from '../domain/panel-actions';
import type { SlaRisk } from '../domain/sla-thresholds';

export type { Language, CanonicalStatus, Config, ConfigError, Coverage, SlaRisk };

/** A resolver's refusal or failure, answered as data so the UI can show it (never thrown). */
export interface ResolverFailure {
  ok: false;
  status: 400 | 403 | 404 | 409 | 500;
  code: string;
  message: string;
  /** Field-level problems of a configuration, when `code` is 'invalid_config'. */
  errors?: ConfigError[];
}

export type ResolverResult<T> = { ok: true; data: T } | ResolverFailure;

/** One stretch of the response SLA: the clock running or paused, in one site status. */
export interface SlaPeriodView {
  from: string;
  /** Null while it goes on. */
  to: string | null;
  kind: 'running' | 'paused';
  status: CanonicalStatus | null;
  statusName: string;
}

export interface CalendarView {
  coverage: Coverage;
  timeZone: string;
  /** Business hours by weekday (monday..sunday), empty for 24/7. */
  weeklyHours: { day: string; ranges: string[] }[];
  /** ISO country whose public holidays are closed, or null. */
  holidaysCountry: string | null;
}

export interface SlaView {
  state: 'running' | 'paused' | 'stopped';
  breached: boolean;
  startedAt: string;
  stoppedAt: string | null;
  stopStatus: CanonicalStatus | null;
  elapsedMs: number;
  goalMs: number;
  remainingMs: number;
  breachAt: string | null;
  /** Where it stands against its thresholds (decided by the domain: src/domain/sla-thresholds.ts). */
  risk: SlaRisk;
  /** The share of the goal from which a running or paused SLA is at risk (`sla.atRiskPercent`). */
  atRiskPercent: number;
  /** When a running SLA reaches (or reached) that share; null when paused or stopped. */
  warnAt: string | null;
  /** 'record': a stopped SLA shown as it was measured; 'live': computed now with the configuration in force. */
  source: 'record' | 'live';
  /** When the record of a stopped SLA was measured; null for a live one. */
  measuredAt: string | null;
  timeline: SlaPeriodView[];
  /** Names of the site statuses the mapping does not know. */
  unmappedStatuses: string[];
}

export interface EscalationView {
  by: string;
  byName: string;
  at: string;
  reason: string;
}

export interface WaitingView {
  nextReminderAt: string | null;
  autoCloseAt: string | null;
}

export type { RequestDetails, ThirdPartyKind };

/** Everything the agent's issue panel shows. */
export interface IssuePanelView {
  issueKey: string;
  status: { name: string; canonical: CanonicalStatus | null };
  resolution: string | null;
  /** The server's clock when the view was built (the UI counts from it). */
  now: string;
  sla: SlaView | null;
  /** Why the SLA could not be computed (for instance, the engine is not installed), when sla is null. */
  slaUnavailable: string | null;
  calendar: CalendarView;
  waiting: WaitingView | null;
  escalation: EscalationView | null;
  details: RequestDetails;
  consultingResolution: string;
  rules: { consulting: boolean; escalation: boolean };
}

/** What the customer sees in the portal. */
export interface PortalView {
  issueKey: string;
  status: { canonical: CanonicalStatus | null; name: string };
  sla: {
    state: 'running' | 'paused' | 'stopped';
    met: boolean | null;
    breached: boolean;
    goalMs: number;
    /** When the team's first answer is due, for a running SLA. */
    dueAt: string | null;
    /** Why the clock is paused: waiting for the customer, or for a third party. */
    pausedFor: 'customer' | 'third_party' | null;
    /** Running or paused past `sla.atRiskPercent` of the goal, not yet late. */
    atRisk: boolean;
    /** True when the support team is alerted as the answer nears its limit and when it is late (rule `slaAlerts`). */
    teamAlerted: boolean;
  } | null;
  /** What the team awaits from the customer (the text of its last public comment), when waiting for them. */
  awaited: string | null;
  /** When the request would close without an answer. */
  closesAt: string | null;
  escalation: EscalationView | null;
  guidance: EscalationGuidance;
}

/** The rules' escalation guidance, in the customer's language (src/domain/messages.ts escalationGuidance). */
export interface EscalationGuidance {
  enabled: boolean;
  intro: string;
  whenToEscalate: string[];
  urgent: string;
  phoneNumbers: { label: string; number: string }[];
}

export interface SetupProblem {
  code:
    | 'status_unmapped'
    | 'canonical_missing'
    | 'consulting_resolution_missing'
    | 'autoclose_resolution_missing'
    | 'contact_missing'
    | 'contact_unknown';
  /** What is missing, in the admin's language. */
  message: string;
  /** How to fix it, in the admin's language. */
  fix: string;
}

export interface SetupCheck {
  problems: SetupProblem[];
  statuses: { id: string; name: string; canonical: CanonicalStatus | null }[];
  resolutions: string[];
}

// ---- resolver function keys and payloads ------------------------------------------------------

export const ISSUE_PANEL = {
  getView: 'getIssuePanelView',
  escalate: 'escalateRequest',
  closeAsConsulting: 'closeAsConsulting',
  recordThirdParty: 'recordThirdParty',
  recordScheduledOperation: 'recordScheduledOperation',
} as const;

export const PORTAL = {
  getView: 'getPortalView',
  escalate: 'escalateRequest',
} as const;

export const ADMIN = {
  getConfig: 'getConfig',
  validateConfig: 'validateConfig',
  saveConfig: 'saveConfig',
  setupCheck: 'setupCheck',
  exportConfig: 'exportConfig',
  importConfig: 'importConfig',
  findPeople: 'findPeople',
} as const;

/** Every payload carries the UI's language, for the messages the server writes. */
export interface LangPayload {
  lang?: Language;
}

export interface EscalatePayload extends LangPayload {
  reason: string;
}

export interface ThirdPartyPayload extends LangPayload {
  kind: ThirdPartyKind;
  name?: string;
  reference?: string;
}

export interface ScheduledOperationPayload extends LangPayload {
  /** ISO instant of the operation. */
  at: string;
  who: string;
}

export interface ConfigPayload extends LangPayload {
  config: unknown;
}

export interface ImportPayload extends LangPayload {
  json: string;
}

/**
 * The contact pickers of the admin page: people (Atlassian accounts) or groups matching what the admin types,
 * or, with `ids`, the people already chosen (to show their names).
 */
export interface FindPeoplePayload extends LangPayload {
  kind: 'user' | 'group';
  query?: string;
  ids?: string[];
}

/** One choice of a picker: an account id and its name (and email), or a group name. */
export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
}

export interface FoundPeople {
  options: PickerOption[];
}

/** The configuration the admin page edits, and the one in force (defaults filled in). */
export interface ConfigView {
  config: Config;
  stored: boolean;
}
