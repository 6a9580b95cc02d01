// Erasure of a person or organisation (Art. 17): what must be kept under an Art. 17(3) exception moves to
// a new pseudonymous subject first; then every record and item about the subject is blanked and deleted
// and its data key destroyed (crypto-shredding); an erasure certificate is filed for the DPO, the action
// audited, and the server's erasure ledger told — now when online, else on the next sync — so that every
// other device purges the subject too and the server refuses to bring it back. The operation that runs it
// is erasure.erase (operations.ts); its audit entry is written as a step, the moment the data is gone.
import type { RxDocument } from 'rxdb';
import { NotFoundError, toFieldIssues, ValidationError } from '../store';
import { recordAddress } from '../store';
import type { ItemDoc, RecordDoc } from '../store';
import { newId } from '../crypto';
import type { Session } from '../vault';
import type { AuditStep } from '../workspace';
import { queueErasure } from './erasure-local';
import {
  ERASURE_CERTIFICATE_CONFIG,
  KeepGroup,
  RETAINED_CONFIG,
  certificateIdFor,
  type ErasureCertificate,
} from './erasure-model';
import { purgeSubjects, type KindCounts } from './erasure-purge';

/** Pseudonymous subjects holding what an erasure kept under an Art. 17(3) exception. */
export const retainedRecords = (session: Session) => session.subjects(RETAINED_CONFIG);

/** The server side of an erasure, when the vault is linked (ErasureSync). */
export interface ErasureLedger {
  /** The server's id of this device and its user, named on the certificate. */
  readonly deviceId: string;
  readonly userId: string;
  /** Sends the erasures queued on this device; resolves with the subject ids the server recorded. */
  flushQueue(): Promise<ReadonlySet<string>>;
}

export type ErasureStep = 'checking' | 'keeping' | 'erasing' | 'certifying' | 'ledger';

export interface ErasureProgress {
  readonly step: ErasureStep;
  readonly done: number;
  readonly total: number;
}

export interface EraseOptions {
  readonly subjectId: string;
  /** The request register's id of the erasure request this answers. */
  readonly requestId: string;
  readonly keep?: readonly KeepGroup[];
  /** Makes a kept item's payload smaller before it is copied; by default drops the erased subject's id. */
  readonly minimise?: (kind: string, payload: Record<string, unknown>) => Record<string, unknown>;
  /** The running ErasureSync when the vault is linked to a server; absent for a local-only vault. */
  readonly ledger?: ErasureLedger | null;
  readonly onProgress?: (progress: ErasureProgress) => void;
  /** Stops before anything is destroyed; after that the erasure runs to its end. */
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

export class AlreadyErasedError extends Error {
  override readonly name = 'AlreadyErasedError';
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} was already erased; its certificate is on file`);
  }
}

export interface PreviewItem {
  readonly id: string;
  readonly kind: string;
  readonly updatedAt: number;
  /** A short text to recognise the item by (its title, subject or text), shown only on this screen. */
  readonly label: string;
}

const LABEL_FIELDS = ['title', 'subject', 'name', 'description', 'text', 'body', 'notes'] as const;

const labelOf = (payload: Record<string, unknown>): string => {
  for (const field of LABEL_FIELDS) {
    const value = payload[field];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 80);
  }
  return '';
};

/** What an erasure of the subject would take, per kind; the panel shows it before the admin confirms. */
export const erasurePreview = async (
  session: Session,
  subjectId: string,
): Promise<{ subjectKind: string; counts: KindCounts; items: PreviewItem[] }> => {
  const subject = await subjectRecord(session, subjectId);
  const records = await session.db.records.find({ selector: { subjectId } }).exec();
  const docs = await session.db.items.find({ selector: { subjectId } }).exec();
  const counts: KindCounts = {};
  for (const doc of [...records, ...docs]) counts[doc.kind] = (counts[doc.kind] ?? 0) + 1;
  const items: PreviewItem[] = [];
  for (const doc of docs) {
    let label = '';
    try {
      const key = await session.dataKey(subjectId, doc.keyId);
      const payload = session.cipher.openJson(
        doc.payload,
        key,
        recordAddress(doc.id, doc.subjectId, doc.keyId, 'items'),
      ) as Record<string, unknown>;
      label = labelOf(payload);
    } catch {
      // An item that cannot be opened is still erased; it is listed by kind and date only.
    }
    items.push({ id: doc.id, kind: doc.kind, updatedAt: doc.updatedAt, label });
  }
  items.sort((a, b) => b.updatedAt - a.updatedAt);
  return { subjectKind: subject.kind, counts, items };
};

const subjectRecord = async (session: Session, subjectId: string): Promise<RxDocument<RecordDoc>> => {
  const doc = await session.db.records.findOne(subjectId).exec();
  if (!doc) {
    const certificates = session.compliance(ERASURE_CERTIFICATE_CONFIG);
    const filed = await certificates.get(certificateIdFor(subjectId)).catch(() => null);
    if (filed) throw new AlreadyErasedError(subjectId);
    throw new NotFoundError('subject', subjectId);
  }
  return doc;
};

/** Default minimisation: a kept item must not point back at the erased subject. */
const dropSubjectId =
  (subjectId: string) =>
  (_kind: string, payload: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== subjectId));

/** Checks every keep group before anything is written; a bad one names itself and stores nothing. */
const checkKeep = (
  groups: readonly KeepGroup[],
  items: ReadonlyMap<string, RxDocument<ItemDoc>>,
): KeepGroup[] => {
  const seen = new Set<string>();
  return groups.map((group, index) => {
    const parsed = KeepGroup.safeParse(group);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      throw new ValidationError(
        'erasure',
        issues.map((issue) => ({ ...issue, path: `keep.${index}.${issue.path}` })),
      );
    }
    for (const itemId of parsed.data.itemIds) {
      if (!items.has(itemId) || seen.has(itemId)) {
        throw new ValidationError('erasure', [
          { path: `keep.${index}.itemIds`, code: seen.has(itemId) ? 'duplicate' : 'not_found' },
        ]);
      }
      seen.add(itemId);
    }
    return parsed.data;
  });
};

interface KeptGroup {
  readonly group: KeepGroup;
  readonly retainedSubjectId: string;
  readonly kinds: KindCounts;
}

/** Copies one group of items into a new retained subject, re-encrypted with its own key. */
const keepGroup = async (
  session: Session,
  subject: RxDocument<RecordDoc>,
  group: KeepGroup,
  items: ReadonlyMap<string, RxDocument<ItemDoc>>,
  requestId: string,
  minimise: NonNullable<EraseOptions['minimise']>,
  keptAt: number,
): Promise<KeptGroup> => {
  const retained = await retainedRecords(session).create({
    exception: group.exception,
    note: group.note,
    requestId,
    keptAt,
    ...(group.retainUntil ? { retainUntil: group.retainUntil } : {}),
  });
  const page = (await session.db.records.findOne(retained.id).exec())!.keyId;
  const newKey = await session.dataKey(retained.id, page);
  const kinds: KindCounts = {};
  const docs: ItemDoc[] = [];
  for (const itemId of group.itemIds) {
    const item = items.get(itemId)!;
    const oldKey = await session.dataKey(subject.id, item.keyId);
    const payload = session.cipher.openJson(
      item.payload,
      oldKey,
      recordAddress(item.id, item.subjectId, item.keyId, 'items'),
    ) as Record<string, unknown>;
    const id = newId();
    kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
    docs.push({
      id,
      kind: item.kind,
      subjectId: retained.id,
      keyId: page,
      v: item.v,
      payload: session.cipher.sealJson(
        minimise(item.kind, payload),
        newKey,
        recordAddress(id, retained.id, page, 'items'),
      ),
      updatedAt: keptAt,
    });
  }
  const result = await session.db.items.bulkInsert(docs);
  if (result.error.length) {
    await retainedRecords(session).remove(retained.id);
    throw new Error(`Could not store ${docs.length} kept items; the erasure was not started`);
  }
  return { group, retainedSubjectId: retained.id, kinds };
};

/**
 * Erases the subject. Its audit entry goes through `step` as soon as the certificate is filed, before the
 * server is told: the subject is gone for good by then, and the trail must say so even if the rest never runs.
 */
export const eraseSubjectInSteps = async (
  session: Session,
  options: EraseOptions,
  step: AuditStep,
): Promise<ErasureCertificate> => {
  const now = options.now ?? Date.now;
  const report = (step: ErasureStep, done: number, total: number) =>
    options.onProgress?.({ step, done, total });
  report('checking', 0, 1);
  const subject = await subjectRecord(session, options.subjectId);
  const itemDocs = await session.db.items.find({ selector: { subjectId: subject.id } }).exec();
  const items = new Map(itemDocs.map((d) => [d.id, d]));
  const groups = checkKeep(options.keep ?? [], items);
  options.signal?.throwIfAborted();

  const erasedAt = now();
  const kept: KeptGroup[] = [];
  const minimise = options.minimise ?? dropSubjectId(subject.id);
  try {
    for (const [index, group] of groups.entries()) {
      report('keeping', index, groups.length);
      kept.push(await keepGroup(session, subject, group, items, options.requestId, minimise, erasedAt));
      options.signal?.throwIfAborted();
    }
  } catch (error) {
    // Nothing was destroyed yet: the copies go, and the person stays as they were.
    for (const k of kept)
      await retainedRecords(session)
        .remove(k.retainedSubjectId)
        .catch(() => undefined);
    throw error;
  }

  report('erasing', 0, 1);
  const removed = await purgeSubjects(session, [subject.id]);
  for (const k of kept) {
    for (const [kind, n] of Object.entries(k.kinds)) removed[kind] = (removed[kind] ?? 0) - n;
  }
  const erased = Object.fromEntries(Object.entries(removed).filter(([, n]) => n > 0));
  report('erasing', 1, 1);

  report('certifying', 0, 1);
  const ledger = options.ledger ?? null;
  const deviceId = ledger?.deviceId ?? (await session.audit.deviceId());
  const userId = ledger?.userId ?? session.audit.actor;
  const certificate: ErasureCertificate = {
    requestId: options.requestId,
    subjectId: subject.id,
    subjectKind: subject.kind,
    erasedAt,
    erasedBy: userId,
    erased,
    kept: kept.map((k) => ({
      exception: k.group.exception,
      note: k.group.note,
      retainedSubjectId: k.retainedSubjectId,
      itemCount: k.group.itemIds.length,
      kinds: k.kinds,
      ...(k.group.retainUntil ? { retainUntil: k.group.retainUntil } : {}),
    })),
    ledger: ledger ? 'queued' : 'local-only',
    devices: [{ deviceId, userId, confirmedAt: erasedAt }],
    checkedAt: null,
  };
  const certificates = session.compliance(ERASURE_CERTIFICATE_CONFIG);
  const certificateId = certificateIdFor(subject.id);
  await certificates.put(certificate, certificateId);
  // Queued even for a local-only vault: linking it to a server later sends it (ErasureSync).
  await queueErasure(session, { subjectId: subject.id, requestId: options.requestId, erasedAt });
  await step({
    action: 'erasure',
    kind: subject.kind,
    recordIds: [subject.id, ...kept.map((k) => k.retainedSubjectId)],
    requestId: options.requestId,
    details: {
      erased: Object.values(erased).reduce((a, b) => a + b, 0),
      kept: kept.reduce((n, k) => n + k.group.itemIds.length, 0),
      ledger: certificate.ledger,
    },
  });
  report('certifying', 1, 1);

  if (ledger) {
    report('ledger', 0, 1);
    // Offline or refused: it stays queued and goes with the next sync; the certificate says 'queued'.
    await ledger.flushQueue().catch(() => undefined);
    report('ledger', 1, 1);
  }
  return (await certificates.get(certificateId)).data;
};
