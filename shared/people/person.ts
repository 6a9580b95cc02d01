// A natural person the company holds data about: the data subject of the GDPR.
import { z } from 'zod';
import { CONTACT_FIELDS, RecordId, SUBJECT_RECORD_TAIL, trimmed } from './contact-values';

export const PERSON_KIND = 'person';
export const PERSON_VERSION = 1;

export const PersonPayload = z
  .object({
    givenName: trimmed(100).default(''),
    familyName: trimmed(100).default(''),
    ...CONTACT_FIELDS,
    jobTitle: trimmed(150).default(''),
    organisationId: RecordId.nullable().default(null),
    ...SUBJECT_RECORD_TAIL,
  })
  .refine((p) => p.givenName.length > 0 || p.familyName.length > 0, {
    message: 'name',
    path: ['familyName'],
  });

export type PersonPayload = z.infer<typeof PersonPayload>;
export type PersonInput = z.input<typeof PersonPayload>;

export const personDisplayName = (p: Pick<PersonPayload, 'givenName' | 'familyName'>): string =>
  [p.givenName, p.familyName].filter(Boolean).join(' ');
