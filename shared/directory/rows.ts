// What the people and organisation lists show: small rows derived from decrypted records, kept in memory
// only (and in the encrypted snapshot that makes unlocking fast).
import { personDisplayName, type PersonPayload } from '../people';
import type { OrganisationPayload } from '../organisations';
import type { Decrypted } from '../store';
import type { SearchFields } from './search-index';

export interface PersonRow {
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  readonly organisationId: string | null;
  readonly email: string;
  readonly phone: string;
  readonly tags: readonly string[];
  /** The account owner's user id; null (or absent, in a snapshot from before owners) when unowned. */
  readonly ownerId?: string | null;
  readonly updatedAt: number;
}

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly website: string;
  readonly email: string;
  readonly phone: string;
  readonly tags: readonly string[];
  readonly ownerId?: string | null;
  readonly updatedAt: number;
}

/** The columns both lists end with: the first email address and phone number, the tags, the time. */
const reachColumns = (
  data: Pick<PersonPayload, 'emails' | 'phones' | 'tags' | 'ownerId'>,
  updatedAt: number,
): Pick<PersonRow, 'email' | 'phone' | 'tags' | 'ownerId' | 'updatedAt'> => ({
  email: data.emails[0]?.value ?? '',
  phone: data.phones[0]?.value ?? '',
  tags: data.tags,
  ownerId: data.ownerId,
  updatedAt,
});

export const toPersonRow = ({ id, updatedAt, data }: Decrypted<PersonPayload>): PersonRow => ({
  id,
  displayName: personDisplayName(data),
  givenName: data.givenName,
  familyName: data.familyName,
  jobTitle: data.jobTitle,
  organisationId: data.organisationId,
  ...reachColumns(data, updatedAt),
});

export const toOrganisationRow = ({
  id,
  updatedAt,
  data,
}: Decrypted<OrganisationPayload>): OrganisationRow => ({
  id,
  name: data.name,
  website: data.website,
  ...reachColumns(data, updatedAt),
});

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Dutch address books file "de Wit" under W and "van der Berg" under B: the particles (tussenvoegsels)
// do not count for sorting.
const PARTICLES =
  /^(?:(?:van|de|der|den|het|'t|ter|ten|te|in|op|aan|bij|uit|von|zu|du|da|di|del|della|des|dos|das|la|le)\s+)+/i;

export const familySortName = (familyName: string): string => familyName.replace(PARTICLES, '');

/** People sort by family name (without particles), then given name. */
export const comparePeople = (a: PersonRow, b: PersonRow): number =>
  collator.compare(
    familySortName(a.familyName) || a.givenName,
    familySortName(b.familyName) || b.givenName,
  ) ||
  collator.compare(a.givenName, b.givenName) ||
  collator.compare(a.familyName, b.familyName) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A sorted list with one row replaced, removed (row undefined) or added, as a new array: one binary
 * search and one copy instead of re-sorting 100,000 rows after every edit.
 */
export const withRow = <Row>(
  sorted: readonly Row[],
  previous: Row | undefined,
  row: Row | undefined,
  compare: (a: Row, b: Row) => number,
): Row[] => {
  const next = sorted.slice();
  if (previous) {
    const at = lowerBound(next, previous, compare);
    if (next[at] === previous) next.splice(at, 1);
    else next.splice(next.indexOf(previous), 1);
  }
  if (row) next.splice(lowerBound(next, row, compare), 0, row);
  return next;
};

const lowerBound = <Row>(
  sorted: readonly Row[],
  row: Row,
  compare: (a: Row, b: Row) => number,
  from = 0,
): number => {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export const compareOrganisations = (a: OrganisationRow, b: OrganisationRow): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A sorted list after a batch of changes, as a new array: the rows whose id is in `replaced` leave,
 * `added` (the current rows of the batch) are sorted among themselves and each placed by binary search
 * after the one before it. A page of k rows into n costs k log n comparisons and one copy of n, so a list
 * that fills page by page stays sorted without re-sorting or comparing all it holds.
 */
export const mergedRows = <Row extends { readonly id: string }>(
  sorted: readonly Row[],
  replaced: ReadonlySet<string>,
  added: readonly Row[],
  compare: (a: Row, b: Row) => number,
): Row[] => {
  const kept = replaced.size ? sorted.filter((row) => !replaced.has(row.id)) : sorted;
  const incoming = [...added].sort(compare);
  const out: Row[] = [];
  let from = 0;
  for (const row of incoming) {
    const at = lowerBound(kept, row, compare, from);
    for (let i = from; i < at; i++) out.push(kept[i]!);
    out.push(row);
    from = at;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]!);
  return out;
};

/** What people are found by: name, email, their organisation's name, tags, and phone by its digits. */
export const personSearchFields = (
  organisationName: (id: string | null) => string,
): SearchFields<PersonRow> => ({
  text: [
    (r) => r.displayName,
    (r) => r.email,
    (r) => organisationName(r.organisationId),
    (r) => r.tags.join(' '),
  ],
  phone: (r) => r.phone,
});

export const ORGANISATION_SEARCH_FIELDS: SearchFields<OrganisationRow> = {
  text: [(r) => r.name, (r) => r.email, (r) => r.website, (r) => r.tags.join(' ')],
  phone: (r) => r.phone,
};
