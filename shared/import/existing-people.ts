// The people already held, as duplicate detection compares them: read from the in-memory directory the
// People list shows, so an import never decrypts the store again to find its duplicates.
import type { Directory } from '../directory';
import type { ExistingPerson } from './types';

export const existingPeople = (directory: Directory): ExistingPerson[] =>
  directory.people().map((row) => ({
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    emails: row.email ? [{ value: row.email }] : [],
    phones: row.phone ? [{ value: row.phone }] : [],
    organisationName: directory.organisationName(row.organisationId),
  }));
