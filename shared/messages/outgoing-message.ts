// The messages Kluis sends to a person about their subscription (issue 17): the double opt-in
// confirmation (English or Dutch, with the /c/<token> link) and campaign mail with an unsubscribe link
// and the RFC 2369 / RFC 8058 headers. Pure: the desktop sends the result over SMTP (electron/mail.ts),
// the browser host offers it as an .eml file (eml.ts).
import type { MailMessage } from '../platform';
import { linkUrl, listUnsubscribeHeaders } from '../sync';

export type MessageLanguage = 'en' | 'nl';

export interface Correspondents {
  /** The organisation's sending address and name. */
  readonly from: string;
  readonly fromName?: string;
  /** The person's address and, when known, name. */
  readonly to: string;
  readonly toName?: string;
}

export interface DoubleOptInInput extends Correspondents {
  readonly language: MessageLanguage;
  /** The organisation's server, where /c/<token> is served. */
  readonly serverUrl: string;
  /** The token registered for this person, list and purpose (shared/sync newLinkToken). */
  readonly confirmToken: string;
  /** The list or purpose as the person knows it, e.g. "Nieuwsbrief". */
  readonly listName: string;
  /** Who asks: the organisation's name as the person knows it. */
  readonly organisationName: string;
}

const DOUBLE_OPT_IN = {
  en: {
    subject: (list: string) => `Please confirm your subscription to ${list}`,
    greeting: (name: string | undefined) => (name ? `Hello ${name},` : 'Hello,'),
    body: (organisation: string, list: string) => [
      `You, or someone using your email address, asked ${organisation} to send you ${list}.`,
      'Please confirm by opening this link and pressing the button on the page:',
    ],
    ignore:
      'If you did not ask for this, you can ignore this message: without your confirmation you will receive nothing.',
  },
  nl: {
    subject: (list: string) => `Bevestig uw inschrijving op ${list}`,
    greeting: (name: string | undefined) => (name ? `Beste ${name},` : 'Hallo,'),
    body: (organisation: string, list: string) => [
      `U, of iemand die uw e-mailadres gebruikte, vroeg ${organisation} om u ${list} te sturen.`,
      'Bevestig dit door deze link te openen en op de pagina op de knop te klikken:',
    ],
    ignore:
      'Heeft u dit niet gevraagd? Dan kunt u dit bericht negeren: zonder uw bevestiging ontvangt u niets.',
  },
} as const;

const UNSUBSCRIBE_FOOTER = {
  en: 'You receive this message because you subscribed. To unsubscribe, open:',
  nl: 'U ontvangt dit bericht omdat u zich heeft ingeschreven. Uitschrijven kan via:',
} as const;

const correspondents = (input: Correspondents) => ({
  from: input.from,
  to: input.to,
  ...(input.fromName ? { fromName: input.fromName } : {}),
  ...(input.toName ? { toName: input.toName } : {}),
});

/** The double opt-in confirmation: subject and text with the person's /c/<token> link. */
export const doubleOptInMessage = (input: DoubleOptInInput): MailMessage => {
  const texts = DOUBLE_OPT_IN[input.language];
  const text = [
    texts.greeting(input.toName),
    '',
    ...texts.body(input.organisationName, input.listName),
    '',
    linkUrl(input.serverUrl, 'confirm', input.confirmToken),
    '',
    texts.ignore,
    '',
    input.organisationName,
    '',
  ].join('\n');
  return { ...correspondents(input), subject: texts.subject(input.listName), text };
};

export interface CampaignInput extends Correspondents {
  readonly language: MessageLanguage;
  readonly serverUrl: string;
  /** The person's unsubscribe token for this list (registered as kind 'unsubscribe'). */
  readonly unsubscribeToken: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * A campaign message: the text with an unsubscribe footer (the /u/<token> link) and the List-Unsubscribe
 * and List-Unsubscribe-Post headers, so a mail client offers one-click unsubscribe (RFC 8058).
 */
export const campaignMessage = (input: CampaignInput): MailMessage => {
  const link = linkUrl(input.serverUrl, 'unsubscribe', input.unsubscribeToken);
  const body = input.text.replace(/\s+$/, '');
  return {
    ...correspondents(input),
    subject: input.subject,
    text: `${body}\n\n-- \n${UNSUBSCRIBE_FOOTER[input.language]}\n${link}\n`,
    headers: listUnsubscribeHeaders(input.serverUrl, input.unsubscribeToken),
  };
};
