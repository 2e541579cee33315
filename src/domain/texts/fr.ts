/**
 * Every text the server writes, in French. Typed by the English catalog: a missing key, an extra one or other
 * parameters fail the build. Written with ordinary spaces; French typography (a non-breaking space before
 * « : », « ; », « ? », « ! » and inside « ») is applied to every text by `typeset` (./typography.ts).
 */
import type { Texts } from './en';
import { frenchSpacing, typeset } from './typography';

export const fr: Texts = typeset<Texts>(
  {
    dateLocale: 'fr',
    longDateLocale: 'fr-FR',
    instantFormat: "d MMMM yyyy 'à' HH:mm",

    email: {
      hello: 'Bonjour,',
      signature: "— L'équipe support",
      appSignature: '— Support Rules',
      subject: (issueKey, text, summary) => `[${issueKey}] ${text} : ${summary}`,
      howToAnswer: (portalUrl) =>
        `Pour nous répondre, répondez simplement à cet e-mail${portalUrl ? `, ou suivez votre demande sur le portail : ${portalUrl}` : ''}.`,
      howToReopen: (portalUrl, replyReopens, action) => {
        const where = portalUrl ? `sur le portail : ${portalUrl}` : 'sur le portail client';
        const use = action ? `utilisez l'action « ${action} » ${where}` : `rouvrez-la ${where}`;
        if (replyReopens) return `Pour la rouvrir, répondez simplement à cet e-mail, ou ${use}.`;
        return action ? `Pour la rouvrir, ${use}.` : `Vous pouvez la rouvrir ${where}.`;
      },
      requestLink: (url) => `Demande : ${url}`,
    },

    created: {
      subject: 'Demande reçue',
      body: (issueKey, summary, status) =>
        `Nous avons bien reçu votre demande ${issueKey} « ${summary} ». Elle est à l'état « ${status} » : notre équipe va la prendre en charge.`,
    },

    statusChange: {
      subject: (status) => `Nouvel état « ${status} »`,
      lead: (issueKey, summary, status) =>
        `Votre demande ${issueKey} « ${summary} » est passée à l'état « ${status} ».`,
      inProgress: 'Notre équipe a pris en compte votre demande et y travaille.',
      waitingForCustomer: (inProgress, commented) =>
        `Nous avons besoin d'informations de votre part : ${commented ? 'le dernier commentaire de la demande précise lesquelles' : 'un commentaire sur la demande précisera lesquelles'}. Dès votre réponse, la demande repassera à l'état « ${inProgress} ».`,
      thirdPartyUnknown:
        "Nous attendons l'intervention d'un tiers (Atlassian, un éditeur d'add-on ou un hébergeur). Nous reviendrons vers vous dès qu'il aura agi.",
      thirdParty: (who, reference) =>
        `Nous attendons l'intervention de ${who}${reference ? ` (référence ${reference})` : ''}. Nous reviendrons vers vous dès qu'il aura agi.`,
      thirdPartyKinds: { atlassian: 'Atlassian', addon_vendor: "l'éditeur d'add-on", hosting: "l'hébergeur" },
      scheduledUnknown: (commented) =>
        `Une opération longue ou planifiée est nécessaire ; ${commented ? 'le dernier commentaire de la demande précise' : 'nous vous préciserons'} quand et qui la mènera.`,
      scheduled: (when, timeZone, who) =>
        `Une opération est planifiée le ${when} (${timeZone}) ; elle sera menée par ${who}.`,
      closed: (inProgress, commented, resolution) =>
        `${commented ? 'Nous vous avons apporté une réponse : le dernier commentaire de la demande en précise les détails.' : `Nous considérons votre demande comme traitée${resolution ? ` (résolution « ${resolution} »)` : ''}.`} Si ce n'est pas entièrement le cas, vous pouvez rouvrir la demande : elle repassera à l'état « ${inProgress} ».`,
      consulting:
        'Votre demande a été identifiée comme un besoin de consulting et clôturée avec la résolution « Consulting ».',
    },

    supportComment: {
      subject: 'Nouveau commentaire',
      team: "L'équipe support",
      lead: (who, issueKey, summary) => `${who} a commenté votre demande ${issueKey} « ${summary} » :`,
      media: (portalUrl) =>
        `Le commentaire contient des images ou des pièces jointes : retrouvez-les sur la demande ${portalUrl ? `dans le portail : ${portalUrl}` : 'dans le portail client'}.`,
    },

    adf: {
      image: (name) => (name ? `[Image : ${name}]` : '[Image]'),
      attachment: (name) => (name ? `[Pièce jointe : ${name}]` : '[Pièce jointe]'),
      someone: "quelqu'un",
    },

    reopened: {
      subject: 'Rouverte par le client',
      customer: 'Le client',
      lead: (who, issueKey, summary, inProgress) =>
        `${who} a rouvert la demande ${issueKey} « ${summary} » ; elle est repassée à l'état « ${inProgress} ».`,
      theirComment: 'Son commentaire :',
    },

    closedComment: {
      subject: 'Commentaire du client sur une demande fermée',
      lead: (who, issueKey, summary, status) =>
        `${who} a commenté la demande ${issueKey} « ${summary} », qui est à l'état « ${status} » :`,
      stays: (status) => `La demande reste à l'état « ${status} » : rouvrez-la si une réponse est attendue.`,
    },

    consultingNote: (byName, resolution, when) =>
      `Clôturée comme besoin de consulting (résolution « ${resolution} »)${byName ? ` par ${byName}` : ''} le ${when}.`,

    escalation: {
      subject: 'Demande escaladée',
      lead: (who, issueKey, summary, when) =>
        `${who} a escaladé la demande ${issueKey} « ${summary} » le ${when}. Merci de voir comment accélérer son traitement.`,
      reason: 'Motif :',
      note: (byName, when, reason) =>
        `Escaladée par ${byName} le ${when}. Le responsable de l'équipe support et le responsable de l'offre ont été prévenus.\n\nMotif : ${reason}`,
      already: (when, byName) =>
        `Cette demande a déjà été escaladée le ${when} par ${byName} : les responsables du support ont alors été prévenus.`,
      guidance: {
        intro:
          "Escalader une demande prévient le responsable de l'équipe support et le responsable de votre contrat de support, pour qu'ils puissent accélérer son traitement.",
        whenToEscalate: [
          "Le niveau d'expertise requis n'est pas au rendez-vous dans le traitement de la demande.",
          "Les réponses n'arrivent pas assez vite alors que vous avez fourni toutes les informations nécessaires.",
        ],
        urgent: "Pour une demande très urgente, appelez-nous directement plutôt que d'escalader.",
      },
    },

    reminder: {
      subject: 'Relance',
      lead: (issueKey, summary, reminder) =>
        `Votre demande ${issueKey} « ${summary} » attend votre réponse (relance n° ${reminder}).`,
      awaitedUnknown: 'Nous attendons les informations demandées dans notre dernier commentaire.',
      awaitedIntro: 'Nous attendons votre retour sur notre dernier message :',
      closes: (when, timeZone) =>
        `Sans réponse de votre part, elle sera fermée le ${when} (${timeZone}) ; vous pourrez encore la rouvrir ensuite.`,
      replyToComment: 'Répondez simplement à ce commentaire.',
    },

    autoClose: {
      subject: 'Fermée sans réponse',
      closed: (days, issueKey, summary) =>
        `Sans réponse de votre part depuis ${days} jours, nous avons fermé votre demande ${issueKey} « ${summary} ».`,
      reopen: (portalUrl, inProgress) =>
        `Si vous avez encore besoin d'aide, rouvrez-la depuis le portail${portalUrl ? ` (${portalUrl})` : ''} : elle repassera à l'état « ${inProgress} » et l'équipe sera prévenue.`,
      replyAlso: 'Vous pouvez aussi simplement répondre à cet e-mail.',
    },

    slaAlert: {
      warningSubject: 'Réponse attendue bientôt',
      breachSubject: 'Délai de réponse dépassé',
      goal: (h, m) => (h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`),
      calendar: { business_hours: 'en heures ouvrées', '24x7': '24 h/24, 7 j/7' },
      warning: (issueKey, summary, percent, goal, when, timeZone) =>
        `La demande ${issueKey} « ${summary} » a consommé ${percent} % de son délai de première réponse (${goal}). Sans réponse, le délai sera dépassé le ${when} (${timeZone}).`,
      breach: (issueKey, summary, goal, when, timeZone) =>
        `Le délai de première réponse de la demande ${issueKey} « ${summary} » (${goal}) est dépassé depuis le ${when} (${timeZone}).`,
      assignedTo: (name) => `Elle est assignée à ${name}.`,
      unassigned: "Elle n'est assignée à personne.",
    },

    panel: {
      thirdPartyKinds: {
        atlassian: 'Atlassian',
        addon_vendor: "l'éditeur de l'application tierce",
        hosting: "l'hébergeur",
      },
      thirdParty: (who, reference) =>
        `Votre demande est en attente d'une action de ${who}.${reference ? ` Référence de leur côté : ${reference}.` : ''}\n\nNous suivons leur réponse et revenons vers vous dès qu'elle arrive. Le délai de réponse est suspendu pendant cette attente.`,
      scheduled: (when, who) =>
        `Une opération planifiée est prévue pour votre demande : le ${when}, réalisée par ${who}.\n\nNous vous tiendrons informé(e) de son déroulement.`,
      consulting:
        'Nous avons identifié votre demande comme un besoin de conseil, qui ne relève pas du support : nous la fermons avec la résolution « Consulting ».\n\nVotre interlocuteur habituel peut vous proposer un accompagnement adapté. Vous pouvez rouvrir la demande si ce classement ne vous semble pas juste.',
      invalid: {
        kind: 'Choisissez le tiers : Atlassian, un éditeur d’application ou un hébergeur.',
        at: 'Indiquez la date et l’heure de l’opération.',
        past: 'Cette date est passée : une opération se planifie à une date et une heure à venir.',
        who: 'Indiquez qui réalise l’opération.',
      },
    },

    config: {
      'timeRange.format': (p) =>
        `« ${p.value} » n'est pas une heure : écrivez-la sous la forme HH:MM, de 00:00 à 24:00 (par exemple 09:00).`,
      'timeRange.order': (p) =>
        `La plage ${p.start}–${p.end} finit avant de commencer : la fin doit être après le début.`,
      'timeRange.overlap': (p) =>
        `Les plages ${p.first} et ${p.second} se chevauchent : indiquez les plages du jour dans l'ordre, sans chevauchement.`,
      'timeZone.unknown': (p) =>
        `« ${p.value} » n'est pas un fuseau horaire : utilisez un nom IANA comme Europe/Paris.`,
      'country.unknown': (p) =>
        `« ${p.value} » n'est pas un code pays connu : utilisez un code ISO à deux lettres comme FR, ou laissez vide pour aucun jour férié.`,
      'date.format': (p) =>
        `« ${p.value} » n'est pas une date : écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-12-24).`,
      'date.missing': () => 'Choisissez la date, ou supprimez cette ligne.',
      'date.nonexistent': (p) =>
        `« ${p.value} » n'est pas un jour du calendrier : vérifiez le nombre de jours du mois.`,
      'region.unknown': (p) =>
        `« ${p.value} » n'est pas une région de ${p.country} pour les jours fériés : utilisez son code de la liste date-holidays (par exemple 67 pour le Bas-Rhin en FR), ou laissez vide pour tout le pays.`,
      'yearlyDate.format': (p) =>
        `« ${p.value} » n'est pas une date annuelle : écrivez-la sous la forme MM-JJ (par exemple 12-26).`,
      'reminders.order': () =>
        'Les délais de relance doivent être croissants : chaque relance vient après la précédente.',
      'reminders.beforeClose': (p) =>
        `Une relance après ${p.days} jours arrive trop tard : la demande est fermée après ${p.close} jours.`,
      'language.defaultNotAvailable': (p) =>
        `La langue par défaut « ${p.value} » doit faire partie des langues proposées.`,
      'phone.format': (p) =>
        `« ${p.value} » n'est pas un numéro de téléphone : utilisez des chiffres, des espaces et éventuellement un + initial (par exemple +33 1 23 45 67 89).`,
      'projectKey.format': (p) =>
        `« ${p.value} » n'est pas une clé de projet : une lettre majuscule, puis des majuscules, des chiffres ou _ (par exemple SUP).`,
      'businessHours.empty': () =>
        "Le calendrier des heures ouvrées n'a aucune heure travaillée : donnez une plage à au moins un jour.",
      duplicate: (p) => `« ${p.value} » figure deux fois.`,
    },

    siteValues: {
      unknown: (kind, value, closest) =>
        `« ${value} » n'est pas ${{ priorities: 'une priorité', resolutions: 'une résolution', organizations: 'une organisation JSM' }[kind]} de ce site : ce réglage ne pourrait jamais s'appliquer.${closest ? ` Vouliez-vous dire « ${closest} » ?` : ' Choisissez-en une dans la liste.'}`,
      unreadable: (kind, reason) =>
        `La liste des ${{ priorities: 'priorités', resolutions: 'résolutions', organizations: 'organisations' }[kind]} du site n'a pas pu être lue (${reason}) : cette valeur ne peut pas être vérifiée, rien n'a été enregistré. Réessayez dans un instant.`,
    },

    configIssue: {
      typeNames: {
        string: 'un texte',
        number: 'un nombre',
        int: 'un nombre entier',
        boolean: 'vrai ou faux',
        object: 'un groupe de réglages',
        array: 'une liste',
        record: 'une table de noms et de valeurs',
      },
      expected: (what) => `Valeur attendue : ${what}.`,
      invalidValue: (allowed) => `Valeur non reconnue : choisissez parmi ${allowed}.`,
      unknownSetting: (keys) => `Réglage inconnu : ${keys}. Vérifiez l'orthographe ou retirez-le.`,
      listTooShort: (min) => `La liste doit compter au moins ${min} élément(s).`,
      empty: 'Ce champ ne peut pas être vide.',
      noKey: 'Donnez son nom à cette ligne : choisissez-le dans la liste, ou saisissez-le.',
      tooSmall: (min) => `La valeur doit être au moins ${min}.`,
      listTooLong: (max) => `La liste compte au plus ${max} éléments.`,
      textTooLong: (max) => `Le texte compte au plus ${max} caractères.`,
      tooBig: (max) => `La valeur doit être au plus ${max}.`,
    },

    refusals: {
      anonymous: 'Connectez-vous pour utiliser cette fonction.',
      noRequest: "Cet écran n'est pas affiché sur une demande.",
      noProject: "Cet écran n'est pas affiché sur un projet de service.",
      badPeriod: (maxMonths) =>
        `Choisissez une période de mois entiers, le premier au plus tard le dernier, d'au plus ${maxMonths} mois.`,
      projectOutOfScope: "Les règles de support ne s'appliquent pas à ce projet (page d'administration, projets).",
      badKey: "Ce n'est pas une clé de demande.",
      agentsOnly: "Seule l'équipe support peut faire cela.",
      adminsOnly: 'Seuls les administrateurs Jira peuvent modifier les règles de support.',
      forbidden: "Vous n'avez pas accès à cette demande.",
      notFound: "Cette demande n'existe pas (ou vous n'y avez pas accès).",
      failed: "Jira n'a pas répondu comme prévu ; réessayez dans un instant.",
      rateLimited: (minutes) =>
        minutes === null
          ? "Jira a demandé à l'application de ralentir quelques secondes ; réessayez dans un instant."
          : `Jira retient les appels de l'application sur ce site jusqu'au renouvellement de son quota horaire : réessayez dans ${minutes === 1 ? 'une minute' : `${minutes} minutes`} environ.`,
      ruleOff: "Cette règle est désactivée dans la page d'administration.",
      noTransition: (to) => `Le workflow ne propose aucune transition vers « ${to} » depuis le statut actuel.`,
      escalationOff: "L'escalade est désactivée pour ce centre de services.",
      escalationForbidden:
        "Seuls le demandeur, les participants de la demande, les membres de son organisation et l'équipe support peuvent l'escalader.",
      outOfScope: "Les règles de support ne s'appliquent pas à ce projet.",
      escalationDone: (action) =>
        `Cette demande est résolue ou fermée : elle ne peut plus être escaladée. Si le problème est revenu, rouvrez la demande${action ? ` avec l'action « ${action} » du portail` : ''}, puis escaladez-la.`,
      escalationReason: (max) => `Indiquez pourquoi vous escaladez (${max} caractères au plus).`,
      unlicensed:
        "Support Rules n'a pas de licence active sur ce site : demandez à votre administrateur Jira de renouveler ou d'activer sa licence Marketplace.",
      invalidConfig: "La configuration contient des erreurs : rien n'a été enregistré.",
      notJson: (reason) => `Ce n'est pas du JSON : ${reason}`,
      notObject: 'Une configuration est un objet JSON de réglages.',
      deadLetterGone:
        "Cette lettre morte n'est plus conservée : elle a déjà été relancée. Consultez à nouveau la liste.",
      badSearch:
        'Cherchez des personnes avec kind « user » ou « group » et un texte de 1 à 100 caractères, ou jusqu’à 10 identifiants de compte.',
      badJql: (reason) =>
        `Donnez les demandes à recalculer par une requête JQL de 1 à 2 000 caractères que Jira accepte.${reason ? ` Jira répond : ${reason}` : ''}`,
      noJob: "Il n'y a pas de tel calcul de SLA à reprendre.",
    },

    setup: {
      canonicalMissing: (status) => [
        `Aucun statut du site ne correspond à « ${status} ».`,
        `Créez un statut « ${status} » dans le workflow du centre de services, ou associez-lui un statut existant dans « Correspondance du workflow ».`,
      ],
      statusUnmapped: (status) => [
        `Le statut « ${status} » n'a pas de correspondance : les règles l'ignorent.`,
        `S'il fait partie du workflow du support, associez-le dans « Correspondance du workflow ».`,
      ],
      resolutionMissing: (resolution, what) => [
        `La résolution « ${resolution} » (${what}) n'existe pas sur le site.`,
        `Créez-la dans Paramètres Jira → Tickets → Résolutions, ou choisissez-en une existante.`,
      ],
      consulting: 'fermeture des besoins de conseil',
      autoClose: 'fermeture automatique',
      contactMissing: (who) => [
        `Le ${who} n'est pas renseigné : les escalades ne lui parviennent pas.`,
        `Indiquez son compte dans « Contacts d'escalade ».`,
      ],
      contactUnknown: (who, id) => [
        `Le ${who} (${id}) n'est pas un compte de ce site.`,
        `Choisissez un compte existant dans « Contacts d'escalade ».`,
      ],
      lead: "responsable de l'équipe support",
      manager: "responsable de l'offre Cloud/Support",
      projectNotServiceDesk: (key) => [
        `Le projet ${key} est choisi, mais ce n'est pas un projet Jira Service Management de ce site : les règles l'ignorent.`,
        `Décochez-le dans « Projets », ou choisissez « Tous les projets JSM du site ».`,
      ],
      noServiceProject: () => [
        "Le site n'a aucun projet Jira Service Management : les règles ne s'appliquent à aucun.",
        "Les règles n'agissent que sur les demandes des projets de service : créez-en un, ou installez l'app sur le site qui en a.",
      ],
      jsmNotification: (jsm, rule) => [
        `La notification client de JSM « ${jsm} » envoie aussi aux clients ce qu'envoie la règle de l'app « ${rule} » : avec les deux, ils reçoivent deux e-mails.`,
        `Dans chaque projet de service, Paramètres du projet → Notifications client : désactivez « ${jsm} » ; ou laissez « ${jsm} » à JSM dans « Notifications client laissées à JSM » sur cette page, et l'app n'envoie plus cet e-mail.`,
      ],
      jsmNotificationKept: (jsm) => [
        `L'app laisse à JSM sa notification client « ${jsm} » : elle n'envoie pas cet e-mail elle-même.`,
        `Dans chaque projet de service, Paramètres du projet → Notifications client : laissez « ${jsm} » activée, sinon les clients ne reçoivent aucun e-mail à ce sujet.`,
      ],
    },
  },
  frenchSpacing,
);
