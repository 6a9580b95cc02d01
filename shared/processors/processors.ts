// The register of processors and other recipients (GDPR Art. 28 and 30(1)(d)): everyone the company
// shares personal data with — mail service, hosting, accountant, payroll — with the data-processing
// agreement, its sub-processors, where the data goes and under which safeguard, and when to review it.
import { z } from 'zod';
import { trimmed } from '../people';
import { DataCategory, IsoDate, SettingId } from '../purposes';
import { sealedKind } from '../store';

export const RECIPIENT_ROLES = ['processor', 'joint_controller', 'controller', 'authority'] as const;
export const RecipientRole = z.enum(RECIPIENT_ROLES);
export type RecipientRole = z.infer<typeof RecipientRole>;

/** The agreement document itself travels inside the encrypted setting; bounded so settings stay small. */
export const AGREEMENT_FILE_MAX_BYTES = 2 * 1024 * 1024;

const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'country');

/** What is listed about a version of the agreement: never its bytes. */
const DocumentMeta = z.object({
  name: trimmed(255).min(1),
  mediaType: trimmed(100).default('application/octet-stream'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Bytes; null for a document attached before sizes were kept. */
  size: z.number().int().nonnegative().nullable().default(null),
  /** When it was attached (ms) and by whom (the audit trail's actor: a user id or 'local'). */
  addedAt: z.number().int().nullable().default(null),
  addedBy: z.string().max(64).nullable().default(null),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const ProcessorPayload = z
  .object({
    name: trimmed(200).min(1, 'name'),
    role: RecipientRole.default('processor'),
    service: trimmed(1000).default(''),
    contact: trimmed(300).default(''),
    /** The purposes of the register this recipient serves (Art. 30(1)(d) per purpose). */
    purposeIds: z.array(SettingId).max(50).default([]),
    dataCategories: z.array(DataCategory).max(20).default([]),
    /** Where the data is processed or stored, ISO 3166-1 alpha-2. */
    countries: z.array(Country).max(50).default([]),
    /** Required when a country is outside the EEA: adequacy decision, SCCs, BCRs... */
    transferSafeguard: trimmed(500).default(''),
    agreement: z
      .object({
        signedOn: IsoDate.nullable().default(null),
        version: trimmed(50).default(''),
        reviewOn: IsoDate.nullable().default(null),
        file: DocumentMeta.extend({
          /** Base64 of the document. */
          data: z.string().max(Math.ceil((AGREEMENT_FILE_MAX_BYTES * 4) / 3) + 4),
        })
          .nullable()
          .default(null),
        /** Earlier versions of the document, newest first; each one's bytes are a PROCESSOR_DOCUMENT. */
        earlier: z
          .array(DocumentMeta.extend({ documentId: SettingId, replacedAt: z.number().int() }))
          .max(100)
          .default([]),
      })
      .default({ signedOn: null, version: '', reviewOn: null, file: null, earlier: [] }),
    subProcessors: z
      .array(
        z.object({ name: trimmed(200).min(1, 'name'), country: Country, service: trimmed(300).default('') }),
      )
      .max(100)
      .default([]),
    notes: trimmed(4000).default(''),
  })
  .refine((p) => p.countries.every(isEea) || p.transferSafeguard.length > 0, {
    message: 'transfer_safeguard',
    path: ['transferSafeguard'],
  });
export type ProcessorPayload = z.infer<typeof ProcessorPayload>;
export type ProcessorInput = z.input<typeof ProcessorPayload>;
export const PROCESSOR = sealedKind('processor', ProcessorPayload);

/** An earlier version of a processor's agreement, kept when it was replaced: sealed like the processor. */
export const PROCESSOR_DOCUMENT = sealedKind(
  'processor-document',
  z.object({
    processorId: SettingId,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    data: z.string().max(Math.ceil((AGREEMENT_FILE_MAX_BYTES * 4) / 3) + 4),
  }),
);

/** The European Economic Area: transfers within it need no Chapter V safeguard. */
export const EEA = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);
export function isEea(country: string): boolean {
  return EEA.has(country);
}

export type ReviewState = 'ok' | 'due-soon' | 'overdue' | 'no-agreement';

/** An agreement is due for review within `soonDays` of its review date, overdue after it. */
export const reviewState = (p: ProcessorPayload, today: string, soonDays = 30): ReviewState => {
  if (p.role !== 'processor') return 'ok';
  if (!p.agreement.signedOn) return 'no-agreement';
  const review = p.agreement.reviewOn;
  if (!review) return 'ok';
  if (review < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return review <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'ok';
};
