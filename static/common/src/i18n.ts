/**
 * Every text the three screens show, in French and English. The server writes the texts that depend on the
 * configuration (validation messages, escalation guidance, setup problems); these are the screens' own. The
 * names of statuses come from the domain (src/domain/workflow.ts, through src/shared/contracts.ts).
 */
import {
  STATUS_NAMES,
  frenchSpacing,
  typeset,
  type CanonicalStatus,
  type Config,
  type Coverage,
  type Language,
  type OutcomeChange,
  type ThirdPartyKind,
  type Weekday,
} from '../../../src/shared/contracts';

const en = {
  /** Intl's locale for this language's dates, when the viewer's own locale is of another language. */
  intlLocale: 'en-GB',
  loading: 'Loading…',
  /** A call that did not reach the app's resolver (the bridge's own words are shown apart, in English). */
  bridgeFailed: 'The app could not be reached. Check your connection, then try again.',
  close: 'Close',
  retry: 'Try again',
  cancel: 'Cancel',
  /** What separates a label from its value. */
  sep: ': ',
  // agent panel
  slaTitle: 'Response SLA',
  state: { running: 'Running', paused: 'Paused', stopped: 'Stopped' } as Record<
    'running' | 'paused' | 'stopped',
    string
  >,
  met: 'Met',
  breached: 'Breached',
  onTrack: 'On track',
  atRisk: 'At risk',
  atRiskSince: (percent: number, when: string) => `At risk since ${when} (${percent} % of the goal used)`,
  atRiskAt: (percent: number, when: string) => `At risk from ${when} (${percent} % of the goal)`,
  measuredOn: (when: string) => `Measured on ${when}: a stopped SLA keeps its measure when the configuration changes.`,
  /** The compact row: what is left, how late, the goal; and its expander. */
  left: (d: string) => `${d} left`,
  lateBy: (d: string) => `${d} late`,
  goalOf: (d: string) => `goal ${d}`,
  slaDetails: 'Details: figures, calendar and timeline',
  elapsed: 'Elapsed',
  remaining: 'Remaining',
  margin: 'Margin',
  overdue: 'Overdue by',
  goal: 'Goal',
  breachAtFuture: 'Breach expected at',
  breachAtPast: 'Breached at',
  usedUpAt: 'Time used up at',
  stoppedAt: (status: string) => `Stopped (${status}) on`,
  noBreach: 'No breach expected while paused',
  coverage: { business_hours: 'Business hours', '24x7': '24/7' } as Record<Coverage, string>,
  calendar: 'Calendar',
  holidays: (country: string) => `public holidays: ${country}`,
  noHolidays: 'no public holidays',
  timeline: 'Timeline of the response SLA',
  timelineRunning: 'clock running',
  timelinePaused: 'clock paused',
  unmapped: (names: string) => `Statuses the rules do not know (map them on the admin page): ${names}`,
  slaUnavailable: 'The response SLA cannot be computed for this request.',
  waitingTitle: 'Waiting for the customer',
  nextReminder: 'Next reminder',
  autoClose: 'Automatic closing',
  escalatedTitle: 'Escalated',
  escalatedBy: (who: string, when: string) => `By ${who} on ${when}`,
  notEscalated: 'Not escalated',
  details: 'Recorded',
  thirdPartyKinds: { atlassian: 'Atlassian', addon_vendor: 'Add-on vendor', hosting: 'Hosting company' } as Record<
    ThirdPartyKind,
    string
  >,
  scheduledFor: (when: string, who: string) => `Scheduled operation on ${when}, by ${who}`,
  actions: 'Actions',
  escalate: 'Escalate',
  closeConsulting: 'Close as Consulting',
  confirmConsulting: (res: string) =>
    `Close this request with the resolution "${res}"? The customer gets a public comment explaining why.`,
  confirm: 'Confirm',
  thirdParty: 'Waiting for a third party',
  thirdPartyKind: 'Third party',
  thirdPartyName: 'Name (optional)',
  thirdPartyReference: 'Their reference (optional)',
  scheduledOperation: STATUS_NAMES.scheduled_operation.en,
  scheduledAt: 'When',
  scheduledWho: 'Who carries it out',
  record: 'Record and tell the customer',
  reason: 'Reason',
  reasonHelp: 'Say what is missing or too slow; the support managers read it.',
  submitEscalation: 'Escalate the request',
  /** The flag shown once an action of the agent's panel is carried out. */
  doneFlag: 'Done: the request shows the change.',
  /** The panel's action buttons, named after what they do. */
  actionThirdParty: 'Wait for a third party',
  actionScheduled: 'Schedule an operation',
  timeZoneNote: (tz: string) => `Times in ${tz}`,
  // portal
  portalStatus: 'Status',
  portalSla: 'First response',
  portalMet: 'Our first response came in time.',
  portalBreached: 'Our first response came later than promised.',
  portalRunning: (due: string, goal: string) => `We will answer by ${due} (within ${goal} of your contract's hours).`,
  /** The team has commented, but the first response the rules count is the request moving on. */
  portalAnswered: (due: string) =>
    `Our team has replied in the comments. The first response we commit to is the request moving on (waiting for your information, a scheduled operation, resolved or closed), by ${due} at the latest.`,
  portalRunningLate: (goal: string, escalated: boolean) =>
    `Our answer is late (promised within ${goal}).${escalated ? '' : ' If this holds you up, you can escalate the request.'}`,
  portalAtRisk: (alerted: boolean) =>
    `The time for our first answer is running short.${alerted ? ' The team has been alerted.' : ''}`,
  portalLateAlerted: 'The team has been alerted.',
  portalPausedCustomer: 'Paused: we are waiting for your answer.',
  portalPausedThirdParty: 'Paused: we are waiting for a third party (Atlassian, a vendor or a host).',
  portalAwaited: 'What we need from you',
  portalClosesAt: (day: string) =>
    `Without an answer from you, the request will be closed on ${day}. You can still reopen it afterwards.`,
  /** Who escalated, as the viewer reads it: they did, a colleague (named) or the support team. */
  portalEscalated: (by: 'viewer' | 'customer' | 'support', name: string, when: string) =>
    by === 'viewer'
      ? `You escalated this request on ${when}: the support managers were notified.`
      : by === 'customer'
        ? `${name} escalated this request on ${when}: the support managers were notified.`
        : `The support team escalated this request on ${when} to speed it up.`,
  escalationOff: 'Escalation is not available for this service desk.',
  urgentCall: 'Very urgent? Call us:',
  escalateTitle: 'Escalate this request',
  escalatedDone:
    'Your request is escalated: the head of the support team and the manager in charge of your support contract have been notified.',
  alreadyEscalated: 'This request is already escalated.',
  // admin
  adminTitle: 'Support rules',
  /** Beside Save, while the form differs from the configuration in force. */
  unsaved: 'Unsaved changes',
  adminIntro: 'Every setting of the support rules. Nothing is saved until the whole configuration is valid.',
  save: 'Save',
  saved: 'Configuration saved.',
  notSaved: (n: number) => `Nothing was saved: ${n} setting(s) need fixing (shown in place).`,
  exportJson: 'Export JSON',
  importJson: 'Import JSON',
  imported: 'Configuration imported and saved.',
  notImported: (n: number) => `The file was not imported: ${n} problem(s); the settings in force are unchanged.`,
  importProblems: 'Problems in the imported file',
  wholeConfigProblems: 'Problems with the configuration as a whole',
  defaultsInUse: 'No configuration saved yet: the defaults are in force.',
  deadLetters: {
    title: 'Dead letters',
    intro:
      'What still failed after every retry is kept here, never dropped. Fix the cause (a permission, a transition, a resolution), then retry: the app runs it again as the first time.',
    none: 'Nothing failed: every email, comment and move went out.',
    request: 'Request',
    what: 'What',
    error: 'Why it failed',
    when: 'Given up on',
    retry: 'Retry',
    attempts: (n: number) => `${n} attempt(s)`,
    more: 'More are kept than listed: retry these, then look again.',
    done: 'Done.',
    requeued: 'Jira did not answer yet: the app tries again by itself in a moment.',
    failedAgain: (error: string) => `It failed again, and is kept: ${error}`,
    kinds: {
      notify: (subject: string) => `Email "${subject}"`,
      comment: 'Public comment',
      note: 'Internal note',
      transition: (status: string) => `Move to "${status}"`,
      setProperty: (property: string) => `Record ${property}`,
      event: (trigger: string) => `Jira event (${trigger})`,
    },
  },
  setupCheck: 'Setup check',
  setupOk: 'The site has everything these rules need.',
  setupFix: 'How to fix it',
  setupReminders: "Also check in Jira Service Management (the app cannot read JSM's notification settings)",
  recheck: 'Check again',
  sections: {
    projects: 'Projects',
    workflow: 'Workflow mapping',
    calendars: 'Calendars and holidays',
    coverage: 'Coverage by organization',
    goals: 'Response goals',
    reminders: 'Reminders and automatic closing',
    escalation: 'Escalation contacts',
    languages: 'Languages',
    rules: 'Rules on and off',
    leaveToJsm: 'Customer notifications left to JSM',
  },
  leaveToJsmIntro:
    'JSM emails customers by itself too (Project settings → Customer notifications). For each of its notifications below, either the app sends the email and you disable it in JSM, or you leave it to JSM here: the app then stops sending that email, and you keep the notification on in JSM.',
  leaveToJsmLabel: (jsm: string) => `Leave "${jsm}" to JSM`,
  leaveToJsmReplaces: {
    requestCreated: 'instead of the app’s email for a request received by email',
    publicCommentAdded:
      'instead of the app’s emails of the support team’s public comments, of the reminders and of the automatic close',
    customerVisibleStatusChanged: 'instead of the app’s emails of status changes, the close included',
    requestResolved: 'instead of the app’s email when a resolved request is closed, the automatic close included',
  } as Record<keyof Config['leaveToJsm'], string>,
  projectsScope: 'The rules apply to',
  projectsAll: (count: number | null) =>
    count === null
      ? 'Every JSM project of the site'
      : `Every JSM project of the site (${count} today, and any new one)`,
  projectsChosen: 'Only the JSM projects ticked below',
  projectsTick: 'Projects the rules apply to',
  projectsNoneTicked: 'Tick at least one project: with none ticked, the rules apply to every JSM project.',
  projectsFilter: 'Filter by name or key',
  projectNotJsm: 'not a JSM project of this site: the rules ignore it',
  siteStatus: 'Site status',
  canonicalStatus: 'Means',
  byDefault: (s: string) => `by name: ${s}`,
  notMapped: 'not mapped',
  extraNames: 'Other status names (name → meaning)',
  addStatusName: 'Add a status name',
  statusName: 'Status name',
  businessHours: 'Business hours',
  timeZone: 'Time zone',
  days: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  } as Record<Weekday, string>,
  closed: 'closed',
  addRange: 'Add a range',
  remove: 'Remove',
  start: 'Start',
  end: 'End',
  country: 'Public holidays of (country code)',
  region: 'Region (optional)',
  fixedDates: 'Other closed days (YYYY-MM-DD, comma-separated)',
  yearlyDates: 'Closed every year (MM-DD, comma-separated)',
  tzTwentyFourSeven: 'Time zone of the 24/7 calendar',
  defaultCoverage: 'Coverage for everyone else',
  organization: 'Organization (name or id)',
  coverageLabel: 'Coverage',
  addOrganization: 'Add an organization',
  defaultGoal: 'Goal for any priority (minutes)',
  atRiskPercent: 'At risk from (% of the goal): the assignee is alerted then, the team lead at the breach',
  priority: 'Priority',
  minutes: 'Minutes',
  addPriority: 'Add a priority',
  reminderDays: 'Reminders after (days without activity, comma-separated)',
  autoCloseDays: 'Close after (days)',
  autoCloseResolution: 'Resolution on automatic closing',
  consultingResolution: 'Resolution of consulting needs',
  teamLead: 'Support team lead',
  offerManager: 'Cloud/Support offer manager',
  supportGroup: 'Support team group (notified of reopens)',
  pickPerson: 'Type a name or an email address',
  pickGroup: 'Type a group name',
  pickNone: 'No one chosen',
  pickNoMatch: 'Nothing matches',
  pickSearching: 'Searching…',
  pickClear: 'Clear',
  pickUnknown: (id: string) => `${id} (not found on this site)`,
  phones: 'Numbers for very urgent matters',
  phoneLabel: 'Label',
  phoneNumber: 'Number',
  addPhone: 'Add a number',
  defaultLanguage: 'Default language',
  availableLanguages: 'Languages offered',
  languageNames: { fr: 'French', en: 'English' } as Record<Language, string>,
  rules: {
    notifyOnCreation: 'Notify the creator when a request is created (not from the portal)',
    notifyOnStatusChange: 'Notify the creator of status changes',
    notifyOnSupportComment: 'Forward the support team’s public comments',
    notifyTeamOnReopen: 'Notify the support team when a customer reopens',
    reopenOnCustomerComment: 'Reopen a resolved request when its customer comments',
    resumeOnCustomerComment: 'Resume work when the customer answers',
    consulting: 'Close consulting needs with their resolution',
    escalation: 'Customers may escalate',
    reminders: 'Remind customers who do not answer',
    autoClose: 'Close requests left unanswered',
    slaAlerts: 'Alert the team before and when a response goal is missed',
  } as Record<keyof Config['rules'], string>,
  errorsHere: 'errors',
  slaRecords: {
    title: 'SLA records',
    intro:
      'A stopped SLA keeps the measure it was given; a change of the settings applies to running and future SLAs. To measure chosen requests again with the settings in force, give them as a JQL query.',
    jqlLabel: 'Requests to recompute (JQL)',
    recompute: 'Recompute',
    recomputeTitle: (when: string) => `Recompute started ${when}`,
    refreshTitle: (when: string) => `Running SLAs measured again after the settings changed (${when})`,
    collecting: (found: number) => `Finding the requests… ${found} so far.`,
    progress: (done: number, total: number, changed: number) =>
      `${done} of ${total} requests measured again; ${changed} changed so far.`,
    done: (total: number, changed: number, unchanged: number, failed: number) =>
      `${total} requests measured again: ${changed} changed, ${unchanged} unchanged${failed ? `, ${failed} could not be measured` : ''}.`,
    failed: (reason: string) => `Stopped: ${reason}`,
    stalled: 'It has not moved for five minutes.',
    resume: 'Resume',
    changedExamples: 'Changed',
  },
  whatIf: {
    title: 'These changes measure SLAs differently',
    intro:
      'Before saving, see how many requests of the last 90 days would change outcome (met or breached) with these settings.',
    start: 'Preview the impact',
    working: (scanned: number) => `Measuring the requests of the last 90 days… ${scanned} so far.`,
    failed: (reason: string) => `The preview stopped: ${reason}`,
    result: (scanned: number, metToBreached: number, breachedToMet: number, nowBreached: number, noLonger: number) =>
      `Of ${scanned} requests of the last 90 days, ${metToBreached + breachedToMet + nowBreached + noLonger} would change outcome. ` +
      `Answered ones keep their measure unless you recompute them; recomputed, ${metToBreached} met would be breached and ${breachedToMet} breached would be met. ` +
      `Still open: ${nowBreached} would be late at once, ${noLonger} no longer late.`,
    example: (change: OutcomeChange, elapsed: string, newElapsed: string, newGoal: string) =>
      `${{ met_to_breached: 'met → breached', breached_to_met: 'breached → met', now_breached: 'late at once', no_longer_breached: 'no longer late' }[change]} (${elapsed} → ${newElapsed} of ${newGoal})`,
  },
};

export type Strings = typeof en;

// Written with ordinary spaces; French typography (non-breaking spaces before : ; ? ! and inside « ») is applied
// to every text by the domain's `typeset`.
const fr: Strings = typeset<Strings>(
  {
    intlLocale: 'fr-FR',
    loading: 'Chargement…',
    bridgeFailed: "L'application n'a pas pu être jointe. Vérifiez votre connexion, puis réessayez.",
    close: 'Fermer',
    retry: 'Réessayer',
    cancel: 'Annuler',
    sep: ' : ',
    slaTitle: 'SLA de réponse',
    // Not 'En cours', which is also a status of the workflow.
    state: { running: 'Délai en cours', paused: 'Délai en pause', stopped: 'Délai arrêté' },
    met: 'Respecté',
    breached: 'Dépassé',
    onTrack: 'Dans les temps',
    atRisk: 'En risque',
    atRiskSince: (percent, when) => `En risque depuis le ${when} (${percent} % de l'objectif consommés)`,
    atRiskAt: (percent, when) => `En risque à partir du ${when} (${percent} % de l'objectif)`,
    measuredOn: (when) => `Mesuré le ${when} : un SLA arrêté garde sa mesure quand la configuration change.`,
    left: (d) => `reste ${d}`,
    lateBy: (d) => `${d} de retard`,
    goalOf: (d) => `objectif ${d}`,
    slaDetails: 'Détails : chiffres, calendrier et chronologie',
    elapsed: 'Écoulé',
    remaining: 'Restant',
    margin: 'Marge',
    overdue: 'Dépassé de',
    goal: 'Objectif',
    breachAtFuture: 'Dépassement prévu le',
    breachAtPast: 'Dépassé le',
    usedUpAt: 'Délai épuisé le',
    stoppedAt: (status) => `Arrêté (${status}) le`,
    noBreach: 'Aucun dépassement tant que le délai est en pause',
    coverage: { business_hours: 'Heures ouvrées', '24x7': '24 h/24, 7 j/7' },
    calendar: 'Calendrier',
    holidays: (country) => `jours fériés : ${country}`,
    noHolidays: 'sans jours fériés',
    timeline: 'Chronologie du délai de réponse',
    timelineRunning: 'délai en cours',
    timelinePaused: 'délai en pause',
    unmapped: (names) => `Statuts inconnus des règles (à associer dans la page d'administration) : ${names}`,
    slaUnavailable: 'Le délai de réponse ne peut pas être calculé pour cette demande.',
    waitingTitle: STATUS_NAMES.waiting_for_customer.fr,
    nextReminder: 'Prochaine relance',
    autoClose: 'Fermeture automatique',
    escalatedTitle: 'Escaladée',
    escalatedBy: (who, when) => `Par ${who} le ${when}`,
    notEscalated: 'Non escaladée',
    details: 'Enregistré',
    thirdPartyKinds: { atlassian: 'Atlassian', addon_vendor: "Éditeur d'application", hosting: 'Hébergeur' },
    scheduledFor: (when, who) => `Opération planifiée le ${when}, par ${who}`,
    actions: 'Actions',
    escalate: 'Escalader',
    closeConsulting: 'Fermer en Consulting',
    confirmConsulting: (res) =>
      `Fermer cette demande avec la résolution « ${res} » ? Le client reçoit un commentaire public qui l'explique.`,
    confirm: 'Confirmer',
    thirdParty: STATUS_NAMES.waiting_for_third_party.fr,
    thirdPartyKind: 'Tiers',
    thirdPartyName: 'Nom (facultatif)',
    thirdPartyReference: 'Leur référence (facultatif)',
    scheduledOperation: STATUS_NAMES.scheduled_operation.fr,
    scheduledAt: 'Quand',
    scheduledWho: 'Qui la réalise',
    record: 'Enregistrer et prévenir le client',
    reason: 'Motif',
    reasonHelp:
      "Dites ce qui manque ou ce qui est trop lent ; le responsable d'équipe et le responsable d'offre le liront.",
    submitEscalation: 'Escalader la demande',
    doneFlag: 'C’est fait : la demande montre le changement.',
    actionThirdParty: 'Attendre un tiers',
    actionScheduled: 'Planifier une opération',
    timeZoneNote: (tz) => `Heures en ${tz}`,
    portalStatus: 'Statut',
    portalSla: 'Première réponse',
    portalMet: 'Notre première réponse est arrivée dans les délais.',
    portalBreached: 'Notre première réponse est arrivée après le délai promis.',
    portalAnswered: (due) =>
      `Notre équipe vous a répondu dans les commentaires. La première réponse sur laquelle nous nous engageons est le passage de la demande à l'étape suivante (en attente de vos informations, opération planifiée, résolue ou fermée), au plus tard le ${due}.`,
    portalRunning: (due, goal) =>
      `Nous vous répondrons au plus tard le ${due} (sous ${goal} des heures de votre contrat).`,
    portalRunningLate: (goal, escalated) =>
      `Notre réponse est en retard (promise sous ${goal}).${escalated ? '' : ' Si cela vous bloque, vous pouvez escalader la demande.'}`,
    portalAtRisk: (alerted) =>
      `Le délai de notre première réponse arrive bientôt à son terme.${alerted ? " L'équipe a été alertée." : ''}`,
    portalLateAlerted: "L'équipe a été alertée.",
    portalPausedCustomer: 'En pause : nous attendons votre réponse.',
    portalPausedThirdParty: 'En pause : nous attendons un tiers (Atlassian, un éditeur ou un hébergeur).',
    portalAwaited: 'Ce que nous attendons de vous',
    portalClosesAt: (day) =>
      `Sans réponse de votre part, la demande sera fermée le ${day}. Vous pourrez toujours la rouvrir ensuite.`,
    portalEscalated: (by, name, when) =>
      by === 'viewer'
        ? `Vous avez escaladé cette demande le ${when} : le responsable d'équipe et le responsable d'offre ont été prévenus.`
        : by === 'customer'
          ? `${name} a escaladé cette demande le ${when} : le responsable d'équipe et le responsable d'offre ont été prévenus.`
          : `L'équipe support a escaladé cette demande le ${when} pour accélérer son traitement.`,
    escalationOff: "L'escalade n'est pas proposée pour ce centre de services.",
    urgentCall: 'Très urgent ? Appelez-nous :',
    escalateTitle: 'Escalader cette demande',
    escalatedDone:
      "Votre demande est escaladée : le responsable de l'équipe support et le responsable de l'offre Cloud/Support ont été prévenus.",
    alreadyEscalated: 'Cette demande est déjà escaladée.',
    adminTitle: 'Règles de support',
    unsaved: 'Modifications non enregistrées',
    adminIntro:
      "Tous les réglages des règles de support. Rien n'est enregistré tant que toute la configuration n'est pas valide.",
    save: 'Enregistrer',
    saved: 'Configuration enregistrée.',
    notSaved: (n) => `Rien n'a été enregistré : ${n} réglage(s) à corriger (indiqués sur place).`,
    exportJson: 'Exporter en JSON',
    importJson: 'Importer un JSON',
    imported: 'Configuration importée et enregistrée.',
    notImported: (n) => `Le fichier n'a pas été importé : ${n} problème(s) ; les réglages en vigueur sont inchangés.`,
    importProblems: 'Problèmes du fichier importé',
    wholeConfigProblems: 'Problèmes de la configuration dans son ensemble',
    defaultsInUse: "Aucune configuration enregistrée : les réglages par défaut s'appliquent.",
    deadLetters: {
      title: 'Lettres mortes',
      intro:
        "Ce qui a encore échoué après toutes les reprises est conservé ici, jamais perdu. Corrigez la cause (une permission, une transition, une résolution), puis relancez : l'application le refait comme la première fois.",
      none: "Rien n'a échoué : chaque e-mail, commentaire et changement d'état est parti.",
      request: 'Demande',
      what: 'Quoi',
      error: "Pourquoi l'envoi a échoué",
      when: 'Abandonné le',
      retry: 'Relancer',
      attempts: (n) => `${n} tentative(s)`,
      more: "D'autres sont conservées que la liste ne montre pas : relancez celles-ci, puis consultez à nouveau.",
      done: 'Fait.',
      requeued: "Jira n'a pas encore répondu : l'application réessaie d'elle-même dans un instant.",
      failedAgain: (error) => `Nouvel échec, elle reste conservée : ${error}`,
      kinds: {
        notify: (subject) => `E-mail « ${subject} »`,
        comment: 'Commentaire public',
        note: 'Note interne',
        transition: (status) => `Passage à « ${status} »`,
        setProperty: (property) => `Enregistrement ${property}`,
        event: (trigger) => `Événement Jira (${trigger})`,
      },
    },
    setupCheck: "Vérification de l'installation",
    setupOk: 'Le site a tout ce dont ces règles ont besoin.',
    setupFix: 'Comment corriger',
    setupReminders:
      "À vérifier aussi dans Jira Service Management (l'app ne peut pas lire ses réglages de notifications)",
    recheck: 'Vérifier à nouveau',
    sections: {
      projects: 'Projets',
      workflow: 'Correspondance du workflow',
      calendars: 'Calendriers et jours fériés',
      coverage: 'Couverture par organisation',
      goals: 'Objectifs de réponse',
      reminders: 'Relances et fermeture automatique',
      escalation: "Contacts d'escalade",
      languages: 'Langues',
      rules: 'Règles activées',
      leaveToJsm: 'Notifications client laissées à JSM',
    },
    leaveToJsmIntro:
      "JSM envoie aussi des e-mails aux clients (Paramètres du projet → Notifications client). Pour chacune de ses notifications ci-dessous, soit l'app envoie l'e-mail et vous la désactivez dans JSM, soit vous la laissez à JSM ici : l'app n'envoie plus cet e-mail, et vous la laissez activée dans JSM.",
    leaveToJsmLabel: (jsm) => `Laisser « ${jsm} » à JSM`,
    leaveToJsmReplaces: {
      requestCreated: "à la place de l'e-mail de l'app pour une demande reçue par e-mail",
      publicCommentAdded:
        "à la place des e-mails de l'app pour les commentaires publics de l'équipe, les relances et la fermeture automatique",
      customerVisibleStatusChanged:
        "à la place des e-mails de l'app pour les changements de statut, fermeture comprise",
      requestResolved:
        "à la place de l'e-mail de l'app à la fermeture d'une demande résolue, fermeture automatique comprise",
    },
    projectsScope: "Les règles s'appliquent à",
    projectsAll: (count) =>
      count === null
        ? 'Tous les projets JSM du site'
        : `Tous les projets JSM du site (${count} aujourd'hui, et tout nouveau projet)`,
    projectsChosen: 'Seulement les projets JSM cochés ci-dessous',
    projectsTick: "Projets auxquels les règles s'appliquent",
    projectsNoneTicked:
      "Cochez au moins un projet : si aucun n'est coché, les règles s'appliquent à tous les projets JSM.",
    projectsFilter: 'Filtrer par nom ou clé',
    projectNotJsm: "n'est pas un projet JSM de ce site : les règles l'ignorent",
    siteStatus: 'Statut du site',
    canonicalStatus: 'Signifie',
    byDefault: (s) => `par son nom : ${s}`,
    notMapped: 'sans correspondance',
    extraNames: 'Autres noms de statut (nom → signification)',
    addStatusName: 'Ajouter un nom de statut',
    statusName: 'Nom du statut',
    businessHours: 'Heures ouvrées',
    timeZone: 'Fuseau horaire',
    days: {
      monday: 'Lundi',
      tuesday: 'Mardi',
      wednesday: 'Mercredi',
      thursday: 'Jeudi',
      friday: 'Vendredi',
      saturday: 'Samedi',
      sunday: 'Dimanche',
    },
    closed: 'fermé',
    addRange: 'Ajouter une plage',
    remove: 'Retirer',
    start: 'Début',
    end: 'Fin',
    country: 'Jours fériés de (code pays)',
    region: 'Région (facultatif)',
    fixedDates: 'Autres jours fermés (AAAA-MM-JJ, séparés par des virgules)',
    yearlyDates: 'Fermé chaque année (MM-JJ, séparés par des virgules)',
    tzTwentyFourSeven: 'Fuseau horaire du calendrier 24/7',
    defaultCoverage: 'Couverture pour les autres',
    organization: 'Organisation (nom ou id)',
    coverageLabel: 'Couverture',
    addOrganization: 'Ajouter une organisation',
    defaultGoal: 'Objectif pour toute priorité (minutes)',
    atRiskPercent:
      "En risque à partir de (% de l'objectif) : l'assigné est alerté, puis le responsable d'équipe au dépassement",
    priority: 'Priorité',
    minutes: 'Minutes',
    addPriority: 'Ajouter une priorité',
    reminderDays: 'Relances après (jours sans activité, séparés par des virgules)',
    autoCloseDays: 'Fermeture après (jours)',
    autoCloseResolution: 'Résolution de la fermeture automatique',
    consultingResolution: 'Résolution des besoins de conseil',
    teamLead: "Responsable de l'équipe support",
    offerManager: "Responsable de l'offre Cloud/Support",
    supportGroup: "Groupe de l'équipe support (prévenu des réouvertures)",
    pickPerson: 'Tapez un nom ou une adresse e-mail',
    pickGroup: 'Tapez un nom de groupe',
    pickNone: 'Personne',
    pickNoMatch: 'Aucun résultat',
    pickSearching: 'Recherche…',
    pickClear: 'Effacer',
    pickUnknown: (id: string) => `${id} (introuvable sur ce site)`,
    phones: 'Numéros pour les demandes très urgentes',
    phoneLabel: 'Libellé',
    phoneNumber: 'Numéro',
    addPhone: 'Ajouter un numéro',
    defaultLanguage: 'Langue par défaut',
    availableLanguages: 'Langues proposées',
    languageNames: { fr: 'Français', en: 'Anglais' },
    rules: {
      notifyOnCreation: "Prévenir le créateur à la création d'une demande (hors portail)",
      notifyOnStatusChange: 'Prévenir le créateur des changements de statut',
      notifyOnSupportComment: "Transmettre les commentaires publics de l'équipe support",
      notifyTeamOnReopen: "Prévenir l'équipe support quand un client rouvre",
      reopenOnCustomerComment: 'Rouvrir une demande résolue quand son client commente',
      resumeOnCustomerComment: 'Reprendre le travail quand le client répond',
      consulting: 'Fermer les besoins de conseil avec leur résolution',
      escalation: 'Les clients peuvent escalader',
      reminders: 'Relancer les clients qui ne répondent pas',
      autoClose: 'Fermer les demandes restées sans réponse',
      slaAlerts: "Alerter l'équipe avant et au dépassement du délai de réponse",
    },
    errorsHere: 'erreurs',
    slaRecords: {
      title: 'Mesures des SLA',
      intro:
        "Un SLA arrêté garde la mesure qu'il a reçue ; un changement des réglages s'applique aux SLA en cours et à venir. Pour mesurer à nouveau des demandes choisies avec les réglages en vigueur, donnez-les par une requête JQL.",
      jqlLabel: 'Demandes à recalculer (JQL)',
      recompute: 'Recalculer',
      recomputeTitle: (when) => `Recalcul lancé le ${when}`,
      refreshTitle: (when) => `SLA en cours mesurés à nouveau après le changement des réglages (${when})`,
      collecting: (found) => `Recherche des demandes… ${found} pour l'instant.`,
      progress: (done, total, changed) =>
        `${done} demandes sur ${total} mesurées à nouveau ; ${changed} changées pour l'instant.`,
      done: (total, changed, unchanged, failed) =>
        `${total} demandes mesurées à nouveau : ${changed} changées, ${unchanged} inchangées${failed ? `, ${failed} impossibles à mesurer` : ''}.`,
      failed: (reason) => `Arrêté : ${reason}`,
      stalled: "Il n'avance plus depuis cinq minutes.",
      resume: 'Reprendre',
      changedExamples: 'Changées',
    },
    whatIf: {
      title: 'Ces changements mesurent les SLA autrement',
      intro:
        "Avant d'enregistrer, voyez combien de demandes des 90 derniers jours changeraient de résultat (respecté ou dépassé) avec ces réglages.",
      start: "Voir l'impact",
      working: (scanned) => `Mesure des demandes des 90 derniers jours… ${scanned} pour l'instant.`,
      failed: (reason) => `L'aperçu s'est arrêté : ${reason}`,
      result: (scanned, metToBreached, breachedToMet, nowBreached, noLonger) =>
        `Sur ${scanned} demandes des 90 derniers jours, ${metToBreached + breachedToMet + nowBreached + noLonger} changeraient de résultat. ` +
        `Les demandes déjà traitées gardent leur mesure sauf si vous les recalculez ; recalculées, ${metToBreached} respectées seraient dépassées et ${breachedToMet} dépassées seraient respectées. ` +
        `Encore ouvertes : ${nowBreached} seraient aussitôt en retard, ${noLonger} ne le seraient plus.`,
      example: (change, elapsed, newElapsed, newGoal) =>
        `${{ met_to_breached: 'respecté → dépassé', breached_to_met: 'dépassé → respecté', now_breached: 'aussitôt en retard', no_longer_breached: 'plus en retard' }[change]} (${elapsed} → ${newElapsed} sur ${newGoal})`,
    },
  },
  frenchSpacing,
);

const STRINGS: Record<Language, Strings> = { en, fr };

/**
 * The screens' texts in a language.
 * @example strings('fr').met //=> 'Respecté'
 */
export function strings(lang: Language): Strings {
  return STRINGS[lang];
}

/**
 * A canonical status's name (the rules' names, DESIGN.md section 1).
 * @example statusName('waiting_for_customer', 'fr') //=> 'En attente du client'
 */
export function statusName(status: CanonicalStatus, lang: Language): string {
  return STATUS_NAMES[status][lang];
}
