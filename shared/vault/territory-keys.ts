// The territory keys this device holds (issue 19; shared/territories): kept in the never-synced `vault`
// collection sealed to the user's public key, like the page keys (page-keys.ts), so an unlock that yields
// only the user's secret key opens them too. Keyed by the key id `t<tag>:<epoch>` their pages name.
import { fromBase64, fromUtf8, sealJsonTo, toBase64, type Sodium } from '../crypto';
import type { KluisDatabase } from '../store';

export const TERRITORY_KEYS_ID = 'territory-keys';

interface StoredTerritoryKeys {
  readonly v: 1;
  readonly keys: { keyId: string; key: string }[];
}

export const storeTerritoryKeys = async (
  db: KluisDatabase,
  sodium: Sodium,
  userPublicKey: Uint8Array,
  keys: ReadonlyMap<string, Uint8Array>,
): Promise<void> => {
  const json: StoredTerritoryKeys = {
    v: 1,
    keys: [...keys].map(([keyId, key]) => ({ keyId, key: toBase64(key) })),
  };
  await db.vault.upsert({
    id: TERRITORY_KEYS_ID,
    payload: sealJsonTo(sodium, json, userPublicKey),
    updatedAt: Date.now(),
  });
};

/** The stored territory keys; none for a device that holds no territory (or predates territories). */
export const loadTerritoryKeys = async (
  db: KluisDatabase,
  sodium: Sodium,
  userPublicKey: Uint8Array,
  userSecretKey: Uint8Array,
): Promise<Map<string, Uint8Array>> => {
  const doc = await db.vault.findOne(TERRITORY_KEYS_ID).exec();
  const keys = new Map<string, Uint8Array>();
  if (!doc) return keys;
  const plain = sodium.crypto_box_seal_open(fromBase64(doc.payload), userPublicKey, userSecretKey);
  const value = JSON.parse(fromUtf8(plain)) as Partial<StoredTerritoryKeys>;
  plain.fill(0);
  for (const entry of value.keys ?? []) {
    const key = fromBase64(entry.key);
    if (typeof entry.keyId === 'string' && key.length === 32) keys.set(entry.keyId, key);
  }
  return keys;
};
