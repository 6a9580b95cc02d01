// Merging two rows found to be one person: the first row's values win where it has them, the second
// fills the gaps, and lists (emails, phones, tags) are joined without repeats.
import { normaliseEmail } from './dedupe';
import { normalisePhone } from './phone';
import type { ImportPerson } from './types';

const MAX_CONTACTS = 20;
const MAX_TAGS = 50;

const unionBy = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string, max: number): T[] => {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...a, ...b]) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out.slice(0, max);
};

const hasAddress = (address: ImportPerson['address']) => !!address && Object.values(address).some(Boolean);

export const mergeCandidates = (a: ImportPerson, b: ImportPerson): ImportPerson => ({
  givenName: a.givenName || b.givenName,
  familyName: a.familyName || b.familyName,
  emails: unionBy(a.emails, b.emails, (e) => normaliseEmail(e.value), MAX_CONTACTS),
  phones: unionBy(
    a.phones,
    b.phones,
    (p) => normalisePhone(p.value) ?? p.value.replace(/\s+/g, ''),
    MAX_CONTACTS,
  ),
  address: hasAddress(a.address) ? a.address : hasAddress(b.address) ? b.address : (a.address ?? b.address),
  jobTitle: a.jobTitle || b.jobTitle,
  organisationName: a.organisationName || b.organisationName,
  tags: unionBy(a.tags, b.tags, (t) => t.toLowerCase(), MAX_TAGS),
  // Notes are not a field one can pick one of: both are kept when they differ.
  notes: a.notes && b.notes && a.notes !== b.notes ? `${a.notes}\n\n${b.notes}` : a.notes || b.notes,
});
