/**
 * The one source of truth for what the Custom UI apps and their resolvers exchange: each resolver's
 * function key, its payload and its answer; and the domain's names and lists the screens show (canonical
 * statuses and their names, weekdays, coverages, languages, third parties, the default working range), taken
 * from src/domain so that the screens never restate them. Imported by static/** and src/entry/resolvers/**;
 * the values come from domain modules that import nothing, so they cost the UI bundles next to nothing.
 */
import type {
  QueueChoice,
  QueueCounts,
  QueueFacets,
  QueueFilters,
  QueueRow,
  QueueState,
} from '../domain/at-risk-queue';
import type { Weekday } from '../domain/business-week';
import type { Config } from '../domain/config';
import type { ConfigError } from '../domain/config-errors';
import type { Coverage } from '../domain/contract';
import type { CoverageChange } from '../domain/coverage-change';
import type { HolidayPlace } from '../domain/holiday-places';
import type { Language } from '../domain/language';
import type { ReminderSchedule } from '../domain/reminders';
import type { RequestDetails } from '../domain/request-details';
import type { SetupCheck } from '../domain/setup-check';
import type { SlaResult } from '../domain/sla';
import type { ClockSegment } from '../domain/sla-clock';
import type { ReportCell, ReportFigures, ReportRow, SlaReportFigures } from '../domain/sla-report';
import type { SlaRisk } from '../domain/sla-thresholds';
import type { OutcomeChange, WhatIfTally } from '../domain/sla-what-if';
import type { SiteLists } from '../domain/site-values';
import type { ThirdPartyKind } from '../domain/third-party';
import type { CanonicalStatus } from '../domain/workflow';

export { QUEUE_STATES, UNASSIGNED } from '../domain/queue-states';
export { DEFAULT_WORKING_RANGE, WEEKDAYS } from '../domain/business-week';
export { COVERAGES } from '../domain/contract';
export { MAX_REASON_LENGTH } from '../domain/escalation-reason';
export { JSM_NOTIFICATIONS, JSM_NOTIFICATION_NAMES } from '../domain/jsm-notifications';
export { LANGUAGES, languageFor, DEFAULT_LANGUAGE_SETTINGS } from '../domain/language';
export { slaConfigFingerprint } from '../domain/sla-fingerprint';
export { reportCsv } from '../domain/report-csv';
export { THIRD_PARTY_KINDS } from '../domain/third-party';
export { frenchSpacing, typeset } from '../domain/texts/typography';
export { CANONICAL_STATUSES, STATUS_NAMES, isCanonicalStatus, isDone } from '../domain/workflow';
export { escalationBar } from '../domain/escalation-bar';
export type {
  CanonicalStatus,
  Config,
  ConfigError,
  Coverage,
  Language,
  RequestDetails,
  SetupCheck,
  OutcomeChange,
  QueueChoice,
  QueueCounts,
  QueueFacets,
  QueueFilters,
  QueueRow,
  QueueState,
  ReportCell,
  ReportFigures,
  ReportRow,
  SlaReportFigures,
  SlaRisk,
  ThirdPartyKind,
  WhatIfTally,
  Weekday,
};

/** A resolver's refusal or failure, answered as data so the UI can show it (never thrown). */
export interface ResolverFailure {
  ok: false;
  status: 400 | 403 | 404 | 409 | 429 | 500;
  code: string;
  message: string;
  /** Field-level problems of a configuration, when `code` is 'invalid_config'. */
  errors?: ConfigError[];
}

export type ResolverResult<T> = { ok: true; data: T } | ResolverFailure;

export interface CalendarView {
  coverage: Coverage;
  timeZone: string;
  /** Business hours by weekday (monday..sunday), empty for 24/7. */
  weeklyHours: { day: Weekday; ranges: string[] }[];
  /** ISO country whose public holidays are closed, or null. */
  holidaysCountry: string | null;
}

/**
 * The response SLA as the issue panel shows it: the engine's result (or a stopped SLA's record), the site statuses
 * it does not know named, and where it stands against its thresholds.
 */
export type SlaView = Omit<SlaResult, 'issueKey' | 'coverage' | 'unmappedStatuses'> & {
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
  /** Names of the site statuses the mapping does not know. */
  unmappedStatuses: string[];
  /**
   * The clock's stretches over the timeline (src/domain/sla-clock.ts): running, paused, or standing still outside
   * the contract's working hours (none in 24/7); each names its timeline period.
   */
  clock: ClockSegment[];
  /** A running SLA whose clock stands still now, outside the contract's working hours. */
  offHoursNow: boolean;
};

export interface EscalationView {
  by: string;
  byName: string;
  at: string;
  reason: string;
}

/** The waiting-for-customer schedule: the next reminder and the close, and whether either is due (src/domain/reminders.ts). */
export type WaitingView = ReminderSchedule;

/** Everything the agent's issue panel shows. */
export interface IssuePanelView {
  issueKey: string;
  /** The viewer's language by the app's policy (their Jira locale if offered, else the default): the panel's. */
  lang: Language;
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
  /** The viewer's language by the app's policy (their Jira locale if offered, else the default): the panel's. */
  lang: Language;
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
  /** The support team has written a public comment (which is not yet the first response the SLA counts). */
  teamAnswered: boolean;
  /** Who escalated, as the viewer reads it: they did, another customer, or the support team. */
  escalatedBy: 'viewer' | 'customer' | 'support' | null;
  /** When the request would close without an answer. */
  closesAt: string | null;
  /** That instant has passed and the request still waits: the hourly sweep closes it within the hour. */
  closeDue: boolean;
  escalation: EscalationView | null;
  /** On a resolved or closed request, the site's own name of the portal's reopen action (JSM's customer transition). */
  reopenAction: string | null;
  guidance: EscalationGuidance;
}

/** The rules' escalation guidance, in the customer's language (src/domain/messages/team-messages.ts `escalationGuidance`). */
export interface EscalationGuidance {
  enabled: boolean;
  intro: string;
  whenToEscalate: string[];
  urgent: string;
  phoneNumbers: { label: string; number: string }[];
}

// ---- the resolvers' functions --------------------------------------------------------------------------------
// One type per Custom UI resolver: each function's payload and answer. The resolvers are built from them with
// @forge/resolver's `makeResolver` (a function missing or extra fails the build), and the screens call them
// through static/common/src/api.ts, typed by the same definitions.

export interface EscalatePayload {
  reason: string;
}

export interface ThirdPartyPayload {
  kind: ThirdPartyKind;
  name?: string;
  reference?: string;
}

export interface ScheduledOperationPayload {
  /** ISO instant of the operation. */
  at: string;
  who: string;
}

export interface ConfigPayload {
  config: unknown;
}

export interface ImportPayload {
  json: string;
}

/**
 * The contact pickers of the admin page: people (Atlassian accounts) or groups matching what the admin types,
 * or, with `ids`, the people already chosen (to show their names).
 */
export interface FindPeoplePayload {
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

/** The site's Jira Service Management projects (type `service_desk`), which the rules may be limited to. */
/** The site's priorities, resolutions and JSM organizations (each list, or why it could not be read). */
export type SiteValuesView = SiteLists;

/**
 * The coverage changes of a draft, each with the requests it moves: `open` (running or paused SLAs, measured again
 * on saving) and `stopped` (kept as measured unless recomputed); `capped` when there were more to count.
 */
export interface CoverageChangeView {
  changes: (CoverageChange & { open: number; stopped: number; capped: boolean })[];
}

export interface HolidayPlacesPayload {
  /** The country whose regions are asked for (ISO code, as date-holidays has it). */
  country?: string | null;
}

/** date-holidays' countries, and the asked country's regions, named in the admin's language. */
export interface HolidayPlaces {
  countries: HolidayPlace[];
  regions: HolidayPlace[];
}

export interface ServiceProjects {
  projects: { key: string; name: string }[];
}

/** The configuration the admin page edits, and the one in force (defaults filled in). */
export interface ConfigView {
  config: Config;
  stored: boolean;
  /** The admin's language by the app's policy: the page's. */
  lang: Language;
}

/** The issue panel's resolver (manifest resource `sla-panel`). */
export type IssuePanelResolver = {
  getIssuePanelView(): ResolverResult<IssuePanelView>;
  escalateRequest(payload: EscalatePayload): ResolverResult<EscalationView>;
  closeAsConsulting(): ResolverResult<null>;
  recordThirdParty(payload: ThirdPartyPayload): ResolverResult<null>;
  recordScheduledOperation(payload: ScheduledOperationPayload): ResolverResult<null>;
};

/** The portal panel's and escalate action's resolver. */
export type PortalResolver = {
  getPortalView(): ResolverResult<PortalView>;
  escalateRequest(payload: EscalatePayload): ResolverResult<EscalationView>;
};

/** The admin page's resolver. */
export type AdminResolver = {
  getConfig(): ResolverResult<ConfigView>;
  validateConfig(payload: ConfigPayload): ResolverResult<Config>;
  saveConfig(payload: ConfigPayload): ResolverResult<Config>;
  setupCheck(): ResolverResult<SetupCheck>;
  exportConfig(): ResolverResult<ExportedConfig>;
  importConfig(payload: ImportPayload): ResolverResult<Config>;
  findPeople(payload: FindPeoplePayload): ResolverResult<FoundPeople>;
  listServiceProjects(): ResolverResult<ServiceProjects>;
  listSiteValues(): ResolverResult<SiteValuesView>;
  previewCoverageChange(payload: ConfigPayload): ResolverResult<CoverageChangeView>;
  listHolidayPlaces(payload: HolidayPlacesPayload): ResolverResult<HolidayPlaces>;
  listDeadLetters(): ResolverResult<DeadLetters>;
  retryDeadLetter(payload: RetryPayload): ResolverResult<RetryOutcome>;
  startSlaRecompute(payload: RecomputePayload): ResolverResult<SlaJobView>;
  startSlaWhatIf(payload: ConfigPayload): ResolverResult<SlaJobView>;
  getSlaJobs(): ResolverResult<SlaJobsView>;
  resumeSlaJob(payload: ResumePayload): ResolverResult<SlaJobView>;
};

/** The desk's pages (the at-risk queue page, the SLA report project page): one resolver. */
export type DeskResolver = {
  getAtRiskQueue(payload: AtRiskQueuePayload): ResolverResult<AtRiskQueueView>;
  getSlaReport(payload: SlaReportPayload): ResolverResult<SlaReportView>;
  getSlaReportRows(payload: SlaReportRowsPayload): ResolverResult<SlaReportRows>;
};

export interface AtRiskQueuePayload {
  filters?: QueueFilters;
}

/** The at-risk queue of the project the page is shown on, measured now. */
export interface AtRiskQueueView {
  lang: Language;
  projectKey: string;
  /** When it was measured (ISO). */
  measuredAt: string;
  atRiskPercent: number;
  /** The rows the filters keep, in the queue's order (the first {@link AtRiskQueueView.pageSize}). */
  rows: QueueRow[];
  /** Rows the filters keep in all. */
  matching: number;
  pageSize: number;
  /** Counts of every state over the whole queue (before the filters). */
  counts: QueueCounts;
  facets: QueueFacets;
  /** True when the project has more open SLAs than the queue reads: the least urgent are left out. */
  truncated: boolean;
}

/** A report's period: whole months YYYY-MM, both included; `refresh` reads it again even when a fresh one is kept. */
export interface SlaReportPayload {
  from: string;
  to: string;
  refresh?: boolean;
}

/** An SLA report as the report page shows it: its progress while it is read, then its figures. */
export interface SlaReportView {
  lang: Language;
  projectKey: string;
  from: string;
  to: string;
  /** The desk's time zone, in which the months are counted. */
  timeZone: string;
  status: 'running' | 'done' | 'failed';
  /** Requests read, and Jira's estimate of how many there are. */
  read: number;
  expected: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  figures: SlaReportFigures | null;
  /** The first breaches by breach instant, and how many there are. */
  breaches: ReportRow[];
  breachCount: number;
  rowCount: number;
  /** Chunks of rows kept, for the CSV export (getSlaReportRows). */
  chunks: number;
}

export interface SlaReportRowsPayload {
  from: string;
  to: string;
  /** The first chunk wanted. */
  chunk: number;
}

/** Rows of a finished report, several chunks at a time; `nextChunk` null once every chunk is given. */
export interface SlaReportRows {
  rows: ReportRow[];
  nextChunk: number | null;
}

/** The requests to measure again with the settings in force, as a JQL. */
export interface RecomputePayload {
  jql: string;
}

/** Which SLA job to resume. */
export interface ResumePayload {
  kind: SlaJobView['kind'];
}

/**
 * An SLA job as the admin page shows it: a recompute of chosen requests, the refresh of running SLAs after a
 * settings change, or the what-if of draft settings over the last 90 days.
 */
export interface SlaJobView {
  kind: 'recompute' | 'refresh' | 'what-if';
  jql: string;
  status: 'collecting' | 'running' | 'done' | 'failed';
  /** Not finished and not moving for five minutes: it can be resumed. */
  stalled: boolean;
  startedAt: string;
  finishedAt: string | null;
  /** Recompute and refresh: requests found, requests done, and what their records did. */
  total: number;
  done: number;
  changed: number;
  unchanged: number;
  failed: number;
  changedExamples: string[];
  /** What-if: what the draft would change, and the fingerprint of the draft it was made for. */
  whatIf: WhatIfTally | null;
  fingerprint: string | null;
  error: string | null;
}

export interface SlaJobsView {
  recompute: SlaJobView | null;
  refresh: SlaJobView | null;
  whatIf: SlaJobView | null;
}

/** What failed after every retry and is kept for an admin: an action, or a product event whose request could not be read. */
export interface DeadLetterView {
  /** Its storage key, which names it for a retry. */
  id: string;
  issueKey: string;
  /** What was meant: an email, a comment, a move, a record, or a whole event. */
  what: 'notify' | 'comment' | 'transition' | 'setProperty' | 'event';
  /** The email's subject, the move's target status, the record's property, or the event's trigger. */
  detail: string | null;
  error: string;
  attempts: number;
  /** When it was given up (ISO instant). */
  at: string;
}

export interface DeadLetters {
  letters: DeadLetterView[];
  /** True when more are kept than the page lists (retry these, then look again). */
  more: boolean;
}

export interface RetryPayload {
  id: string;
}

/** What a retry came to: done (or found done), handed back to the queue for later, or failed again (kept). */
export interface RetryOutcome {
  outcome: 'done' | 'requeued' | 'failed';
  error: string | null;
}

/** The configuration in force as a file: its JSON and a name for it. */
export interface ExportedConfig {
  json: string;
  fileName: string;
}

/** Each resolver's function keys, by name (the tests and the sandbox call them by these). */
export const ISSUE_PANEL = {
  getView: 'getIssuePanelView',
  escalate: 'escalateRequest',
  closeAsConsulting: 'closeAsConsulting',
  recordThirdParty: 'recordThirdParty',
  recordScheduledOperation: 'recordScheduledOperation',
} as const satisfies Record<string, keyof IssuePanelResolver>;

export const PORTAL = {
  getView: 'getPortalView',
  escalate: 'escalateRequest',
} as const satisfies Record<string, keyof PortalResolver>;

export const ADMIN = {
  getConfig: 'getConfig',
  validateConfig: 'validateConfig',
  saveConfig: 'saveConfig',
  setupCheck: 'setupCheck',
  exportConfig: 'exportConfig',
  importConfig: 'importConfig',
  findPeople: 'findPeople',
  listServiceProjects: 'listServiceProjects',
  listSiteValues: 'listSiteValues',
  previewCoverageChange: 'previewCoverageChange',
  listHolidayPlaces: 'listHolidayPlaces',
  listDeadLetters: 'listDeadLetters',
  retryDeadLetter: 'retryDeadLetter',
  startSlaRecompute: 'startSlaRecompute',
  startSlaWhatIf: 'startSlaWhatIf',
  getSlaJobs: 'getSlaJobs',
  resumeSlaJob: 'resumeSlaJob',
} as const satisfies Record<string, keyof AdminResolver>;

export const DESK = {
  getAtRiskQueue: 'getAtRiskQueue',
  getSlaReport: 'getSlaReport',
  getSlaReportRows: 'getSlaReportRows',
} as const satisfies Record<string, keyof DeskResolver>;

// Every function of a resolver has its name above (the build fails otherwise).
type Named<D, N> = Exclude<keyof D, N[keyof N]> extends never ? true : never;
const _everyFunctionNamed: [
  Named<IssuePanelResolver, typeof ISSUE_PANEL>,
  Named<PortalResolver, typeof PORTAL>,
  Named<AdminResolver, typeof ADMIN>,
  Named<DeskResolver, typeof DESK>,
] = [true, true, true, true];
