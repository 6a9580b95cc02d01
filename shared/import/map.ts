// Rows → people. Each row becomes an ImportPerson validated with the domain's own PersonPayload schema,
// so what the preview shows is what will be stored. A bad value is dropped and reported with its row and
// column; a row that cannot be a person (no name, a field too long) is reported and skipped; the other
// rows go on. Cells are only ever text: one that looks like a formula is kept as text and flagged.
import type { ContactLabel } from '../people';
import { ADDRESS_PARTS, PersonPayload } from '../people';
import { normaliseCountry } from './country';
import { isParticle, splitFullName } from './names';
import type {
  ColumnMapping,
  FieldIssue,
  FieldIssueCode,
  FieldTarget,
  ImportCandidate,
  ImportPerson,
  MapOptions,
  MapResult,
  TargetField,
} from './types';

/** A cell a spreadsheet would run as a formula if it were opened or pasted as-is. */
export const looksLikeFormula = (cell: string): boolean => /^(?:[\t\r]|\s*[=+\-@])/.test(cell);

/**
 * Exports (ours included) escape such cells with a leading apostrophe; the apostrophe is the escape,
 * not part of the value, so "'+31 6 1234 5678" comes back as the phone number it was.
 */
const unescapeCell = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A phone number may start with +: that is the international prefix, not a formula. */
const harmlessPhone = (cell: string): boolean => /^\s*\+[0-9 ()./-]+$/.test(cell);

const LABELS: [RegExp, ContactLabel][] = [
  [/mob|cell|gsm|iphone/i, 'mobile'],
  [/home|thuis|priv|personal/i, 'home'],
  [/work|werk|business|zakelijk|kantoor|office/i, 'work'],
  [/other|overig|ander/i, 'other'],
];

/** "* Work", "Mobiel", "home", "_$!<Mobile>!$_" → a contact label; null when the cell says nothing known. */
export const normaliseLabel = (cell: string): ContactLabel | null => {
  for (const [pattern, label] of LABELS) if (pattern.test(cell)) return label;
  return null;
};

const MULTI_EMAIL = /[\s,;]+|:::/;
const MULTI_PHONE = /\s*(?:;|:::|\n|\/\/)\s*/;
const MULTI_TAG = /\s*(?:,|;|:::)\s*/;

const SOURCE_PLACEHOLDER = { method: 'import', description: '', obtainedOn: '2000-01-01' } as const;

interface Plan {
  single: Map<TargetField, number[]>;
  emails: { column: number; target: FieldTarget }[];
  phones: { column: number; target: FieldTarget }[];
  emailLabels: Map<number, number>;
  phoneLabels: Map<number, number>;
  addressGroups: Map<number, Map<TargetField, number[]>>;
  tags: number[];
  notes: number[];
  mapped: { column: number; field: TargetField }[];
}

const ADDRESS: ReadonlySet<TargetField> = new Set(ADDRESS_PARTS);

const plan = (mapping: ColumnMapping): Plan => {
  const p: Plan = {
    single: new Map(),
    emails: [],
    phones: [],
    emailLabels: new Map(),
    phoneLabels: new Map(),
    addressGroups: new Map(),
    tags: [],
    notes: [],
    mapped: [],
  };
  mapping.forEach((target, column) => {
    if (!target) return;
    const { field } = target;
    p.mapped.push({ column, field });
    if (field === 'email') p.emails.push({ column, target });
    else if (field === 'phone') p.phones.push({ column, target });
    else if (field === 'emailLabel') p.emailLabels.set(target.group ?? 0, column);
    else if (field === 'phoneLabel') p.phoneLabels.set(target.group ?? 0, column);
    else if (field === 'tags') p.tags.push(column);
    else if (field === 'notes') p.notes.push(column);
    else if (ADDRESS.has(field)) {
      const group = target.group ?? 0;
      const fields = p.addressGroups.get(group) ?? new Map<TargetField, number[]>();
      fields.set(field, [...(fields.get(field) ?? []), column]);
      p.addressGroups.set(group, fields);
    } else p.single.set(field, [...(p.single.get(field) ?? []), column]);
  });
  p.addressGroups = new Map([...p.addressGroups].sort((a, b) => a[0] - b[0]));
  return p;
};

const firstValue = (
  row: readonly string[],
  columns: readonly number[] | undefined,
): { value: string; column?: number } => {
  for (const c of columns ?? []) {
    const value = (row[c] ?? '').trim();
    if (value) return { value, column: c };
  }
  return { value: '' };
};

/** Maps one chunk of rows; call it again with startIndex for the next chunk. */
export const mapRows = (
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: MapOptions = {},
): MapResult => {
  const p = plan(mapping);
  const start = options.startIndex ?? 0;
  const candidates: ImportCandidate[] = [];
  const issues: FieldIssue[] = [];
  const progressEvery = 5_000;

  rows.forEach((raw, i) => {
    const row = raw.some((cell) => cell.charCodeAt(0) === 39) ? raw.map(unescapeCell) : raw;
    const index = start + i;
    const rowNumber = options.rowNumbers?.[index] ?? index + 2;
    let valid = true;
    const issue = (
      code: FieldIssueCode,
      severity: 'error' | 'warning',
      column?: number,
      field?: TargetField,
    ) => {
      const item: FieldIssue = { index, row: rowNumber, code, severity };
      if (column !== undefined) item.column = column + 1;
      if (field) item.field = field;
      issues.push(item);
      if (severity === 'error') valid = false;
    };

    for (const { column, field } of p.mapped) {
      const cell = row[column] ?? '';
      if (cell && looksLikeFormula(cell) && !(field === 'phone' && harmlessPhone(cell))) {
        issue('formula_text', 'warning', column, field);
      }
    }

    // Names.
    let givenName = firstValue(row, p.single.get('givenName')).value;
    let familyName = firstValue(row, p.single.get('familyName')).value;
    if (!givenName && !familyName) {
      const full = firstValue(row, p.single.get('fullName')).value;
      ({ givenName, familyName } = splitFullName(full));
    }
    const middle = firstValue(row, p.single.get('middleName')).value;
    let prefix = firstValue(row, p.single.get('familyNamePrefix')).value;
    if (middle) {
      if (middle.split(/\s+/).every(isParticle)) prefix = prefix ? `${prefix} ${middle}` : middle;
      else givenName = givenName ? `${givenName} ${middle}` : middle;
    }
    if (prefix && familyName) familyName = `${prefix} ${familyName}`;

    // Emails and phones, remembering the column each came from.
    const contacts = (
      list: Plan['emails'],
      labels: Map<number, number>,
      split: RegExp,
    ): { value: string; label: ContactLabel; column: number }[] => {
      const out: { value: string; label: ContactLabel; column: number }[] = [];
      for (const { column, target } of list) {
        const cell = (row[column] ?? '').trim();
        if (!cell) continue;
        const labelColumn = target.group !== undefined ? labels.get(target.group) : undefined;
        const label =
          (labelColumn !== undefined && normaliseLabel(row[labelColumn] ?? '')) || target.label || 'work';
        for (const value of cell.split(split))
          if (value.trim()) out.push({ value: value.trim(), label, column });
      }
      return out;
    };
    let emails = contacts(p.emails, p.emailLabels, MULTI_EMAIL);
    let phones = contacts(p.phones, p.phoneLabels, MULTI_PHONE);
    const seenEmail = new Set<string>();
    emails = emails.filter(
      (e) => !seenEmail.has(e.value.toLowerCase()) && seenEmail.add(e.value.toLowerCase()),
    );
    if (emails.length > 20) {
      issue('too_many', 'warning', emails[20]!.column, 'email');
      emails = emails.slice(0, 20);
    }
    if (phones.length > 20) {
      issue('too_many', 'warning', phones[20]!.column, 'phone');
      phones = phones.slice(0, 20);
    }

    // Address: the first group with any value (Outlook's Business before Home).
    let address: {
      street: string;
      postalCode: string;
      city: string;
      region: string;
      country: string;
    } | null = null;
    let countryColumn: number | undefined;
    for (const fields of p.addressGroups.values()) {
      const street = (fields.get('street') ?? [])
        .map((c) => (row[c] ?? '').trim())
        .filter(Boolean)
        .join(' ');
      const country = firstValue(row, fields.get('country'));
      const candidate = {
        street,
        postalCode: firstValue(row, fields.get('postalCode')).value,
        city: firstValue(row, fields.get('city')).value,
        region: firstValue(row, fields.get('region')).value,
        country: country.value,
      };
      if (Object.values(candidate).some(Boolean)) {
        address = candidate;
        countryColumn = country.column;
        break;
      }
    }
    if (address?.country) {
      const code = normaliseCountry(address.country);
      if (code === null) issue('invalid_country', 'warning', countryColumn, 'country');
      address.country = code ?? '';
    }

    const tagSet = new Map<string, string>();
    for (const c of p.tags) {
      for (const tag of (row[c] ?? '').split(MULTI_TAG)) {
        const clean = tag.replace(/^\*\s*/, '').trim();
        // Google Contacts puts everyone in its system group "* myContacts": not a tag anyone chose.
        if (!clean || clean === 'myContacts' || tagSet.has(clean.toLowerCase())) continue;
        if (clean.length > 50) issue('too_long', 'warning', c, 'tags');
        else tagSet.set(clean.toLowerCase(), clean);
      }
    }
    let tags = [...tagSet.values()];
    if (tags.length > 50) {
      issue('too_many', 'warning', p.tags[0], 'tags');
      tags = tags.slice(0, 50);
    }
    const notes = p.notes
      .map((c) => (row[c] ?? '').trim())
      .filter(Boolean)
      .join('\n');
    const jobTitle = firstValue(row, p.single.get('jobTitle')).value;
    const organisation = firstValue(row, p.single.get('organisation'));

    // Validate with the domain schema; drop what it refuses and say where it came from.
    const draft = () => ({
      givenName,
      familyName,
      emails: emails.map(({ value, label }) => ({ value, label })),
      phones: phones.map(({ value, label }) => ({ value, label })),
      address,
      jobTitle,
      organisationId: null,
      tags,
      notes,
      source: SOURCE_PLACEHOLDER,
    });
    let parsed = PersonPayload.safeParse(draft());
    if (!parsed.success) {
      const badEmails = new Set<number>();
      const badPhones = new Set<number>();
      for (const zodIssue of parsed.error.issues) {
        const [key, position] = zodIssue.path;
        if (key === 'emails' && typeof position === 'number') {
          badEmails.add(position);
          issue('invalid_email', 'warning', emails[position]?.column, 'email');
        } else if (key === 'phones' && typeof position === 'number') {
          badPhones.add(position);
          issue('invalid_phone', 'warning', phones[position]?.column, 'phone');
        } else if (key === 'familyName' && zodIssue.message === 'name') {
          issue('missing_name', 'error');
        } else {
          const field = (key === 'address' ? position : key) as TargetField;
          const column = field && p.single.get(field)?.[0];
          issue('too_long', 'error', column, field);
        }
      }
      emails = emails.filter((_, k) => !badEmails.has(k));
      phones = phones.filter((_, k) => !badPhones.has(k));
      if (valid) parsed = PersonPayload.safeParse(draft());
    }
    // The organisation's own schema allows 200 characters.
    if (organisation.value.length > 200) issue('too_long', 'error', organisation.column, 'organisation');

    const value = parsed.success ? parsed.data : null;
    const person: ImportPerson = value
      ? {
          givenName: value.givenName,
          familyName: value.familyName,
          emails: value.emails,
          phones: value.phones,
          address: value.address,
          jobTitle: value.jobTitle,
          organisationName: organisation.value,
          tags: value.tags,
          notes: value.notes,
        }
      : {
          givenName,
          familyName,
          emails: emails.map(({ value: v, label }) => ({ value: v, label })),
          phones: phones.map(({ value: v, label }) => ({ value: v, label })),
          address,
          jobTitle,
          organisationName: organisation.value,
          tags,
          notes,
        };
    candidates.push({ index, row: rowNumber, person, valid: valid && parsed.success });
    if (options.onProgress && (i + 1) % progressEvery === 0) {
      options.onProgress({ phase: 'map', done: i + 1, total: rows.length });
    }
  });
  options.onProgress?.({ phase: 'map', done: rows.length, total: rows.length });
  return { candidates, issues };
};
