/**
 * What the agent's panel actions write: the public comments the rules call for (closing as Consulting,
 * waiting for a third party, a scheduled operation) in the customer's language, and the request details
 * kept in the issue property `supportRulesDetails`. Pure: the form input in, data out.
 */
import { adfFromText, type AdfDocument } from './actions';
import type { RequestDetails } from './messages';
import type { Language } from './workflow';

export type { RequestDetails };

export const DETAILS_PROPERTY = 'supportRulesDetails';

export const THIRD_PARTY_KINDS = ['atlassian', 'addon_vendor', 'hosting'] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

/** Who the request waits for (the rules' `requestDetailsSchema` reads it back). */
export type ThirdParty = NonNullable<RequestDetails['thirdParty']>;
/** When and by whom a planned operation happens (`at` is an ISO instant). */
export type ScheduledOperation = NonNullable<RequestDetails['scheduledOperation']>;

export type InputCheck<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const KIND_NAMES: Record<ThirdPartyKind, Record<Language, string>> = {
  atlassian: { fr: 'Atlassian', en: 'Atlassian' },
  addon_vendor: { fr: "l'éditeur de l'application tierce", en: 'the add-on vendor' },
  hosting: { fr: "l'hébergeur", en: 'the hosting company' },
};

const MAX_TEXT = 200;

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_TEXT);
}

const INVALID: Record<string, Record<Language, string>> = {
  kind: {
    fr: 'Choisissez le tiers : Atlassian, un éditeur d’application ou un hébergeur.',
    en: 'Choose the third party: Atlassian, an add-on vendor or a hosting company.',
  },
  at: { fr: 'Indiquez la date et l’heure de l’opération.', en: 'Give the date and time of the operation.' },
  who: { fr: 'Indiquez qui réalise l’opération.', en: 'Say who carries out the operation.' },
};

/**
 * Checks the "waiting for a third party" form: a known kind, optional name and reference (trimmed, 200 characters at most).
 * @example checkThirdParty({ kind: 'atlassian', reference: ' PS-123 ' }, 'en') //=> { ok: true, value: { kind: 'atlassian', reference: 'PS-123' } }
 */
export function checkThirdParty(
  input: { kind?: unknown; name?: unknown; reference?: unknown },
  lang: Language,
): InputCheck<ThirdParty> {
  if (!(THIRD_PARTY_KINDS as readonly unknown[]).includes(input.kind))
    return { ok: false, field: 'kind', message: INVALID.kind![lang] };
  const value: ThirdParty = { kind: input.kind as ThirdPartyKind };
  const name = clean(input.name);
  const reference = clean(input.reference);
  if (name) value.name = name;
  if (reference) value.reference = reference;
  return { ok: true, value };
}

/**
 * Checks the "scheduled operation" form: a valid instant and who carries it out.
 * @example checkScheduledOperation({ at: '2026-12-01T08:00:00Z', who: 'Ops' }, 'en').ok //=> true
 */
export function checkScheduledOperation(
  input: { at?: unknown; who?: unknown },
  lang: Language,
): InputCheck<ScheduledOperation> {
  const at = typeof input.at === 'string' ? Date.parse(input.at) : NaN;
  if (!Number.isFinite(at)) return { ok: false, field: 'at', message: INVALID.at![lang] };
  const who = clean(input.who);
  if (!who) return { ok: false, field: 'who', message: INVALID.who![lang] };
  return { ok: true, value: { at: new Date(at).toISOString(), who } };
}

/**
 * Merges new details into the stored property value, keeping the other kind of detail.
 * @example mergeDetails({ thirdParty: { kind: 'hosting' } }, { scheduledOperation: { at: 'x', who: 'y' } }) //=> both kept
 */
export function mergeDetails(stored: unknown, update: RequestDetails): RequestDetails {
  const base = stored && typeof stored === 'object' ? (stored as RequestDetails) : {};
  return { ...base, ...update };
}

function describeThirdParty(tp: ThirdParty, lang: Language): string {
  return tp.name ? `${KIND_NAMES[tp.kind][lang]} (${tp.name})` : KIND_NAMES[tp.kind][lang];
}

/**
 * The public comment that tells the customer their request waits for a third party.
 * @example textFromAdf(thirdPartyComment({ kind: 'atlassian', reference: 'PS-1' }, 'en')) //=> 'Your request is now waiting for Atlassian...'
 */
export function thirdPartyComment(tp: ThirdParty, lang: Language): AdfDocument {
  const who = describeThirdParty(tp, lang);
  const ref = tp.reference;
  const text =
    lang === 'fr'
      ? `Votre demande est en attente d'une action de ${who}.${ref ? ` Référence de leur côté : ${ref}.` : ''}\n\nNous suivons leur réponse et revenons vers vous dès qu'elle arrive. Le délai de réponse est suspendu pendant cette attente.`
      : `Your request is now waiting for an action by ${who}.${ref ? ` Their reference: ${ref}.` : ''}\n\nWe are following their answer and will come back to you as soon as it arrives. The response time is paused meanwhile.`;
  return adfFromText(text);
}

/**
 * The public comment that says when and by whom the scheduled operation happens, the instant written in `timeZone`.
 * @example textFromAdf(scheduledOperationComment({ at: '2026-12-01T08:00:00Z', who: 'Ops' }, 'fr', 'Europe/Paris')) //=> '... 1 décembre 2026 à 09:00 ...'
 */
export function scheduledOperationComment(op: ScheduledOperation, lang: Language, timeZone: string): AdfDocument {
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(op.at));
  const text =
    lang === 'fr'
      ? `Une opération planifiée est prévue pour votre demande : le ${when}, réalisée par ${op.who}.\n\nNous vous tiendrons informé(e) de son déroulement.`
      : `A scheduled operation is planned for your request: on ${when}, carried out by ${op.who}.\n\nWe will keep you informed of how it goes.`;
  return adfFromText(text);
}

/**
 * The public comment that closes a request identified as a consulting need.
 * @example textFromAdf(consultingComment('en')).startsWith('We have identified') //=> true
 */
export function consultingComment(lang: Language): AdfDocument {
  const text =
    lang === 'fr'
      ? 'Nous avons identifié votre demande comme un besoin de conseil, qui ne relève pas du support : nous la fermons avec la résolution « Consulting ».\n\nVotre interlocuteur habituel peut vous proposer un accompagnement adapté. Vous pouvez rouvrir la demande si ce classement ne vous semble pas juste.'
      : 'We have identified your request as a consulting need, which support does not cover: we are closing it with the resolution "Consulting".\n\nYour usual contact can offer suitable help. You can reopen the request if this does not seem right to you.';
  return adfFromText(text);
}
