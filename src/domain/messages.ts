/**
 * What the app says, in French and English: every notification and comment the rules and the escalation send,
 * built from plain data (request key, summary, status, portal link). Pure: no I/O, no clock.
 *
 * Layout: language choice and shared pieces first, then one function per message. The reminders and
 * auto-close texts (issue #6) live in their own section at the end of the file.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Config } from './config';
import { STATUS_NAMES, type CanonicalStatus, type Language } from './workflow';

/** A message ready for Jira's `/notify`: a subject and a plain-text body. */
export interface Message {
  subject: string;
  textBody: string;
}

/** What every customer message names: the request, its summary, its status, and where to follow it. */
export interface RequestRef {
  issueKey: string;
  summary: string;
  /** The request in the customer portal, when known. */
  portalUrl: string | null;
}

/**
 * What the agent's panel records about a wait (issue property `supportRulesDetails`), so that the customer is
 * told which third party, or when and by whom an operation will be done.
 */
export const requestDetailsSchema = z.object({
  thirdParty: z
    .object({
      kind: z.enum(['atlassian', 'addon_vendor', 'hosting']),
      name: z.string().min(1).optional(),
      reference: z.string().min(1).optional(),
    })
    .optional(),
  scheduledOperation: z.object({ at: z.iso.datetime({ offset: true }), who: z.string().min(1) }).optional(),
});
export type RequestDetails = z.infer<typeof requestDetailsSchema>;

/**
 * The language of a recipient: their Jira locale when the app offers it, else the configured default.
 * @example languageFor('en_US', defaultConfig()) //=> 'en'
 * @example languageFor(null, defaultConfig()) //=> 'fr'
 */
export function languageFor(locale: string | null | undefined, config: Pick<Config, 'languages'>): Language {
  const prefix = locale?.slice(0, 2).toLowerCase();
  const offered = config.languages.available as readonly string[];
  return prefix !== undefined && offered.includes(prefix) ? (prefix as Language) : config.languages.default;
}

/**
 * An instant as people read it, in the given time zone.
 * @example formatInstant(Date.UTC(2026, 10, 28, 9), 'fr', 'Europe/Paris') //=> '28 novembre 2026 à 10:00'
 */
export function formatInstant(ms: number, lang: Language, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone })
    .setLocale(lang)
    .toFormat(lang === 'fr' ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm");
}

const SIGNATURE: Record<Language, string> = { fr: "— L'équipe support", en: '— The support team' };

/** `[SUP-1] What happened: summary` (French typography puts a space before the colon). */
function subjectIn(lang: Language, ref: RequestRef, text: string): string {
  return `[${ref.issueKey}] ${text}${lang === 'fr' ? ' :' : ':'} ${ref.summary}`;
}

/** How the customer answers: by replying to the email, or in the portal. */
function howToAnswer(lang: Language, ref: RequestRef): string {
  if (lang === 'fr') {
    const portal = ref.portalUrl ? `, ou suivez votre demande sur le portail : ${ref.portalUrl}` : '';
    return `Pour nous répondre, répondez simplement à cet e-mail${portal}.`;
  }
  const portal = ref.portalUrl ? `, or follow your request in the portal: ${ref.portalUrl}` : '';
  return `To answer us, simply reply to this email${portal}.`;
}

/**
 * How the customer reopens a closed request: the portal's "Reopen" action, or a reply to the email too when
 * the rule `reopenOnCustomerComment` makes a reply reopen it (otherwise a reply would reopen nothing).
 */
function howToReopen(lang: Language, ref: RequestRef, replyReopens: boolean): string {
  if (lang === 'fr') {
    const where = ref.portalUrl ? `sur le portail : ${ref.portalUrl}` : 'sur le portail client';
    return replyReopens
      ? `Pour la rouvrir, répondez simplement à cet e-mail, ou utilisez l'action « Rouvrir » ${where}.`
      : `Pour la rouvrir, utilisez l'action « Rouvrir » ${where}.`;
  }
  const where = ref.portalUrl ? `in the portal: ${ref.portalUrl}` : 'in the customer portal';
  return replyReopens
    ? `To reopen it, simply reply to this email, or use the "Reopen" action ${where}.`
    : `To reopen it, use the "Reopen" action ${where}.`;
}

/** The closing line of a customer email: how to answer (the default), how to reopen, or nothing more. */
type Footer = { kind: 'answer' } | { kind: 'reopen'; replyReopens: boolean } | { kind: 'none' };

function customerMessage(
  lang: Language,
  ref: RequestRef,
  subjectText: string,
  paragraphs: string[],
  footer: Footer = { kind: 'answer' },
): Message {
  const hello = lang === 'fr' ? 'Bonjour,' : 'Hello,';
  const last =
    footer.kind === 'answer'
      ? [howToAnswer(lang, ref)]
      : footer.kind === 'reopen'
        ? [howToReopen(lang, ref, footer.replyReopens)]
        : [];
  return {
    subject: subjectIn(lang, ref, subjectText),
    textBody: [hello, ...paragraphs, ...last, SIGNATURE[lang]].join('\n\n'),
  };
}

function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The acknowledgement of a new request (not sent for portal requests: the portal shows it already).
 * @example createdMessage('en', { issueKey: 'SUP-1', summary: 'VPN down', portalUrl: null }).subject //=> '[SUP-1] Request received: VPN down'
 */
export function createdMessage(lang: Language, ref: RequestRef): Message {
  const status = STATUS_NAMES.submitted[lang];
  return lang === 'fr'
    ? customerMessage(lang, ref, 'Demande reçue', [
        `Nous avons bien reçu votre demande ${ref.issueKey} « ${ref.summary} ». Elle est à l'état « ${status} » : notre équipe va la prendre en charge.`,
      ])
    : customerMessage(lang, ref, 'Request received', [
        `We have received your request ${ref.issueKey} "${ref.summary}". Its status is "${status}": our team will take it up shortly.`,
      ]);
}

/** The statuses whose entry is announced to the creator (DESIGN.md section 1). */
export const ANNOUNCED_STATUSES: ReadonlySet<CanonicalStatus> = new Set([
  'in_progress',
  'waiting_for_customer',
  'waiting_for_third_party',
  'scheduled_operation',
  'closed',
]);

const THIRD_PARTY_KINDS: Record<NonNullable<RequestDetails['thirdParty']>['kind'], Record<Language, string>> = {
  atlassian: { fr: 'Atlassian', en: 'Atlassian' },
  addon_vendor: { fr: "l'éditeur d'add-on", en: 'the add-on vendor' },
  hosting: { fr: "l'hébergeur", en: 'the hosting company' },
};

function thirdPartyText(lang: Language, details: RequestDetails | null): string {
  const party = details?.thirdParty;
  if (!party) {
    return lang === 'fr'
      ? "Nous attendons l'intervention d'un tiers (Atlassian, un éditeur d'add-on ou un hébergeur). Nous reviendrons vers vous dès qu'il aura agi."
      : 'We are waiting for a third party to act (Atlassian, an add-on vendor or a hosting company). We will come back to you as soon as it has.';
  }
  const kind = THIRD_PARTY_KINDS[party.kind][lang];
  const who = party.name && party.kind !== 'atlassian' ? `${kind} ${party.name}` : kind;
  const ref = party.reference
    ? lang === 'fr'
      ? ` (référence ${party.reference})`
      : ` (reference ${party.reference})`
    : '';
  return lang === 'fr'
    ? `Nous attendons l'intervention de ${who}${ref}. Nous reviendrons vers vous dès qu'il aura agi.`
    : `We are waiting for ${who}${ref} to act. We will come back to you as soon as it has.`;
}

function scheduledText(lang: Language, details: RequestDetails | null, timeZone: string): string {
  const op = details?.scheduledOperation;
  if (!op) {
    return lang === 'fr'
      ? 'Une opération longue ou planifiée est nécessaire ; le dernier commentaire de la demande précise quand et qui la mènera.'
      : 'A long or planned operation is needed; the latest comment on the request says when it will be done and by whom.';
  }
  const when = formatInstant(Date.parse(op.at), lang, timeZone);
  return lang === 'fr'
    ? `Une opération est planifiée le ${when} (${timeZone}) ; elle sera menée par ${op.who}.`
    : `An operation is scheduled on ${when} (${timeZone}); ${op.who} will carry it out.`;
}

function nextStep(
  lang: Language,
  status: CanonicalStatus,
  details: RequestDetails | null,
  timeZone: string,
  consulting: boolean,
): string[] {
  const fr = lang === 'fr';
  switch (status) {
    case 'in_progress':
      return [
        fr
          ? 'Notre équipe a pris en compte votre demande et y travaille.'
          : 'Our team has taken up your request and is working on it.',
      ];
    case 'waiting_for_customer':
      return [
        fr
          ? "Nous avons besoin d'informations de votre part : le dernier commentaire de la demande précise lesquelles. Dès votre réponse, la demande repassera à l'état « En cours »."
          : 'We need information from you: the latest comment on the request says which. As soon as you answer, the request goes back to "In progress".',
      ];
    case 'waiting_for_third_party':
      return [thirdPartyText(lang, details)];
    case 'scheduled_operation':
      return [scheduledText(lang, details, timeZone)];
    case 'closed': {
      const closed = fr
        ? "Nous vous avons apporté une réponse : le dernier commentaire de la demande en précise les détails. Si elle ne répond pas entièrement à votre besoin, vous pouvez rouvrir la demande : elle repassera à l'état « En cours »."
        : 'We have given you an answer: the latest comment on the request has the details. If it does not fully meet your need, you can reopen the request: it goes back to "In progress".';
      const consultingText = fr
        ? 'Votre demande a été identifiée comme un besoin de consulting et clôturée avec la résolution « Consulting ».'
        : 'Your request was identified as a consulting need and closed with the resolution "Consulting".';
      return consulting ? [closed, consultingText] : [closed];
    }
    default:
      return [];
  }
}

/**
 * Tells the creator that the request entered a new status: the status in the customer's words, what happens
 * next (which third party; when and who for a scheduled operation) and how to answer.
 * @example statusMessage('en', ref, 'waiting_for_third_party', { thirdParty: { kind: 'atlassian', reference: 'PS-1' } }).textBody
 *   //=> '...We are waiting for Atlassian (reference PS-1) to act...'
 */
export function statusMessage(
  lang: Language,
  ref: RequestRef,
  status: CanonicalStatus,
  details: RequestDetails | null = null,
  opts: { timeZone?: string; consulting?: boolean; replyReopens?: boolean } = {},
): Message {
  const name = STATUS_NAMES[status][lang];
  const lead =
    lang === 'fr'
      ? `Votre demande ${ref.issueKey} « ${ref.summary} » est passée à l'état « ${name} ».`
      : `Your request ${ref.issueKey} "${ref.summary}" is now "${name}".`;
  const steps = nextStep(lang, status, details, opts.timeZone ?? 'Europe/Paris', opts.consulting ?? false);
  const footer: Footer =
    status === 'closed' ? { kind: 'reopen', replyReopens: opts.replyReopens ?? false } : { kind: 'answer' };
  return customerMessage(
    lang,
    ref,
    lang === 'fr' ? `Nouvel état « ${name} »` : `New status "${name}"`,
    [lead, ...steps],
    footer,
  );
}

/**
 * Forwards a public comment of the support team to the creator.
 * @example supportCommentMessage('fr', ref, 'Alice', 'Pouvez-vous redémarrer ?').subject //=> '[SUP-1] Nouveau commentaire : VPN down'
 */
export function supportCommentMessage(
  lang: Language,
  ref: RequestRef,
  authorName: string | null,
  text: string,
): Message {
  const who = authorName ?? (lang === 'fr' ? "L'équipe support" : 'The support team');
  return lang === 'fr'
    ? customerMessage(lang, ref, 'Nouveau commentaire', [
        `${who} a commenté votre demande ${ref.issueKey} « ${ref.summary} » :`,
        quote(text),
      ])
    : customerMessage(lang, ref, 'New comment', [
        `${who} commented on your request ${ref.issueKey} "${ref.summary}":`,
        quote(text),
      ]);
}

/**
 * Where the team opens the request: the issue view of the site the portal link belongs to (the team works in
 * Jira, not in the customer portal); the portal link itself when it cannot be read.
 * @example agentLink({ issueKey: 'SUP-1', summary: '', portalUrl: 'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-1' }) //=> 'https://acme.atlassian.net/browse/SUP-1'
 */
export function agentLink(ref: RequestRef): string | null {
  if (!ref.portalUrl) return null;
  try {
    return `${new URL(ref.portalUrl).origin}/browse/${encodeURIComponent(ref.issueKey)}`;
  } catch {
    return ref.portalUrl;
  }
}

/**
 * Tells the support team that a customer reopened a request (by moving it back, or by commenting on it).
 * @example reopenedMessage('en', ref, 'Carol', null).subject //=> '[SUP-1] Reopened by the customer: VPN down'
 */
export function reopenedMessage(
  lang: Language,
  ref: RequestRef,
  customerName: string | null,
  comment: string | null,
): Message {
  const fr = lang === 'fr';
  const who = customerName ?? (fr ? 'Le client' : 'The customer');
  const url = agentLink(ref);
  const link = url ? [fr ? `Demande : ${url}` : `Request: ${url}`] : [];
  const lead = fr
    ? `${who} a rouvert la demande ${ref.issueKey} « ${ref.summary} » ; elle est repassée à l'état « ${STATUS_NAMES.in_progress.fr} ».`
    : `${who} reopened the request ${ref.issueKey} "${ref.summary}"; it is back in "${STATUS_NAMES.in_progress.en}".`;
  const said = comment ? [fr ? 'Son commentaire :' : 'Their comment:', quote(comment)] : [];
  return {
    subject: subjectIn(lang, ref, fr ? 'Rouverte par le client' : 'Reopened by the customer'),
    textBody: [lead, ...said, ...link, '— Support Rules'].join('\n\n'),
  };
}

/**
 * The internal note recorded when a request is closed as a consulting need.
 * @example consultingNote('en', 'Alice', 'Consulting', Date.UTC(2026, 10, 28, 9), 'Europe/Paris') //=> 'Closed as a consulting need (resolution "Consulting") by Alice on 28 November 2026 at 10:00.'
 */
export function consultingNote(
  lang: Language,
  byName: string | null,
  resolution: string,
  atMs: number,
  timeZone: string,
): string {
  const when = formatInstant(atMs, lang, timeZone);
  if (lang === 'fr')
    return `Clôturée comme besoin de consulting (résolution « ${resolution} »)${byName ? ` par ${byName}` : ''} le ${when}.`;
  return `Closed as a consulting need (resolution "${resolution}")${byName ? ` by ${byName}` : ''} on ${when}.`;
}

/** An escalation as the messages show it. */
export interface EscalationFacts {
  byName: string;
  atMs: number;
  reason: string;
}

/**
 * Asks the team lead or the offer manager to speed a request up.
 * @example escalationMessage('en', ref, { byName: 'Carol', atMs, reason: 'No answer' }, 'Europe/Paris').subject //=> '[SUP-1] Escalated: VPN down'
 */
export function escalationMessage(lang: Language, ref: RequestRef, facts: EscalationFacts, timeZone: string): Message {
  const when = formatInstant(facts.atMs, lang, timeZone);
  const fr = lang === 'fr';
  const url = agentLink(ref);
  const link = url ? [fr ? `Demande : ${url}` : `Request: ${url}`] : [];
  const lead = fr
    ? `${facts.byName} a escaladé la demande ${ref.issueKey} « ${ref.summary} » le ${when}. Merci de voir comment accélérer son traitement.`
    : `${facts.byName} escalated the request ${ref.issueKey} "${ref.summary}" on ${when}. Please see how to speed it up.`;
  return {
    subject: subjectIn(lang, ref, fr ? 'Demande escaladée' : 'Escalated'),
    textBody: [lead, fr ? 'Motif :' : 'Reason:', quote(facts.reason), ...link, '— Support Rules'].join('\n\n'),
  };
}

/**
 * The internal comment that records an escalation on the request.
 * @example escalationNote('en', { byName: 'Carol', atMs, reason: 'No answer' }, 'Europe/Paris') //=> 'Escalated by Carol on ... Reason: ...'
 */
export function escalationNote(lang: Language, facts: EscalationFacts, timeZone: string): string {
  const when = formatInstant(facts.atMs, lang, timeZone);
  return lang === 'fr'
    ? `Escaladée par ${facts.byName} le ${when}. Le responsable de l'équipe support et le responsable de l'offre ont été prévenus.\n\nMotif : ${facts.reason}`
    : `Escalated by ${facts.byName} on ${when}. The support team lead and the offer manager were notified.\n\nReason: ${facts.reason}`;
}

/**
 * The answer to a repeated escalation.
 * @example alreadyEscalatedText('en', { byName: 'Carol', atMs: Date.UTC(2026, 10, 28, 9), reason: '' }, 'Europe/Paris')
 *   //=> 'This request was already escalated on 28 November 2026 at 10:00 by Carol: the team lead and the offer manager were notified then.'
 */
export function alreadyEscalatedText(lang: Language, facts: EscalationFacts, timeZone: string): string {
  const when = formatInstant(facts.atMs, lang, timeZone);
  return lang === 'fr'
    ? `Cette demande a déjà été escaladée le ${when} par ${facts.byName} : le responsable de l'équipe et le responsable de l'offre ont alors été prévenus.`
    : `This request was already escalated on ${when} by ${facts.byName}: the team lead and the offer manager were notified then.`;
}

/**
 * What the portal says about escalation: when to use it, and the phone numbers for a very urgent matter.
 * @example escalationGuidance('en', defaultConfig()).whenToEscalate.length //=> 2
 */
export function escalationGuidance(
  lang: Language,
  config: Pick<Config, 'escalation'>,
): { intro: string; whenToEscalate: string[]; urgent: string; phoneNumbers: { label: string; number: string }[] } {
  const fr = lang === 'fr';
  return {
    intro: fr
      ? "Escalader une demande prévient le responsable de l'équipe support et le responsable de l'offre Cloud/Support, pour qu'ils puissent accélérer son traitement."
      : 'Escalating a request notifies the support team lead and the Cloud/Support offer manager, so that they can speed it up.',
    whenToEscalate: fr
      ? [
          "Le niveau d'expertise requis n'est pas au rendez-vous dans le traitement de la demande.",
          "Les réponses n'arrivent pas assez vite alors que vous avez fourni toutes les informations nécessaires.",
        ]
      : [
          'The expertise the request needs is missing from its handling.',
          'Answers are too slow although you have given all the information needed.',
        ],
    urgent: fr
      ? "Pour une demande très urgente, appelez-nous directement plutôt que d'escalader."
      : 'For a very urgent matter, call us directly rather than escalating.',
    phoneNumbers: config.escalation.urgentPhoneNumbers.map((p) => ({ label: p.label, number: p.number })),
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Reminders and auto-close (issue #6): the reminders engineer adds those texts below this line.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A reminder or a closure: the public comment left on the request, and the email to its creator. */
export interface CommentAndMessage {
  comment: string;
  message: Message;
}

/** What a reminder says: which reminder, what the team awaits (its last public comment), and when the request closes. */
export interface ReminderFacts {
  reminder: number;
  /** The text of the team's last public comment, or null when none is known. */
  awaited: string | null;
  /** When the request will close without an answer, or null when auto-close is off. */
  closesAtMs: number | null;
  timeZone: string;
}

const AWAITED_MAX = 600;

function awaitedText(lang: Language, awaited: string | null): string[] {
  const text = awaited?.trim();
  if (!text) {
    return [
      lang === 'fr'
        ? 'Nous attendons les informations demandées dans notre dernier commentaire.'
        : 'We are waiting for the information asked for in our latest comment.',
    ];
  }
  const short = text.length > AWAITED_MAX ? `${text.slice(0, AWAITED_MAX).trimEnd()}…` : text;
  return [
    lang === 'fr'
      ? 'Nous attendons votre retour sur notre dernier message :'
      : 'We are waiting for your answer to our latest message:',
    quote(short),
  ];
}

/**
 * The automatic reminder of a request waiting for its customer: a public comment and the creator's email, saying
 * what is awaited and when the request will close.
 * @example reminderMessage('en', ref, { reminder: 1, awaited: 'Send the logs', closesAtMs: Date.UTC(2026, 0, 13, 9), timeZone: 'Europe/Paris' }).comment
 *   //=> '...Send the logs...Without an answer, this request will close on 13 January 2026 at 10:00 (Europe/Paris)...'
 */
export function reminderMessage(lang: Language, ref: RequestRef, facts: ReminderFacts): CommentAndMessage {
  const fr = lang === 'fr';
  const lead = fr
    ? `Votre demande ${ref.issueKey} « ${ref.summary} » attend votre réponse (relance n° ${facts.reminder}).`
    : `Your request ${ref.issueKey} "${ref.summary}" is waiting for your answer (reminder ${facts.reminder}).`;
  const closes =
    facts.closesAtMs === null
      ? []
      : [
          fr
            ? `Sans réponse de votre part, elle sera fermée le ${formatInstant(facts.closesAtMs, lang, facts.timeZone)} (${facts.timeZone}) ; vous pourrez encore la rouvrir ensuite.`
            : `Without an answer, this request will close on ${formatInstant(facts.closesAtMs, lang, facts.timeZone)} (${facts.timeZone}); you can still reopen it afterwards.`,
        ];
  const paragraphs = [lead, ...awaitedText(lang, facts.awaited), ...closes];
  const comment = [
    fr ? 'Bonjour,' : 'Hello,',
    ...paragraphs,
    fr ? 'Répondez simplement à ce commentaire.' : 'Simply reply to this comment.',
    SIGNATURE[lang],
  ].join('\n\n');
  return { comment, message: customerMessage(lang, ref, fr ? 'Relance' : 'Reminder', paragraphs) };
}

/**
 * The automatic closure of a request left without an answer: a public comment and the creator's email, saying
 * how to reopen it.
 * @example autoCloseMessage('en', ref, { days: 12 }).message.subject //=> '[SUP-1] Closed without an answer: VPN down'
 */
export function autoCloseMessage(
  lang: Language,
  ref: RequestRef,
  facts: { days: number; replyReopens?: boolean },
): CommentAndMessage {
  const fr = lang === 'fr';
  const portal = ref.portalUrl ? (fr ? ` (${ref.portalUrl})` : ` (${ref.portalUrl})`) : '';
  const paragraphs = fr
    ? [
        `Sans réponse de votre part depuis ${facts.days} jours, nous avons fermé votre demande ${ref.issueKey} « ${ref.summary} ».`,
        `Si vous avez encore besoin d'aide, rouvrez-la depuis le portail${portal} avec l'action « Rouvrir » : elle repassera à l'état « ${STATUS_NAMES.in_progress.fr} » et l'équipe sera prévenue.`,
      ]
    : [
        `Without an answer from you for ${facts.days} days, we have closed your request ${ref.issueKey} "${ref.summary}".`,
        `If you still need help, reopen it from the portal${portal} with the "Reopen" action: it goes back to "${STATUS_NAMES.in_progress.en}" and the team is notified.`,
      ];
  const comment = [fr ? 'Bonjour,' : 'Hello,', ...paragraphs, SIGNATURE[lang]].join('\n\n');
  // The paragraphs already say how to reopen from the portal; a reply by email reopens only under that rule.
  const reply = facts.replyReopens
    ? [fr ? 'Vous pouvez aussi simplement répondre à cet e-mail.' : 'You can also simply reply to this email.']
    : [];
  return {
    comment,
    message: customerMessage(
      lang,
      ref,
      fr ? 'Fermée sans réponse' : 'Closed without an answer',
      [...paragraphs, ...reply],
      { kind: 'none' },
    ),
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Response SLA alerts: to the assignee (or the support group) before the breach, and to the team lead at it.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What an SLA alert says: the goal, the share reached, when it breaches (or breached), and who holds the request. */
export interface SlaAlertFacts {
  goalMs: number;
  coverage: 'business_hours' | '24x7';
  /** The share of the goal that makes the SLA at risk (`sla.atRiskPercent`). */
  percent: number;
  breachAtMs: number;
  /** The assignee's name; null when the request is unassigned. */
  assigneeName: string | null;
  timeZone: string;
}

/**
 * A goal as people read it.
 * @example goalText(5_400_000, 'fr') //=> '1 h 30'
 * @example goalText(14_400_000, 'en') //=> '4 hours'
 */
export function goalText(ms: number, lang: Language): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  if (lang === 'fr') return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
  return m === 0 ? `${h} hour${h > 1 ? 's' : ''}` : `${h} h ${String(m).padStart(2, '0')} min`;
}

function slaGoalText(lang: Language, facts: SlaAlertFacts): string {
  const calendar =
    facts.coverage === '24x7'
      ? lang === 'fr'
        ? '24 h/24, 7 j/7'
        : '24/7'
      : lang === 'fr'
        ? 'en heures ouvrées'
        : 'of business hours';
  return `${goalText(facts.goalMs, lang)} ${calendar}`;
}

function holderText(lang: Language, facts: SlaAlertFacts): string {
  if (lang === 'fr')
    return facts.assigneeName ? `Elle est assignée à ${facts.assigneeName}.` : "Elle n'est assignée à personne.";
  return facts.assigneeName ? `It is assigned to ${facts.assigneeName}.` : 'It is not assigned to anyone.';
}

/**
 * Warns the assignee (or the support group) that a request's first response is due soon.
 * @example slaWarningMessage('en', ref, facts).subject //=> '[SUP-1] Response due soon: VPN down'
 */
export function slaWarningMessage(lang: Language, ref: RequestRef, facts: SlaAlertFacts): Message {
  const fr = lang === 'fr';
  const when = formatInstant(facts.breachAtMs, lang, facts.timeZone);
  const url = agentLink(ref);
  const link = url ? [fr ? `Demande : ${url}` : `Request: ${url}`] : [];
  const lead = fr
    ? `La demande ${ref.issueKey} « ${ref.summary} » a consommé ${facts.percent} % de son délai de première réponse (${slaGoalText(lang, facts)}). Sans réponse, le délai sera dépassé le ${when} (${facts.timeZone}).`
    : `The request ${ref.issueKey} "${ref.summary}" has used ${facts.percent}% of its first-response goal (${slaGoalText(lang, facts)}). Without an answer, the goal will be missed on ${when} (${facts.timeZone}).`;
  return {
    subject: subjectIn(lang, ref, fr ? 'Réponse attendue bientôt' : 'Response due soon'),
    textBody: [lead, holderText(lang, facts), ...link, '— Support Rules'].join('\n\n'),
  };
}

/**
 * Tells the assignee (or the support group) and the team lead that a request's first response is late.
 * @example slaBreachMessage('en', ref, facts).subject //=> '[SUP-1] Response goal missed: VPN down'
 */
export function slaBreachMessage(lang: Language, ref: RequestRef, facts: SlaAlertFacts): Message {
  const fr = lang === 'fr';
  const when = formatInstant(facts.breachAtMs, lang, facts.timeZone);
  const url = agentLink(ref);
  const link = url ? [fr ? `Demande : ${url}` : `Request: ${url}`] : [];
  const lead = fr
    ? `Le délai de première réponse de la demande ${ref.issueKey} « ${ref.summary} » (${slaGoalText(lang, facts)}) est dépassé depuis le ${when} (${facts.timeZone}).`
    : `The first-response goal of the request ${ref.issueKey} "${ref.summary}" (${slaGoalText(lang, facts)}) was missed on ${when} (${facts.timeZone}).`;
  return {
    subject: subjectIn(lang, ref, fr ? 'Délai de réponse dépassé' : 'Response goal missed'),
    textBody: [lead, holderText(lang, facts), ...link, '— Support Rules'].join('\n\n'),
  };
}
