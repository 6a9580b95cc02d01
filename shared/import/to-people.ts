// Turning rows read from a file into people, and folding a row into a person already in the directory.
// A merge only adds: it fills what is empty and joins lists; it never overwrites what someone typed.
import type { DataSource } from '../people';
import type { PersonInput, PersonPayload } from '../people';
import type { ImportPerson } from './types';

const MAX_CONTACTS = 20;
const MAX_TAGS = 50;
const MAX_NOTES = 20_000;

const digits = (value: string) => value.replace(/[^0-9+]/g, '');

const joinContacts = <C extends { value: string }>(
  ours: readonly C[],
  theirs: readonly C[],
  key: (value: string) => string,
): C[] => {
  const seen = new Set(ours.map((c) => key(c.value)));
  const out = [...ours];
  for (const c of theirs) {
    if (out.length >= MAX_CONTACTS) break;
    const k = key(c.value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
};

const joinTags = (ours: readonly string[], theirs: readonly string[]): string[] => {
  const seen = new Set(ours.map((t) => t.toLowerCase()));
  const out = [...ours];
  for (const t of theirs) {
    if (out.length >= MAX_TAGS) break;
    if (seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
};

const joinNotes = (ours: string, theirs: string): string => {
  if (!theirs || ours.includes(theirs)) return ours;
  const joined = ours ? `${ours}\n\n${theirs}` : theirs;
  return joined.slice(0, MAX_NOTES);
};

/** A new person from an imported row, with the batch's source and the organisation found or created. */
export const toPersonInput = (
  person: ImportPerson,
  source: DataSource,
  organisationId: string | null,
): PersonInput => ({
  givenName: person.givenName,
  familyName: person.familyName,
  emails: person.emails,
  phones: person.phones,
  address: person.address,
  jobTitle: person.jobTitle,
  organisationId,
  tags: person.tags,
  notes: person.notes,
  source,
});

/** An existing person with an imported row folded in; what the person already has is kept. */
export const mergeIntoPerson = (
  current: PersonPayload,
  row: ImportPerson,
  organisationId: string | null,
): PersonInput => ({
  ...current,
  givenName: current.givenName || row.givenName,
  familyName: current.familyName || row.familyName,
  emails: joinContacts(current.emails, row.emails, (v) => v.trim().toLowerCase()),
  phones: joinContacts(current.phones, row.phones, digits),
  address: current.address ?? row.address,
  jobTitle: current.jobTitle || row.jobTitle,
  organisationId: current.organisationId ?? organisationId,
  tags: joinTags(current.tags, row.tags),
  notes: joinNotes(current.notes, row.notes),
});

/** Organisation names match when they differ only in case, accents, spacing and punctuation
 * ("IJsselmeer Vis B.V." is "ijsselmeer vis bv"). */
export const organisationKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
