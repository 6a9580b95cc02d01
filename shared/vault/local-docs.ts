// Small device-local documents in the never-synced `vault` collection, sealed with the organisation key:
// bookkeeping such as the erasures waiting for the server (erasure/erasure-local.ts) or the stale changes
// sync discarded (sync/discard-notice.ts). Not personal data, but sealed all the same.
import type { EnvelopeCipher } from '../crypto';
import type { KluisDatabase } from '../store';

/** The part of an unlocked session these documents need (a Session fits). */
export interface LocalVault {
  readonly db: KluisDatabase;
  readonly cipher: EnvelopeCipher;
  readonly orgKey: Uint8Array;
  readonly orgKeyId: string;
}

const address = (vault: LocalVault, id: string) =>
  ({ collection: 'vault', id, keyId: vault.orgKeyId }) as const;

/** The document's value, or `fallback` when there is none or it does not open. */
export const readLocalDoc = async <T>(vault: LocalVault, id: string, fallback: T): Promise<T> => {
  const doc = await vault.db.vault.findOne(id).exec();
  if (!doc) return fallback;
  try {
    return vault.cipher.openJson(doc.payload, vault.orgKey, address(vault, id)) as T;
  } catch {
    // Sealed under an earlier organisation key or damaged: start over rather than block sync.
    return fallback;
  }
};

/** Read-modify-write of one sealed document; writes are serialised per device by this chain. */
let tail: Promise<unknown> = Promise.resolve();
export const changeLocalDoc = <T>(
  vault: LocalVault,
  id: string,
  fallback: T,
  next: (current: T) => T,
): Promise<T> => {
  const run = tail.then(async () => {
    const value = next(await readLocalDoc(vault, id, fallback));
    const payload = vault.cipher.sealJson(value, vault.orgKey, address(vault, id));
    await vault.db.vault.upsert({ id, payload, updatedAt: Date.now() });
    return value;
  });
  tail = run.catch(() => undefined);
  return run;
};
