// An organisation: employer of people, customer, supplier. A sole trader's name is personal data, so
// organisations are encrypted with their own data key exactly like people.
import { z } from 'zod';
import { CONTACT_FIELDS, SUBJECT_RECORD_TAIL, trimmed } from '../people';

export const ORGANISATION_KIND = 'organisation';
export const ORGANISATION_VERSION = 1;

export const OrganisationPayload = z.object({
  name: trimmed(200).min(1, 'name'),
  website: trimmed(300).default(''),
  ...CONTACT_FIELDS,
  /** Chamber of Commerce number or other registration. */
  registrationNumber: trimmed(50).default(''),
  ...SUBJECT_RECORD_TAIL,
});

export type OrganisationPayload = z.infer<typeof OrganisationPayload>;
export type OrganisationInput = z.input<typeof OrganisationPayload>;
