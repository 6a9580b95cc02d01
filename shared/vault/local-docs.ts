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

/** Writes by this device's local documents are serialised by one chain. */
let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `run` on the chain that serialises local-document writes: what it reads and writes no other write
 * of a local document interleaves with. It must not itself wait on the chain (changeLocalDoc).
 */
export const onLocalDocChain = <T>(run: () => Promise<T>): Promise<T> => {
  const result = tail.then(run);
  tail = result.catch(() => undefined);
  return result;
};

/**
 * Seals and stores one document (on the chain, onLocalDocChain, when others may change it); answers the
 * payload stored, as localDocPayload would.
 */
export const writeLocalDoc = async <T>(vault: LocalVault, id: string, value: T): Promise<string> => {
  const payload = vault.cipher.sealJson(value, vault.orgKey, address(vault, id));
  await vault.db.vault.upsert({ id, payload, updatedAt: Date.now() });
  return payload;
};

/** The stored (sealed) payload of one document, or null: to tell whether it changed since it was read. */
export const localDocPayload = async (vault: LocalVault, id: string): Promise<string | null> =>
  (await vault.db.vault.findOne(id).exec())?.payload ?? null;

/** The stored payloads of several documents, in the order of `ids` (null: none), read at once. */
export const localDocPayloads = async (
  vault: LocalVault,
  ids: readonly string[],
): Promise<(string | null)[]> => {
  const docs = await vault.db.vault.findByIds([...ids]).exec();
  return ids.map((id) => docs.get(id)?.payload ?? null);
};

/** The ids of the stored documents whose id starts with `prefix`. */
export const localDocIds = async (vault: LocalVault, prefix: string): Promise<string[]> =>
  (await vault.db.vault.find({ selector: { id: { $gt: prefix, $lt: `${prefix}\uffff` } } }).exec()).map(
    (doc) => doc.id,
  );

/**
 * The value of a payload localDocPayload answered; throws when it does not open (sealed for another
 * document, damaged), for documents whose loss must not pass for an empty value.
 */
export const openLocalDocStrict = <T>(vault: LocalVault, id: string, payload: string): T =>
  vault.cipher.openJson(payload, vault.orgKey, address(vault, id)) as T;

/** Removes documents (on the chain). */
export const removeLocalDocs = async (vault: LocalVault, ids: readonly string[]): Promise<void> => {
  if (ids.length) await vault.db.vault.bulkRemove([...ids]);
};

/** Read-modify-write of one sealed document; writes are serialised per device by this chain. */
export const changeLocalDoc = <T>(
  vault: LocalVault,
  id: string,
  fallback: T,
  next: (current: T) => T,
): Promise<T> =>
  onLocalDocChain(async () => {
    const value = next(await readLocalDoc(vault, id, fallback));
    await writeLocalDoc(vault, id, value);
    return value;
  });
