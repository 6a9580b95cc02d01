// An organisation: employer of people, customer, supplier. A sole trader's name is personal data, so
// organisations are encrypted with their own data key exactly like people.
import { z } from 'zod';
import { DataSource, Email, Phone, PostalAddress, Tags, trimmed } from '../people';

export const ORGANISATION_KIND = 'organisation';
export const ORGANISATION_VERSION = 1;

export const OrganisationPayload = z.object({
  name: trimmed(200).min(1, 'name'),
  website: trimmed(300).default(''),
  emails: z.array(Email).max(20).default([]),
  phones: z.array(Phone).max(20).default([]),
  address: PostalAddress.nullable().default(null),
  /** Chamber of Commerce number or other registration. */
  registrationNumber: trimmed(50).default(''),
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
});

export type OrganisationPayload = z.infer<typeof OrganisationPayload>;
export type OrganisationInput = z.input<typeof OrganisationPayload>;
