// vCard 4.0 (RFC 6350) for the portability export: UTF-8, CRLF line ends, text escaped (backslash, comma,
// semicolon, newline; §3.4) and lines folded at 75 octets (§3.2) without splitting a UTF-8 character.
import type { PostalAddress } from '../people';

const encoder = new TextEncoder();

/** §3.4: in text values a backslash, comma, semicolon and newline are written \\ \, \; \n. */
export const escapeText = (text: string): string =>
  text.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** §3.2: a line longer than 75 octets continues on the next line after CRLF and one space. */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; each continuation holds 74 after its leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

const TEL_TYPES: Record<string, string> = { work: 'work', home: 'home', mobile: 'cell' };

interface Contact {
  readonly value: string;
  readonly label: string;
}

export interface VcardInput {
  readonly profile: {
    readonly givenName: string;
    readonly familyName: string;
    readonly emails: readonly Contact[];
    readonly phones: readonly Contact[];
    readonly address: PostalAddress | null;
    readonly jobTitle: string;
  };
  readonly organisation: string | null;
  /** Random id, for UID (urn:uuid needs a UUID; ours are not, so a Kluis URN). */
  readonly subjectId: string;
  readonly revisedAt: number;
}

/** One person's contact card. */
export const toVcard = ({ profile, organisation, subjectId, revisedAt }: VcardInput): string => {
  const fullName = [profile.givenName, profile.familyName].filter(Boolean).join(' ');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Kluis//Portability export//EN',
    `UID:urn:kluis:${subjectId}`,
    `FN:${escapeText(fullName)}`,
    `N:${escapeText(profile.familyName)};${escapeText(profile.givenName)};;;`,
    ...profile.emails.map((e, i) => {
      const type = e.label === 'work' || e.label === 'home' ? `;TYPE=${e.label}` : '';
      return `EMAIL${type}${i === 0 ? ';PREF=1' : ''}:${escapeText(e.value)}`;
    }),
    ...profile.phones.map((p, i) => {
      const type = TEL_TYPES[p.label] ? `;TYPE=${TEL_TYPES[p.label]}` : '';
      return `TEL;VALUE=text${type}${i === 0 ? ';PREF=1' : ''}:${escapeText(p.value)}`;
    }),
    ...(profile.address
      ? [
          `ADR:;;${[
            profile.address.street,
            profile.address.city,
            profile.address.region,
            profile.address.postalCode,
            profile.address.country,
          ]
            .map(escapeText)
            .join(';')}`,
        ]
      : []),
    ...(organisation ? [`ORG:${escapeText(organisation)}`] : []),
    ...(profile.jobTitle ? [`TITLE:${escapeText(profile.jobTitle)}`] : []),
    `REV:${new Date(revisedAt)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`,
    'END:VCARD',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
};
