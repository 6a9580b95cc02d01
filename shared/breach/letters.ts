// Art. 34 letters: when the risk is high, each affected person is told in plain language what happened,
// which of their data was involved, what it could mean, what was done and whom to ask — built from the
// same breach document as the authority's report, one printable page per person, in their language.
import { personDisplayName, type PersonPayload } from '../people';
import { formatInstant } from './clock';
import { recordDataKinds } from './data-kinds';
import { escapeHtml, PRINT_STYLE } from './html';
import { REPORT_TEXTS, type ReportLanguage } from './report-texts';
import type { BreachDataKind, BreachPayload } from './types';
import { controllerName, type ControllerPayload } from '../purposes';

export interface LetterRecipient {
  readonly id: string;
  readonly name: string;
  readonly language: ReportLanguage;
  /** The kinds of data held about this person, from their own record. */
  readonly dataKinds: readonly BreachDataKind[];
  /** Postal lines, when there is an address. */
  readonly address: readonly string[];
}

/**
 * Kluis records no preferred language; an address in the Netherlands means Dutch, another country
 * English, and without an address the admin's choice.
 */
export const letterLanguage = (person: PersonPayload, fallback: ReportLanguage): ReportLanguage => {
  const country = person.address?.country ?? '';
  if (country === 'NL') return 'nl';
  return country ? 'en' : fallback;
};

export const letterRecipient = (
  id: string,
  person: PersonPayload,
  fallback: ReportLanguage,
): LetterRecipient => {
  const a = person.address;
  return {
    id,
    name: personDisplayName(person),
    language: letterLanguage(person, fallback),
    dataKinds: recordDataKinds('person', person),
    address: a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean) : [],
  };
};

/** Letters are due when the risk is high and no Art. 34(3) exemption was chosen instead. */
export const lettersDue = (breach: BreachPayload): boolean =>
  breach.risk.level === 'high_risk' && breach.notifyPeople.decision !== false;

export interface LettersInput {
  readonly breach: BreachPayload;
  readonly controller: ControllerPayload | null;
  readonly recipients: readonly LetterRecipient[];
  readonly timeZone: string;
}

const letter = (input: LettersInput, r: LetterRecipient): string => {
  const t = REPORT_TEXTS[r.language];
  const l = t.letter;
  const h = escapeHtml;
  const b = input.breach;
  const para = (text: string) => `<p>${h(text).replace(/\n/g, '<br>')}</p>`;
  const details = [b.contact.email, b.contact.phone].filter(Boolean).join(', ');
  // The placeholder a new vault starts with is never signed as if it were the organisation's name.
  const named = controllerName(input.controller);
  const who = b.contact.name || named || '';
  const contact = l.contactText
    .replace('{contact}', details ? `${who} (${details})` : who)
    .replace('{authority}', input.controller?.supervisoryAuthority || 'Autoriteit Persoonsgegevens');
  // The kinds this person's record holds that the breach concerned; all the breach's kinds if none matched.
  const kinds = r.dataKinds.filter((k) => b.dataKinds.includes(k));
  return `<article class="letter" lang="${r.language}" data-person="${h(r.id)}">
${named ? `<p><strong>${h(named)}</strong></p>` : ''}
${r.address.length ? `<p>${[r.name, ...r.address].map(h).join('<br>')}</p>` : ''}
<h1>${h(l.title)}</h1>
${para(l.greeting.replace('{name}', r.name))}
${para(l.intro)}
<h2>${h(l.what)}</h2>
${para(b.description || b.title)}
${para(l.when.replace('{date}', formatInstant(b.awareAt, r.language, input.timeZone)))}
<h2>${h(l.yourData)}</h2>
<ul>${(kinds.length ? kinds : b.dataKinds).map((k) => `<li>${h(t.kindNames[k])}</li>`).join('')}</ul>
<h2>${h(l.consequences)}</h2>
${para(b.consequences || t.none)}
<h2>${h(l.measures)}</h2>
${para([b.measuresTaken, b.measuresProposed].filter(Boolean).join('\n') || t.none)}
<h2>${h(l.advice)}</h2>
${para(l.adviceText)}
<h2>${h(l.contact)}</h2>
${para(contact)}
${para(l.closing)}
${named ? para(named) : ''}
</article>`;
};

/** One printable file with a letter per person, each on its own page and in its own language. */
export const breachLettersHtml = (input: LettersInput): string => {
  const first = input.recipients[0]?.language ?? 'en';
  return `<!doctype html>
<html lang="${first}"><head><meta charset="utf-8"><title>${escapeHtml(REPORT_TEXTS[first].letter.title)}</title>
<style>${PRINT_STYLE}</style></head><body>
${input.recipients.map((r) => letter(input, r)).join('\n')}
</body></html>
`;
};
