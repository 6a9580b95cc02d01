// vCard 2.1, 3.0 and 4.0 → rows, one per card, in fixed columns the built-in "vCard" preset maps.
// A parser of our own: ical.js reads vCard 3.0/4.0 but not the quoted-printable 2.1-style lines that
// phones and older Outlook still write, and the subset people carry is small. Folded lines, soft line
// breaks, CHARSET, grouped properties (item1.EMAIL + item1.X-ABLabel) and TYPE parameters are handled.
import { ImportError } from './errors';
import { tooManyRows } from './limits';
import type { ImportLimits } from './types';

export interface VcardRows {
  headers: string[];
  records: string[][];
  rowNumbers: number[];
}

interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

interface Card {
  fullName: string;
  n: string[];
  org: string;
  title: string;
  emails: { label: string; value: string; group: string }[];
  phones: { label: string; value: string; group: string }[];
  adr: string[] | null;
  categories: string[];
  notes: string[];
  groupLabels: Map<string, string>;
}

/** Physical lines → logical lines: folding (CRLF + space or tab) and quoted-printable soft breaks. */
const unfold = (text: string): string[] => {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: string[] = [];
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i]!;
    for (;;) {
      const next = physical[i + 1];
      if (next === undefined) break;
      if (next.startsWith(' ') || next.startsWith('\t')) {
        line += next.slice(1);
        i++;
      } else if (/^[^:]*QUOTED-PRINTABLE/i.test(line) && line.endsWith('=')) {
        line = line.slice(0, -1) + next;
        i++;
      } else break;
    }
    logical.push(line);
  }
  return logical;
};

/** Splits on `separator` outside double quotes. */
const splitOutsideQuotes = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
};

const parseLine = (line: string): Property | null => {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [head = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes bare parameters: ;WORK;VOICE or ;QUOTED-PRINTABLE.
    const key =
      eq < 0 ? (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(raw) ? 'ENCODING' : 'TYPE') : raw.slice(0, eq);
    const values = (eq < 0 ? raw : raw.slice(eq + 1))
      .split(',')
      .map((v) => v.replace(/^"|"$/g, '').trim().toLowerCase())
      .filter(Boolean);
    const k = key.trim().toUpperCase();
    params.set(k, [...(params.get(k) ?? []), ...values]);
  }
  return {
    group: dot < 0 ? '' : head.slice(0, dot).toLowerCase(),
    name: (dot < 0 ? head : head.slice(dot + 1)).trim().toUpperCase(),
    params,
    value: line.slice(colon + 1),
  };
};

const decodeQuotedPrintable = (value: string, charset: string): string => {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const hex = value.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Non-ASCII characters (not valid in quoted-printable, but seen) are kept as UTF-8.
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  const data = Uint8Array.from(bytes);
  try {
    return new TextDecoder(charset || 'utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return new TextDecoder('windows-1252').decode(data);
    }
  }
};

/** Structured value → components, with backslash escapes undone (\n, \, \; \\). */
const components = (value: string, separator = ';'): string[] => {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === separator) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((c) => c.trim());
};

/** vCard TYPE values and Apple's X-ABLabel → our contact labels. */
const labelFrom = (types: readonly string[]): string => {
  const t = types.join(' ').toLowerCase();
  if (/cell|mobile|iphone|mobiel/.test(t)) return 'mobile';
  if (/home|thuis|priv/.test(t)) return 'home';
  if (/work|werk|business|zakelijk/.test(t)) return 'work';
  return 'other';
};

const emptyCard = (): Card => ({
  fullName: '',
  n: [],
  org: '',
  title: '',
  emails: [],
  phones: [],
  adr: null,
  categories: [],
  notes: [],
  groupLabels: new Map(),
});

const addProperty = (card: Card, property: Property): void => {
  const encoding = property.params.get('ENCODING') ?? [];
  if (encoding.includes('b') || encoding.includes('base64')) return;
  let value = property.value;
  if (encoding.includes('quoted-printable')) {
    value = decodeQuotedPrintable(value, property.params.get('CHARSET')?.[0] ?? 'utf-8');
  }
  const types = property.params.get('TYPE') ?? [];
  switch (property.name) {
    case 'FN':
      card.fullName = components(value, '\u0000')[0] ?? '';
      break;
    case 'N':
      card.n = components(value);
      break;
    case 'ORG':
      card.org = components(value)[0] ?? '';
      break;
    case 'TITLE':
      card.title = components(value, '\u0000')[0] ?? '';
      break;
    case 'EMAIL':
    case 'TEL': {
      const email = property.name === 'EMAIL';
      const scheme = email ? /^mailto:/i : /^tel:/i;
      const entry = {
        label: labelFrom(types),
        value: value.trim().replace(scheme, ''),
        group: property.group,
      };
      (email ? card.emails : card.phones).push(entry);
      break;
    }
    case 'ADR':
      if (!card.adr || types.includes('pref')) card.adr = components(value);
      break;
    case 'CATEGORIES':
      card.categories.push(...components(value, ',').filter(Boolean));
      break;
    case 'NOTE':
      card.notes.push(components(value, '\u0000')[0] ?? '');
      break;
    case 'X-ABLABEL':
      if (property.group) {
        const label = value.replace(/^_\$!<|>!\$_$/g, '');
        card.groupLabels.set(property.group, labelFrom([label]));
      }
      break;
  }
};

const BASE_HEADERS = [
  'Full Name',
  'Given Name',
  'Additional Name',
  'Family Name',
  'Organisation',
  'Job Title',
];
const TAIL_HEADERS = ['Street', 'Postal Code', 'City', 'Region', 'Country', 'Categories', 'Notes'];

export const parseVcards = (file: string, text: string, limits: ImportLimits): VcardRows => {
  const cards: Card[] = [];
  let card: Card | null = null;
  let depth = 0;
  for (const line of unfold(text)) {
    if (line.trim() === '') continue;
    const property = parseLine(line);
    if (!property) continue;
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (depth++ === 0) {
        card = emptyCard();
        if (cards.length >= limits.maxRows) throw tooManyRows(file, limits);
      }
    } else if (property.name === 'END' && value === 'VCARD') {
      if (depth === 0) {
        throw new ImportError(
          { file, row: cards.length + 1, code: 'invalid_vcard' },
          'END:VCARD without BEGIN:VCARD',
        );
      }
      if (--depth === 0 && card) cards.push(card);
    } else if (card && depth === 1) {
      if (property.value.length > limits.maxCellChars) {
        throw new ImportError(
          { file, row: cards.length + 1, code: 'cell_too_large' },
          `a value longer than ${limits.maxCellChars.toLocaleString('en')} characters`,
        );
      }
      addProperty(card, property);
    }
  }
  if (depth > 0) {
    throw new ImportError(
      { file, row: cards.length + 1, code: 'invalid_vcard' },
      'BEGIN:VCARD without END:VCARD',
    );
  }
  if (cards.length === 0) throw new ImportError({ file, code: 'invalid_vcard' }, 'no vCard found');

  const emailCount = Math.max(0, ...cards.map((c) => c.emails.length));
  const phoneCount = Math.max(0, ...cards.map((c) => c.phones.length));
  const numbered = (kind: string, count: number) =>
    Array.from({ length: count }, (_, i) => [`${kind} ${i + 1} - Type`, `${kind} ${i + 1} - Value`]).flat();
  const headers = [
    ...BASE_HEADERS,
    ...numbered('E-mail', emailCount),
    ...numbered('Phone', phoneCount),
    ...TAIL_HEADERS,
  ];
  const records = cards.map((c) => {
    const contact = (list: Card['emails'], count: number) =>
      Array.from({ length: count }, (_, i) => {
        const item = list[i];
        if (!item) return ['', ''];
        return [(item.group && c.groupLabels.get(item.group)) || item.label, item.value];
      }).flat();
    const adr = c.adr ?? [];
    const street = [adr[2], adr[1], adr[0]].filter(Boolean).join(', ');
    return [
      c.fullName,
      c.n[1] ?? '',
      c.n[2] ?? '',
      c.n[0] ?? '',
      c.org,
      c.title,
      ...contact(c.emails, emailCount),
      ...contact(c.phones, phoneCount),
      street,
      adr[5] ?? '',
      adr[3] ?? '',
      adr[4] ?? '',
      adr[6] ?? '',
      c.categories.join(', '),
      c.notes.join('\n\n'),
    ];
  });
  return { headers, records, rowNumbers: records.map((_, i) => i + 1) };
};
