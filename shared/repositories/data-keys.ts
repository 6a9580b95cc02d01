// Per-subject data keys: one random key per person or organisation, wrapped by the organisation key and
// kept in the `keys` collection. Every record about the subject is encrypted with it, so destroying it
// (crypto-shredding) makes every copy unreadable: on offline laptops and in old backups alike.
import { randomBytes, wipe } from '../crypto/bytes';
import type { EnvelopeCipher } from '../crypto/envelope';
import type { KeyDoc } from '../store/schemas';
import type { KluisDatabase } from '../store/database';

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
  constructor(readonly subjectId: string) {
    super(`No data key for subject ${subjectId}: it was erased or has not synced yet`);
  }
}

export class DataKeys {
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly db: KluisDatabase,
    private readonly cipher: EnvelopeCipher,
    private readonly orgKey: Uint8Array,
    private readonly orgKeyId: string,
  ) {}

  /** A new key for a new subject; the caller writes the returned document. */
  create(subjectId: string): { key: Uint8Array; doc: KeyDoc } {
    const key = randomBytes(32);
    const doc: KeyDoc = {
      id: subjectId,
      keyId: this.orgKeyId,
      payload: this.cipher.sealBytes(key, this.orgKey, this.address(subjectId)),
    };
    this.cache.set(subjectId, key);
    return { key, doc };
  }

  /** Unwraps a stored key document; throws EnvelopeError when it was tampered with. */
  unwrap(doc: KeyDoc): Uint8Array {
    const cached = this.cache.get(doc.id);
    if (cached) return cached;
    const key = this.cipher.openBytes(doc.payload, this.orgKey, {
      collection: 'keys',
      id: doc.id,
      keyId: doc.keyId,
    });
    this.cache.set(doc.id, key);
    return key;
  }

  async get(subjectId: string): Promise<Uint8Array> {
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const doc = await this.db.keys.findOne(subjectId).exec();
    if (!doc) throw new MissingKeyError(subjectId);
    return this.unwrap(doc.toJSON() as KeyDoc);
  }

  /** Loads many keys with one read; subjects without a key are left out of the result. */
  async getMany(subjectIds: readonly string[]): Promise<Map<string, KeyDoc>> {
    const missing = subjectIds.filter((id) => !this.cache.has(id));
    const found = missing.length ? await this.db.keys.findByIds(missing).exec() : new Map();
    const out = new Map<string, KeyDoc>();
    for (const [id, doc] of found) out.set(id, doc.toJSON() as KeyDoc);
    return out;
  }

  /** The key if it is already unwrapped in memory. */
  cached(subjectId: string): Uint8Array | undefined {
    return this.cache.get(subjectId);
  }

  /** Drops a key from memory only (e.g. after a rolled-back write). */
  forget(subjectId: string): void {
    wipe(this.cache.get(subjectId));
    this.cache.delete(subjectId);
  }

  /** Crypto-shredding: the key leaves memory and the store. */
  async destroy(subjectId: string): Promise<void> {
    wipe(this.cache.get(subjectId));
    this.cache.delete(subjectId);
    const doc = await this.db.keys.findOne(subjectId).exec();
    await doc?.remove();
  }

  clear(): void {
    for (const key of this.cache.values()) wipe(key);
    this.cache.clear();
  }

  private address(subjectId: string) {
    return { collection: 'keys', id: subjectId, keyId: this.orgKeyId } as const;
  }
}
