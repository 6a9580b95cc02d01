// What the people and organisation lists show: small rows derived from decrypted records, kept in memory
// only (and in the encrypted snapshot that makes unlocking fast).
import { personDisplayName, type PersonPayload } from '../domain/person';
import type { OrganisationPayload } from '../domain/organisation';
import type { Decrypted } from '../repositories/subject-repository';

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
  readonly updatedAt: number;
}

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly website: string;
  readonly email: string;
  readonly phone: string;
  readonly tags: readonly string[];
  readonly updatedAt: number;
}

export const toPersonRow = ({ id, updatedAt, data }: Decrypted<PersonPayload>): PersonRow => ({
  id,
  displayName: personDisplayName(data),
  givenName: data.givenName,
  familyName: data.familyName,
  jobTitle: data.jobTitle,
  organisationId: data.organisationId,
  email: data.emails[0]?.value ?? '',
  phone: data.phones[0]?.value ?? '',
  tags: data.tags,
  updatedAt,
});

export const toOrganisationRow = ({ id, updatedAt, data }: Decrypted<OrganisationPayload>): OrganisationRow => ({
  id,
  name: data.name,
  website: data.website,
  email: data.emails[0]?.value ?? '',
  phone: data.phones[0]?.value ?? '',
  tags: data.tags,
  updatedAt,
});

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** People sort by family name, then given name, the way a Dutch or English address book does. */
export const comparePeople = (a: PersonRow, b: PersonRow): number =>
  collator.compare(a.familyName || a.givenName, b.familyName || b.givenName) ||
  collator.compare(a.givenName, b.givenName) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const compareOrganisations = (a: OrganisationRow, b: OrganisationRow): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
