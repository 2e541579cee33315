import type { SiteListKind } from '../site-values';

/**
 * Every text the server writes, in English: emails, comments and notes on requests, resolver refusals,
 * configuration and setup-check messages. Its shape is the catalog's type ({@link Texts}): the French catalog
 * must hold the same keys with the same parameters, or the build fails.
 */
export const en = {
  /** Luxon/Intl locale of the dates written in texts. */
  dateLocale: 'en',
  /** Intl locale of the long dates (with the weekday) of panel comments. */
  longDateLocale: 'en-GB',
  /** A date and time in a sentence (Luxon format). */
  instantFormat: "d MMMM yyyy 'at' HH:mm",

  email: {
    hello: 'Hello,',
    signature: '— The support team',
    appSignature: '— Support Rules',
    subject: (issueKey: string, text: string, summary: string) => `[${issueKey}] ${text}: ${summary}`,
    howToAnswer: (portalUrl: string | null) =>
      `To answer us, simply reply to this email${portalUrl ? `, or follow your request in the portal: ${portalUrl}` : ''}.`,
    /** `action`: the site's own name of the customer's reopen transition, when known. */
    howToReopen: (portalUrl: string | null, replyReopens: boolean, action: string | null) => {
      const where = portalUrl ? `in the portal: ${portalUrl}` : 'in the customer portal';
      const use = action ? `use the "${action}" action ${where}` : `reopen it ${where}`;
      if (replyReopens) return `To reopen it, simply reply to this email, or ${use}.`;
      return action ? `To reopen it, ${use}.` : `You can reopen it ${where}.`;
    },
    requestLink: (url: string) => `Request: ${url}`,
  },

  created: {
    subject: 'Request received',
    body: (issueKey: string, summary: string, status: string) =>
      `We have received your request ${issueKey} "${summary}". Its status is "${status}": our team will take it up shortly.`,
  },

  statusChange: {
    subject: (status: string) => `New status "${status}"`,
    lead: (issueKey: string, summary: string, status: string) =>
      `Your request ${issueKey} "${summary}" is now "${status}".`,
    inProgress: 'Our team has taken up your request and is working on it.',
    /** `commented`: the team has written a public comment on the request. */
    waitingForCustomer: (inProgress: string, commented: boolean) =>
      `We need information from you: ${commented ? 'the latest comment on the request says which' : 'a comment on the request will say which'}. As soon as you answer, the request goes back to "${inProgress}".`,
    thirdPartyUnknown:
      'We are waiting for a third party to act (Atlassian, an add-on vendor or a hosting company). We will come back to you as soon as it has.',
    thirdParty: (who: string, reference: string | undefined) =>
      `We are waiting for ${who}${reference ? ` (reference ${reference})` : ''} to act. We will come back to you as soon as it has.`,
    thirdPartyKinds: { atlassian: 'Atlassian', addon_vendor: 'the add-on vendor', hosting: 'the hosting company' },
    scheduledUnknown: (commented: boolean) =>
      `A long or planned operation is needed; ${commented ? 'the latest comment on the request says' : 'we will tell you'} when it will be done and by whom.`,
    scheduled: (when: string, timeZone: string, who: string) =>
      `An operation is scheduled on ${when} (${timeZone}); ${who} will carry it out.`,
    closed: (inProgress: string, commented: boolean, resolution: string | null) =>
      `${commented ? 'We have given you an answer: the latest comment on the request has the details.' : `We consider your request answered${resolution ? ` (resolution "${resolution}")` : ''}.`} If it does not fully meet your need, you can reopen the request: it goes back to "${inProgress}".`,
    consulting: 'Your request was identified as a consulting need and closed with the resolution "Consulting".',
  },

  supportComment: {
    subject: 'New comment',
    team: 'The support team',
    lead: (who: string, issueKey: string, summary: string) =>
      `${who} commented on your request ${issueKey} "${summary}":`,
    media: (portalUrl: string | null) =>
      `The comment holds images or attachments: see them on the request ${portalUrl ? `in the portal: ${portalUrl}` : 'in the customer portal'}.`,
  },

  /** How a comment's rich content reads in plain text. */
  adf: {
    image: (name: string | null) => (name ? `[Image: ${name}]` : '[Image]'),
    attachment: (name: string | null) => (name ? `[Attachment: ${name}]` : '[Attachment]'),
    someone: 'someone',
  },

  reopened: {
    subject: 'Reopened by the customer',
    customer: 'The customer',
    lead: (who: string, issueKey: string, summary: string, inProgress: string) =>
      `${who} reopened the request ${issueKey} "${summary}"; it is back in "${inProgress}".`,
    theirComment: 'Their comment:',
  },

  closedComment: {
    subject: 'Customer comment on a closed request',
    lead: (who: string, issueKey: string, summary: string, status: string) =>
      `${who} commented on the request ${issueKey} "${summary}", which is "${status}":`,
    stays: (status: string) => `The request stays "${status}": reopen it if they need an answer.`,
  },

  consultingNote: (byName: string | null, resolution: string, when: string) =>
    `Closed as a consulting need (resolution "${resolution}")${byName ? ` by ${byName}` : ''} on ${when}.`,

  escalation: {
    subject: 'Escalated',
    lead: (who: string, issueKey: string, summary: string, when: string) =>
      `${who} escalated the request ${issueKey} "${summary}" on ${when}. Please see how to speed it up.`,
    reason: 'Reason:',
    note: (byName: string, when: string, reason: string) =>
      `Escalated by ${byName} on ${when}. The support team lead and the offer manager were notified.\n\nReason: ${reason}`,
    already: (when: string, byName: string) =>
      `This request was already escalated on ${when} by ${byName}: the support managers were notified then.`,
    guidance: {
      intro:
        'Escalating a request notifies the head of the support team and the manager in charge of your support contract, so that they can speed it up.',
      whenToEscalate: [
        'The expertise the request needs is missing from its handling.',
        'Answers are too slow although you have given all the information needed.',
      ],
      urgent: 'For a very urgent matter, call us directly rather than escalating.',
    },
  },

  reminder: {
    subject: 'Reminder',
    lead: (issueKey: string, summary: string, reminder: number) =>
      `Your request ${issueKey} "${summary}" is waiting for your answer (reminder ${reminder}).`,
    awaitedUnknown: 'We are waiting for the information asked for in our latest comment.',
    awaitedIntro: 'We are waiting for your answer to our latest message:',
    closes: (when: string, timeZone: string) =>
      `Without an answer, this request will close on ${when} (${timeZone}); you can still reopen it afterwards.`,
    replyToComment: 'Simply reply to this comment.',
  },

  autoClose: {
    subject: 'Closed without an answer',
    closed: (days: number, issueKey: string, summary: string) =>
      `Without an answer from you for ${days} days, we have closed your request ${issueKey} "${summary}".`,
    reopen: (portalUrl: string | null, inProgress: string) =>
      `If you still need help, reopen it from the portal${portalUrl ? ` (${portalUrl})` : ''}: it goes back to "${inProgress}" and the team is notified.`,
    replyAlso: 'You can also simply reply to this email.',
  },

  slaAlert: {
    warningSubject: 'Response due soon',
    breachSubject: 'Response goal missed',
    /** A goal of `h` hours and `m` minutes. */
    goal: (h: number, m: number) =>
      h === 0 ? `${m} min` : m === 0 ? `${h} hour${h > 1 ? 's' : ''}` : `${h} h ${String(m).padStart(2, '0')} min`,
    calendar: { business_hours: 'of business hours', '24x7': '24/7' },
    warning: (issueKey: string, summary: string, percent: number, goal: string, when: string, timeZone: string) =>
      `The request ${issueKey} "${summary}" has used ${percent}% of its first-response goal (${goal}). Without an answer, the goal will be missed on ${when} (${timeZone}).`,
    breach: (issueKey: string, summary: string, goal: string, when: string, timeZone: string) =>
      `The first-response goal of the request ${issueKey} "${summary}" (${goal}) was missed on ${when} (${timeZone}).`,
    assignedTo: (name: string) => `It is assigned to ${name}.`,
    unassigned: 'It is not assigned to anyone.',
  },

  panel: {
    thirdPartyKinds: { atlassian: 'Atlassian', addon_vendor: 'the add-on vendor', hosting: 'the hosting company' },
    thirdParty: (who: string, reference: string | undefined) =>
      `Your request is now waiting for an action by ${who}.${reference ? ` Their reference: ${reference}.` : ''}\n\nWe are following their answer and will come back to you as soon as it arrives. The response time is paused meanwhile.`,
    scheduled: (when: string, who: string) =>
      `A scheduled operation is planned for your request: on ${when}, carried out by ${who}.\n\nWe will keep you informed of how it goes.`,
    consulting:
      'We have identified your request as a consulting need, which support does not cover: we are closing it with the resolution "Consulting".\n\nYour usual contact can offer suitable help. You can reopen the request if this does not seem right to you.',
    invalid: {
      kind: 'Choose the third party: Atlassian, an add-on vendor or a hosting company.',
      at: 'Give the date and time of the operation.',
      past: 'This date has passed: an operation is planned for a date and time still to come.',
      who: 'Say who carries out the operation.',
    },
  },

  config: {
    'timeRange.format': (p: { value: string }) =>
      `"${p.value}" is not a time of day: write it as HH:MM, from 00:00 to 24:00 (for example 09:00).`,
    'timeRange.order': (p: { start: string; end: string }) =>
      `The range ${p.start}–${p.end} ends before it starts: the end must be later than the start.`,
    'timeRange.overlap': (p: { first: string; second: string }) =>
      `The ranges ${p.first} and ${p.second} overlap: list each day's ranges in order, without overlap.`,
    'timeZone.unknown': (p: { value: string }) =>
      `"${p.value}" is not a time zone: use an IANA name such as Europe/Paris.`,
    'country.unknown': (p: { value: string }) =>
      `"${p.value}" is not a known country code: use a two-letter ISO code such as FR, or leave it empty for no public holidays.`,
    'date.format': (p: { value: string }) =>
      `"${p.value}" is not a date: write it as YYYY-MM-DD (for example 2026-12-24).`,
    'date.missing': () => 'Choose the date, or remove this row.',
    'date.nonexistent': (p: { value: string }) =>
      `"${p.value}" is not a day of the calendar: check the month's number of days.`,
    'region.unknown': (p: { value: string; country: string }) =>
      `"${p.value}" is not a region of ${p.country} for public holidays: use its code in the date-holidays list (for example 67 for Bas-Rhin in FR), or leave it empty for the whole country.`,
    'yearlyDate.format': (p: { value: string }) =>
      `"${p.value}" is not a yearly date: write it as MM-DD (for example 12-26).`,
    'reminders.order': () => 'Reminder delays must increase: each reminder comes after the previous one.',
    'reminders.beforeClose': (p: { days: number; close: number }) =>
      `A reminder after ${p.days} days comes too late: the request closes after ${p.close} days.`,
    'language.defaultNotAvailable': (p: { value: string }) =>
      `The default language "${p.value}" must be one of the available languages.`,
    'phone.format': (p: { value: string }) =>
      `"${p.value}" is not a phone number: use digits, spaces and an optional leading + (for example +33 1 23 45 67 89).`,
    'businessHours.empty': () =>
      'The business-hours calendar has no working hours at all: give at least one day a range.',
    'projectKey.format': (p: { value: string }) =>
      `"${p.value}" is not a project key: a capital letter, then capital letters, digits or _ (for example SUP).`,
    duplicate: (p: { value: string }) => `"${p.value}" is listed twice.`,
  },

  /** A setting naming something of the site (a priority, a resolution, an organization) that the site lacks. */
  siteValues: {
    unknown: (kind: SiteListKind, value: string, closest: string | null) =>
      `"${value}" is not ${{ priorities: 'a priority', resolutions: 'a resolution', organizations: 'a JSM organization' }[kind]} of this site: the setting could never apply.${closest ? ` Did you mean "${closest}"?` : ' Pick one from the list.'}`,
    unreadable: (kind: SiteListKind, reason: string) =>
      `The site's ${kind} could not be read (${reason}), so this value cannot be checked: nothing was saved. Try again in a moment.`,
  },

  configIssue: {
    typeNames: {
      string: 'a text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      object: 'a group of settings',
      array: 'a list',
      record: 'a table of names and values',
    } as Record<string, string>,
    expected: (what: string) => `Expected ${what}.`,
    invalidValue: (allowed: string) => `Unrecognised value: choose one of ${allowed}.`,
    unknownSetting: (keys: string) => `Unknown setting: ${keys}. Check its spelling or remove it.`,
    listTooShort: (min: string) => `The list needs at least ${min} item(s).`,
    empty: 'This field cannot be empty.',
    noKey: 'Give this row its name: pick it in the list, or type it.',
    tooSmall: (min: string) => `The value must be at least ${min}.`,
    listTooLong: (max: string) => `The list holds at most ${max} items.`,
    textTooLong: (max: string) => `The text holds at most ${max} characters.`,
    tooBig: (max: string) => `The value must be at most ${max}.`,
  },

  refusals: {
    anonymous: 'Sign in to use this.',
    noRequest: 'This screen is not shown on a request.',
    noProject: 'This screen is not shown on a service project.',
    badPeriod: (maxMonths: number) =>
      `Choose a period of whole months, the first no later than the last, at most ${maxMonths} months long.`,
    projectOutOfScope: 'The support rules do not apply to this project (admin page, projects).',
    badKey: 'This is not a request key.',
    agentsOnly: 'Only the support team can do this.',
    adminsOnly: 'Only Jira administrators can change the support rules.',
    forbidden: 'You may not see this request.',
    notFound: 'This request does not exist (or you may not see it).',
    failed: 'Jira did not answer as expected; try again in a moment.',
    /**
     * Jira refused the app's call for its rate limits: `minutes` until the hourly quota renews (its Retry-After),
     * null for a per-second limit, which passes within seconds.
     */
    rateLimited: (minutes: number | null) =>
      minutes === null
        ? 'Jira asked the app to slow down for a few seconds; try again in a moment.'
        : `Jira is holding back the app's calls on this site until its hourly allowance renews: try again in about ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
    ruleOff: 'This rule is switched off on the admin page.',
    noTransition: (to: string) => `The workflow offers no transition to "${to}" from the current status.`,
    escalationOff: 'Escalation is switched off for this service desk.',
    escalationForbidden:
      'Only the reporter, the participants of the request, members of its organization and the support team can escalate it.',
    outOfScope: 'The support rules do not apply to this project.',
    /** `action`: the site's own name of the portal's reopen action (the customer transition), when known. */
    escalationDone: (action: string | null) =>
      `This request is resolved or closed: it can no longer be escalated. If the problem is back, reopen the request${action ? ` with the "${action}" action in the portal` : ''}, then escalate it.`,
    escalationReason: (max: number) => `Say why you escalate (up to ${max} characters).`,
    unlicensed:
      'Support Rules is not licensed on this site: ask your Jira administrator to renew or start its Marketplace license.',
    invalidConfig: 'The configuration has errors: nothing was saved.',
    notJson: (reason: string) => `This is not JSON: ${reason}`,
    notObject: 'A configuration is a JSON object of settings.',
    deadLetterGone: 'This dead letter is no longer kept: it was retried already. Look at the list again.',
    badSearch:
      'Search for people with kind "user" or "group" and a query of 1 to 100 characters, or up to 10 account ids.',
    badJql: (reason: string) =>
      `Give the requests to recompute as a JQL query of 1 to 2,000 characters that Jira accepts.${reason ? ` Jira says: ${reason}` : ''}`,
    noJob: 'There is no such SLA job to resume.',
  },

  setup: {
    canonicalMissing: (status: string) => [
      `No status of the site maps onto "${status}".`,
      `Create a status named "${status}" in the service desk's workflow, or map an existing one onto it under "Workflow mapping".`,
    ],
    statusUnmapped: (status: string) => [
      `The status "${status}" is not mapped: the rules ignore it.`,
      `If it belongs to the support workflow, map it under "Workflow mapping".`,
    ],
    resolutionMissing: (resolution: string, what: string) => [
      `The resolution "${resolution}" (${what}) does not exist on the site.`,
      `Create it in Jira settings → Issues → Resolutions, or choose an existing one.`,
    ],
    consulting: 'closing consulting needs',
    autoClose: 'automatic closing',
    contactMissing: (who: string) => [
      `The ${who} is not set: escalations cannot reach them.`,
      `Give their account under "Escalation contacts".`,
    ],
    contactUnknown: (who: string, id: string) => [
      `The ${who} (${id}) is not an account of this site.`,
      `Choose an existing account under "Escalation contacts".`,
    ],
    lead: 'support team lead',
    manager: 'Cloud/Support offer manager',
    projectNotServiceDesk: (key: string) => [
      `The project ${key} is picked, but it is not a Jira Service Management project of this site: the rules ignore it.`,
      `Untick it under "Projects", or choose "Every JSM project of the site".`,
    ],
    noServiceProject: () => [
      'The site has no Jira Service Management project: the rules apply to none.',
      'The rules act on requests of service projects only: create one, or install the app on the site that has them.',
    ],
    jsmNotification: (jsm: string, rule: string) => [
      `JSM's own customer notification "${jsm}" also emails customers what the app's rule "${rule}" sends: with both on, they get two emails.`,
      `In each service project, Project settings → Customer notifications: disable "${jsm}"; or leave "${jsm}" to JSM under "Customer notifications left to JSM" on this page, and the app stops sending that email.`,
    ],
    jsmNotificationKept: (jsm: string) => [
      `The app leaves JSM's customer notification "${jsm}" to JSM: it does not send that email itself.`,
      `In each service project, Project settings → Customer notifications: keep "${jsm}" on, or customers get no email for it.`,
    ],
  },
};

/** The catalog's shape: every language holds these keys, with these parameters. */
export type Texts = typeof en;
