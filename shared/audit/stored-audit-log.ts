// The audit trail kept in the `audit` collection: each entry encrypted with the organisation key and
// chained to this device's previous entry (chain.ts). Appends are serialised, so two quick actions never
// take the same sequence number.
import { z } from 'zod';
import type { EnvelopeCipher } from '../crypto';
import type { Sodium } from '../crypto';
import type { KluisDatabase } from '../store';
import type { AuditDoc } from '../store';
import { newId } from '../crypto';
import { AUDIT_ACTIONS, type AuditEvent, type AuditLog } from './audit-log';
import { verifySignature, type DeviceSigner } from '../crypto';
import {
  auditSignedText,
  entryHash,
  GENESIS_HASH,
  verifyChains,
  type Anchor,
  type ChainReport,
} from './chain';

/** What an entry holds once opened: the event, who did it, on which device. Never field contents. */
export const AuditEntryPayload = z.strictObject({
  action: z.enum(AUDIT_ACTIONS),
  kind: z.string().max(40),
  recordIds: z.array(z.string().max(64)).max(1_000_000),
  purposeId: z.string().max(64).optional(),
  requestId: z.string().max(64).optional(),
  batchId: z.string().max(64).optional(),
  details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  actor: z.string().max(64),
});
export type AuditEntryPayload = z.infer<typeof AuditEntryPayload>;

export interface AuditEntry extends AuditEntryPayload {
  readonly id: string;
  readonly deviceId: string;
  readonly seq: number;
  readonly at: number;
}

const AUDIT_DEVICE_DOC = 'audit-device';

export const auditAddress = (id: string, keyId: string) => ({ collection: 'audit', id, keyId }) as const;

export class StoredAuditLog implements AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private head: { seq: number; hash: string } | null = null;
  private deviceIdValue: string | null = null;
  /** The signed-in user's id, or 'local' for an unlinked vault; set by the app once it knows. */
  private actorId = 'local';

  constructor(
    private readonly db: KluisDatabase,
    private readonly cipher: EnvelopeCipher,
    private readonly sodium: Sodium,
    private readonly orgKey: () => Uint8Array,
    private readonly orgKeyId: string,
    /** This device's signing key (vault/device-signing.ts): every entry is signed when written. */
    private readonly signer: () => Promise<DeviceSigner>,
    private readonly now: () => number = Date.now,
  ) {}

  get actor(): string {
    return this.actorId;
  }

  setActor(userId: string): void {
    this.actorId = userId;
  }

  record(event: AuditEvent): Promise<void> {
    const payload = AuditEntryPayload.parse({ ...event, actor: this.actor });
    const next = this.tail.then(() => this.append(payload));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Every entry this device holds (its own and synced ones), opened, newest first. */
  async entries(filter: { recordId?: string } = {}): Promise<{ entries: AuditEntry[]; unreadable: number }> {
    const docs = await this.db.audit.find({ sort: [{ at: 'desc' }] }).exec();
    const entries: AuditEntry[] = [];
    let unreadable = 0;
    for (const doc of docs) {
      try {
        const data = AuditEntryPayload.parse(
          this.cipher.openJson(doc.payload, this.orgKey(), auditAddress(doc.id, doc.keyId)),
        );
        if (filter.recordId && !data.recordIds.includes(filter.recordId)) continue;
        entries.push({ ...data, id: doc.id, deviceId: doc.deviceId, seq: doc.seq, at: doc.at });
      } catch {
        unreadable++;
      }
    }
    // Newest first by time, but one device's entries in the order its chain holds them: a clock set back
    // (or two entries in one millisecond) must not show a step before the one that came first.
    entries.sort((a, b) => (a.deviceId === b.deviceId ? b.seq - a.seq : b.at - a.at));
    return { entries, unreadable };
  }

  /** Checks every chain this device holds and each entry's signature, against the server's anchors when given. */
  async verify(anchors: readonly Anchor[] = []): Promise<ChainReport> {
    const docs = (await this.db.audit.find().exec()).map((d) => d.toJSON() as AuditDoc);
    return verifyChains(this.sha256, docs, anchors, (key, text, sig) =>
      verifySignature(this.sodium, key, text, sig),
    );
  }

  private readonly sha256 = (text: string): string =>
    this.sodium.to_hex(this.sodium.crypto_hash_sha256(this.sodium.from_string(text)));

  /**
   * This device's chain id: random, made once per local database and kept in the never-synced vault
   * collection (a user's devices share the user's keyring, so they need ids of their own).
   */
  async deviceId(): Promise<string> {
    if (this.deviceIdValue) return this.deviceIdValue;
    const found = await this.db.vault.findOne(AUDIT_DEVICE_DOC).exec();
    if (found) return (this.deviceIdValue = found.payload);
    const id = newId();
    await this.db.vault.insert({ id: AUDIT_DEVICE_DOC, payload: id, updatedAt: this.now() });
    return (this.deviceIdValue = id);
  }

  private async append(payload: AuditEntryPayload): Promise<void> {
    const deviceId = await this.deviceId();
    const head = this.head ?? (await this.readHead(deviceId));
    const id = newId();
    const body = {
      id,
      deviceId,
      seq: head.seq + 1,
      at: this.now(),
      keyId: this.orgKeyId,
      payload: this.cipher.sealJson(payload, this.orgKey(), auditAddress(id, this.orgKeyId)),
      prevHash: head.hash,
    };
    const hash = entryHash(this.sha256, body);
    const signer = await this.signer();
    const doc: AuditDoc = {
      ...body,
      hash,
      signer: signer.publicKey,
      sig: signer.sign(auditSignedText(hash)),
    };
    await this.db.audit.insert(doc);
    this.head = { seq: doc.seq, hash: doc.hash };
  }

  private async readHead(deviceId: string): Promise<{ seq: number; hash: string }> {
    const last = await this.db.audit
      .findOne({ selector: { deviceId }, sort: [{ deviceId: 'desc' }, { seq: 'desc' }] })
      .exec();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }
}
