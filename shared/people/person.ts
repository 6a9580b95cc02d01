// A natural person the company holds data about: the data subject of the GDPR.
import { z } from 'zod';
import { DataSource, Email, Phone, PostalAddress, RecordId, Tags, trimmed } from './contact-values';

export const PERSON_KIND = 'person';
export const PERSON_VERSION = 1;

export const PersonPayload = z
  .object({
    givenName: trimmed(100).default(''),
    familyName: trimmed(100).default(''),
    emails: z.array(Email).max(20).default([]),
    phones: z.array(Phone).max(20).default([]),
    address: PostalAddress.nullable().default(null),
    jobTitle: trimmed(150).default(''),
    organisationId: RecordId.nullable().default(null),
    tags: Tags,
    notes: trimmed(20_000).default(''),
    source: DataSource,
    /** Custom fields (issue 7.1): definition id -> value; defined in shared/processing-record/custom-fields.ts. */
    custom: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/), trimmed(2000)).default({}),
    // Set by the repository on create when the caller leaves it out.
    createdAt: z
      .number()
      .int()
      .nonnegative()
      .default(() => Date.now()),
  })
  .refine((p) => p.givenName.length > 0 || p.familyName.length > 0, {
    message: 'name',
    path: ['familyName'],
  });

export type PersonPayload = z.infer<typeof PersonPayload>;
export type PersonInput = z.input<typeof PersonPayload>;

export const personDisplayName = (p: Pick<PersonPayload, 'givenName' | 'familyName'>): string =>
  [p.givenName, p.familyName].filter(Boolean).join(' ');
