// The plain pages a person sees at /c/<token> and /u/<token> (issue 17): English or Dutch from the
// browser's Accept-Language, no scripts, no images, no outside resources, one form that posts back to the
// same address. They can hold no personal data: the server does not know whose link it is.
import { createHash } from 'node:crypto';

export type PageLanguage = 'en' | 'nl';
export type LinkPage =
  'confirm-ask' | 'confirm-done' | 'unsubscribe-ask' | 'unsubscribe-done' | 'invalid' | 'wait';

interface PageText {
  title: string;
  text: string;
  button?: string;
}

/**
 * Every string of the pages, in both languages (the server has no locale files of its own). A confirmation
 * says the answer was received, not that the subscription holds: the server cannot know whether the person
 * unsubscribed in the meantime, in which case the device that made the link records nothing.
 */
export const LINK_PAGE_TEXT: Readonly<Record<PageLanguage, Readonly<Record<LinkPage, PageText>>>> = {
  en: {
    'confirm-ask': {
      title: 'Confirm your subscription',
      text: 'Press the button to confirm that you want to receive these messages.',
      button: 'Confirm',
    },
    'confirm-done': {
      title: 'Thank you: your confirmation has been received',
      text: 'Unless you unsubscribed in the meantime, you will receive these messages. You can close this page.',
    },
    'unsubscribe-ask': {
      title: 'Unsubscribe',
      text: 'Press the button to stop receiving these messages.',
      button: 'Unsubscribe',
    },
    'unsubscribe-done': {
      title: 'You are unsubscribed',
      text: 'You will not receive these messages any more. You can close this page.',
    },
    invalid: {
      title: 'This link is not valid',
      text: 'It may have been cut off or copied wrongly. Please check the link in the message you received.',
    },
    wait: {
      title: 'Too many attempts',
      text: 'Please try again in a little while.',
    },
  },
  nl: {
    'confirm-ask': {
      title: 'Bevestig uw inschrijving',
      text: 'Klik op de knop om te bevestigen dat u deze berichten wilt ontvangen.',
      button: 'Bevestigen',
    },
    'confirm-done': {
      title: 'Dank u wel: uw bevestiging is ontvangen',
      text: 'Tenzij u zich intussen hebt uitgeschreven, ontvangt u deze berichten. U kunt deze pagina sluiten.',
    },
    'unsubscribe-ask': {
      title: 'Uitschrijven',
      text: 'Klik op de knop om deze berichten niet meer te ontvangen.',
      button: 'Uitschrijven',
    },
    'unsubscribe-done': {
      title: 'U bent uitgeschreven',
      text: 'U ontvangt deze berichten niet meer. U kunt deze pagina sluiten.',
    },
    invalid: {
      title: 'Deze link is niet geldig',
      text: 'Misschien is hij afgebroken of verkeerd overgenomen. Controleer de link in het bericht dat u kreeg.',
    },
    wait: {
      title: 'Te veel pogingen',
      text: 'Probeer het over een poosje opnieuw.',
    },
  },
};

/** The language of the page: the first of English and Dutch the browser asks for by weight; English else. */
export const pageLanguage = (acceptLanguage: string | undefined): PageLanguage => {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && (entry.primary === 'en' || entry.primary === 'nl'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return wanted[0]?.primary === 'nl' ? 'nl' : 'en';
};

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f4;color:#1c1917}' +
  'main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px}' +
  'h1{font-size:1.4rem;margin-top:0}button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;' +
  'background:#1d4ed8;color:#fff;cursor:pointer}';

/** No scripts, no outside resources; only this page's own style and forms posting back to this server. */
export const LINK_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The page as HTML. An asking page has one button that posts to the address it was loaded from; the
 * unsubscribe form sends RFC 8058's `List-Unsubscribe=One-Click`, as a mail client's one-click does.
 */
export const renderLinkPage = (page: LinkPage, language: PageLanguage): string => {
  const { title, text, button } = LINK_PAGE_TEXT[language][page];
  const field =
    page === 'unsubscribe-ask' ? '<input type="hidden" name="List-Unsubscribe" value="One-Click">' : '';
  const form = button
    ? `<form method="post">${field}<button type="submit">${escapeHtml(button)}</button></form>`
    : '';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${form}</main></body></html>`
  );
};
