// The words and shapes of an erasure (Art. 17): the exceptions that let data be kept (17(3)), the
// pseudonymous "retained" subject that holds what is kept, and the erasure certificate the DPO files.
// No field of a certificate or retained record names the person: only random ids, kinds and counts.
import { z } from 'zod';
import { sealedKind } from '../store';

/** Art. 17(3)(a)–(e): the grounds on which data may be kept despite an erasure request. */
export const ART17_EXCEPTIONS = [
  'freedom-of-expression',
  'legal-obligation',
  'public-interest-health',
  'archiving-research',
  'legal-claims',
] as const;
export const Art17Exception = z.enum(ART17_EXCEPTIONS);
export type Art17Exception = z.infer<typeof Art17Exception>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id');

/** One group of the person's items kept under one exception, e.g. purchases kept for tax law. */
export const KeepGroup = z.object({
  itemIds: z.array(Id).min(1, 'items'),
  exception: Art17Exception,
  note: z.string().trim().min(1, 'note').max(1000),
  retainUntil: IsoDay.optional(),
});
export type KeepGroup = z.infer<typeof KeepGroup>;

/**
 * The subject record of kept items: a new random subject with its own key. It says why the items are
 * kept and until when; it copies nothing that identifies the erased person.
 */
export const RETAINED_KIND = 'retained';
export const RETAINED_VERSION = 1;
export const RetainedPayload = z.object({
  exception: Art17Exception,
  note: z.string().max(1000),
  retainUntil: IsoDay.optional(),
  requestId: Id,
  keptAt: z.number().int().min(0),
});
export type RetainedPayload = z.infer<typeof RetainedPayload>;
export const RETAINED_CONFIG = sealedKind(RETAINED_KIND, RetainedPayload, RETAINED_VERSION);

/** Where the server's erasure ledger stands for this erasure. */
export const LedgerState = z.enum([
  /** The vault is not linked to a sync server: this device is the only copy. */
  'local-only',
  /** Waiting to be sent to the server (offline, or the vault was linked later). */
  'queued',
  /** The server recorded it and refuses the subject from now on. */
  'recorded',
]);
export type LedgerState = z.infer<typeof LedgerState>;

export const CertificateDevice = z.object({
  deviceId: z.string().max(64),
  userId: z.string().max(64),
  /** Null for a device that has not confirmed its purge yet. */
  confirmedAt: z.number().int().nullable(),
  lastSyncAt: z.number().int().nullable().optional(),
});
export type CertificateDevice = z.infer<typeof CertificateDevice>;

export const ERASURE_CERTIFICATE_KIND = 'erasure-certificate';
export const ERASURE_CERTIFICATE_VERSION = 1;
export const ErasureCertificate = z.object({
  requestId: Id,
  subjectId: Id,
  /** 'person' or 'organisation'. */
  subjectKind: z.string().max(32),
  erasedAt: z.number().int().min(0),
  erasedBy: z.string().max(64),
  /** Records and items erased, per kind (person, activity, deal, consent-event...). */
  erased: z.record(z.string(), z.number().int().min(0)),
  kept: z.array(
    z.object({
      exception: Art17Exception,
      note: z.string().max(1000),
      retainedSubjectId: Id,
      itemCount: z.number().int().min(0),
      kinds: z.record(z.string(), z.number().int().min(0)),
      retainUntil: IsoDay.optional(),
    }),
  ),
  ledger: LedgerState,
  /** Devices that confirmed (and, once the server answered, those still outstanding). */
  devices: z.array(CertificateDevice),
  /** When the device list was last read from the server. */
  checkedAt: z.number().int().nullable(),
  /**
   * When the first page-key rotation that began after the erasure finished (sync/rotation.ts): from then
   * on no key anyone holds opens the subject in a backup or database file made before. Null while it has
   * not finished; absent until the server was asked.
   */
  rotationFinishedAt: z.number().int().nullable().optional(),
});
export type ErasureCertificate = z.infer<typeof ErasureCertificate>;
export const ERASURE_CERTIFICATE_CONFIG = sealedKind(
  ERASURE_CERTIFICATE_KIND,
  ErasureCertificate,
  ERASURE_CERTIFICATE_VERSION,
);

/** What the certificate can say about backups and database files, as a text key and its date. */
export const backupsStatement = (
  c: Pick<ErasureCertificate, 'ledger' | 'rotationFinishedAt'>,
): { key: 'local' | 'rotated' | 'pending'; at?: number } =>
  c.ledger === 'local-only'
    ? { key: 'local' }
    : typeof c.rotationFinishedAt === 'number'
      ? { key: 'rotated', at: c.rotationFinishedAt }
      : { key: 'pending' };

/** A certificate's id: one per erased subject, so erasing twice files one certificate. */
export const certificateIdFor = (subjectId: string): string => `er${subjectId}`.slice(0, 50);
