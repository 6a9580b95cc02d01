// A thief with copied bytes (database files, a server backup, a data directory) and the keys one member
// of the organisation holds, trying to read an erased person. It knows nothing of the medium: it reads
// every blob as raw bytes and pulls out what looks like Kluis material wherever it lies — JSON fields
// (also JSON kept as text inside JSON, and pg_dump's doubled backslashes), bare column values glued to
// their neighbours in an SQLite record, base64 runs anywhere. It then grows its key set to a fixpoint:
//
//   - every long base64 run is tried as a crypto_box_seal box with every key pair it has (the member's;
//     any secret key it opens on the way), also shifted past glued neighbours (ids, a short word);
//   - what opens is read: 32 bytes are a key; JSON gives its base64 keys, and its AEAD-wrapped values
//     (`wrapped`, `pageKey`, …) are unlocked with every key it has at every address the client uses for
//     them (rotation grants: vault/page-keys.ts; invite grants: sync/invite.ts);
//   - with a passphrase, every KDF material (`"kdf":"…"`) found is run through Argon2id, and every AEAD
//     value is tried as the user's wrapped secret key and as the passphrase box of the organisation key
//     and page key (vault/keyring.ts, vault/org-key-box.ts).
//
// Then every sealed data-key entry of the erased subject it found is tried with every key for every key
// id seen, and with each data key that opens, every record payload near the subject id is tried at the
// record address (shared/store/subject-repository.ts). The addresses are written out here, as a thief
// reading the source would; the tests' positive controls fail if they drift from the client's.
import { Buffer } from 'node:buffer';
import { EnvelopeCipher, type EnvelopeAddress } from '../../shared/crypto/envelope';
import type { Sodium } from '../../shared/crypto/sodium';
import { derivePassphraseKeys, kekAddress } from '../../shared/vault/keyring';
import type { KdfParams } from '../../shared/crypto/kdf';

export interface MemberKeys {
  readonly orgKey: Uint8Array;
  /** The member's page-key ring: current and any older key. */
  readonly pageKeys: readonly { readonly id: string; readonly key: Uint8Array }[];
  readonly userPublicKey: Uint8Array;
  readonly userSecretKey: Uint8Array;
  /** The member's user id: not secret, and the address of what is sealed to them. */
  readonly userId?: string;
  /** What the member types to unlock; the thief derives every key it yields from the copied KDF material. */
  readonly passphrase?: string;
}

export interface Figures {
  /** Bytes read. */
  readonly bytes: number;
  /** Base64 runs of at least 64 characters. */
  readonly base64Runs: number;
  /** Distinct byte strings tried as sealed boxes (alignments included). */
  readonly sealedCandidates: number;
  /** Sealed boxes that opened with a key pair the thief had. */
  readonly boxesOpened: number;
  /** AEAD values (k1…) found. */
  readonly envelopes: number;
  /** Distinct key ids (and other ids) tried. */
  readonly keyIds: number;
  /** KDF materials found, when the thief has a passphrase. */
  readonly kdfMaterials: number;
  /** Values opened with a passphrase-derived key. */
  readonly passphraseOpened: number;
  /** Keys the thief held at the end (32-byte symmetric keys). */
  readonly keys: number;
  /** Keys it found in the bytes beyond those it was given. */
  readonly keysFound: number;
  /** Distinct sealed entries of the erased subject found. */
  readonly subjectEntries: number;
  /** Distinct record payloads found near the erased subject's id. */
  readonly recordCandidates: number;
}

export interface Haul {
  readonly figures: Figures;
  /** The erased subject's data keys it opened, hex. */
  readonly dataKeys: string[];
  /** The erased subject's records it opened. */
  readonly records: { collection: string; id: string; plain: unknown }[];
  /** Ids of the page keys it found in the bytes (not given), as far as it could tell. */
  readonly foundKeyIds: string[];
}

const B64 = 'A-Za-z0-9+/';
const ESC = String.raw`(?:\\)*`; // JSON inside JSON: \" ; pg_dump doubles the backslash: \\"
const field = (names: string, value: string) =>
  new RegExp(String.raw`(?:${names})${ESC}"\s*:\s*${ESC}"(${value})`, 'g');
const ENVELOPE = `k1[${B64}]{40,}={0,2}`;
const ID = '[A-Za-z0-9_-]{6,80}';
const KEY_ID_FIELDS = field('keyId|epochId|previousEpochId|pageKeyId|orgKeyId|key_id|epoch_id', ID);
const KDF_FIELD = field('kdf', `[${B64}]{40,}={0,2}`);
const ENVELOPES = new RegExp(ENVELOPE, 'g');
const RUNS = new RegExp(`[${B64}]{64,}={0,2}`, 'g');
/** Ids as the client makes them (vault/keyring.ts newId): 36 hex digits, perhaps glued to another. */
const HEX_RUNS = /[0-9a-f]{36,}/g;
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const isKey = (bytes: Uint8Array | null | undefined): bytes is Uint8Array => bytes?.length === 32;

/** Decodes base64 leniently (a glued neighbour may have left it unpadded); null when it is not base64. */
const decode = (text: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
};

/** The byte strings a base64 run may hold: itself, and shifted starts and trimmed ends when it is bare. */
const alignments = (text: string, run: string, at: number): string[] => {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + run.length, at + run.length + 2);
  const quoted = /["\\]$/.test(before) && /^["\\]/.test(after);
  if (quoted) return [run];
  const out: string[] = [];
  const core = run.replace(/=+$/, '');
  const padded = core.length !== run.length;
  // A bare column value in an SQLite record follows the previous column's bytes directly: often ids (36
  // hex digits each: a grant follows its organisation, user and epoch ids), perhaps a short word. It may
  // precede a word too ('active'). Unpadded base64 of whole bytes is a multiple of 4 characters long.
  const ids = /^[0-9a-f]*/.exec(core)![0].length;
  for (let start = 0; start <= Math.min(ids + 8, core.length - 64); start++) {
    for (let end = core.length; end >= Math.max(start + 64, core.length - (padded ? 0 : 12)); end--) {
      if (!padded && (end - start) % 4 !== 0) continue;
      out.push(core.slice(start, end));
    }
  }
  return out;
};

interface Wrapped {
  readonly sealed: string;
  readonly addresses: readonly { address: EnvelopeAddress; keyId: string }[];
}

/** Runs the thief over one copy (its blobs) for one erased subject. */
export const rob = (
  sodium: Sodium,
  blobs: readonly Uint8Array[],
  subjectId: string,
  member: MemberKeys,
): Haul => {
  const cipher = new EnvelopeCipher(sodium);
  const texts = blobs.map((b) => Buffer.from(b).toString('latin1'));
  const bytes = blobs.reduce((n, b) => n + b.length, 0);

  // --- What the bytes hold -------------------------------------------------------------------------
  const entries = new Set<string>();
  const entryRe = new RegExp(`${escapeRe(subjectId)}${ESC}"\\s*:\\s*${ESC}"(${ENVELOPE})`, 'g');
  const ids = new Set<string>(member.pageKeys.map((k) => k.id));
  const envelopes = new Set<string>();
  const kdfMaterials = new Set<string>();
  const candidates = new Map<string, Uint8Array>();
  let runs = 0;
  const recordPayloads = new Set<string>();
  /** Record ids and key page ids seen within reach of the subject id. */
  const nearIds = new Set<string>([subjectId]);
  for (const text of texts) {
    for (const m of text.matchAll(entryRe)) entries.add(m[1]!);
    for (const m of text.matchAll(KEY_ID_FIELDS)) ids.add(m[1]!);
    for (const m of text.matchAll(HEX_RUNS)) {
      for (let i = 0; i + 36 <= m[0].length; i += 36) ids.add(m[0].slice(i, i + 36));
    }
    for (const m of text.matchAll(ENVELOPES)) envelopes.add(m[0]);
    for (const m of text.matchAll(KDF_FIELD)) kdfMaterials.add(m[1]!);
    for (const m of text.matchAll(RUNS)) {
      runs++;
      for (const candidate of alignments(text, m[0], m.index)) {
        const raw = decode(candidate);
        // crypto_box_seal adds 48 bytes; a k1 envelope is not a sealed box, but try it without its tag too.
        if (raw && raw.length >= 48) candidates.set(Buffer.from(raw).toString('base64'), raw);
        if (candidate.startsWith('k1')) {
          const inner = decode(candidate.slice(2).padEnd(Math.ceil((candidate.length - 2) / 4) * 4, '='));
          if (inner && inner.length >= 48) candidates.set(Buffer.from(inner).toString('base64'), inner);
        }
      }
    }
    // Records: payloads and ids within reach of each place the subject id appears.
    for (const at of text.matchAll(new RegExp(escapeRe(subjectId), 'g'))) {
      const window = text.slice(Math.max(0, at.index - 4000), at.index + 4000);
      for (const m of window.matchAll(field('payload', ENVELOPE))) recordPayloads.add(m[1]!);
      for (const m of window.matchAll(field('id|keyId', ID))) nearIds.add(m[1]!);
    }
  }

  // --- Keys, to a fixpoint --------------------------------------------------------------------------
  const keys = new Map<string, { id: string | null; key: Uint8Array; given: boolean }>();
  const addKey = (key: Uint8Array, id: string | null, given = false): boolean => {
    const h = hex(key);
    const known = keys.get(h);
    if (known) {
      if (id && !known.id) known.id = id;
      return false;
    }
    keys.set(h, { id, key: key.slice(), given });
    if (id) ids.add(id);
    return true;
  };
  addKey(member.orgKey, null, true);
  for (const k of member.pageKeys) addKey(k.key, k.id, true);
  const pairs = new Map<string, { publicKey: Uint8Array; secretKey: Uint8Array }>();
  const addPair = (secretKey: Uint8Array): boolean => {
    const h = hex(secretKey);
    if (pairs.has(h)) return false;
    pairs.set(h, { publicKey: sodium.crypto_scalarmult_base(secretKey), secretKey: secretKey.slice() });
    return true;
  };
  addPair(member.userSecretKey);
  const userIds = new Set<string>(member.userId ? [member.userId] : []);
  const wrapped = new Map<string, Wrapped>();
  const opened = new Set<string>(); // boxes and envelopes already read
  let boxesOpened = 0;
  let passphraseOpened = 0;

  const tryOpen = (sealed: string, key: Uint8Array, address: EnvelopeAddress): Uint8Array | null => {
    try {
      return cipher.openBytes(sealed, key, address);
    } catch {
      return null;
    }
  };

  /** Takes what an opened value holds: keys, ids, wrapped keys to try later. */
  const read = (plain: Uint8Array): boolean => {
    if (isKey(plain)) return addKey(plain, null);
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(plain).toString('utf8'));
    } catch {
      return false;
    }
    let grew = false;
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      const str = (k: string) => (typeof obj[k] === 'string' ? (obj[k] as string) : undefined);
      const userId = str('userId');
      if (userId) userIds.add(userId);
      for (const k of ['epochId', 'previousEpochId', 'pageKeyId', 'orgKeyId', 'id', 'keyId']) {
        const id = str(k);
        if (id) ids.add(id);
      }
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v === 'object') walk(v);
        if (typeof v !== 'string') continue;
        if (v.startsWith('k1')) {
          const users = userId ? [userId] : [...userIds];
          const addresses: Wrapped['addresses'][number][] = [];
          const epochId = str('epochId');
          const previousEpochId = str('previousEpochId');
          const pageKeyId = str('pageKeyId');
          for (const u of users) {
            if (epochId && previousEpochId) {
              addresses.push({
                address: { collection: 'page-key', id: u, keyId: `${previousEpochId}>${epochId}` },
                keyId: epochId,
              });
            }
            if (pageKeyId) {
              addresses.push({
                address: { collection: 'invite-page-key', id: u, keyId: pageKeyId },
                keyId: pageKeyId,
              });
            }
          }
          if (addresses.length) wrapped.set(`${k}|${v}`, { sealed: v, addresses });
          continue;
        }
        const raw = decode(v);
        if (isKey(raw)) {
          const id = k === 'orgKey' ? str('orgKeyId') : k === 'pageKey' ? str('pageKeyId') : str('id');
          grew = addKey(raw, id ?? null) || grew;
        }
      }
    };
    walk(value);
    return grew;
  };

  // Passphrase: every KDF material found, run once.
  const keks: Uint8Array[] = [];
  if (member.passphrase) {
    for (const text of kdfMaterials) {
      try {
        const material = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as {
          format?: 1 | 2;
          kdf?: KdfParams;
        };
        if (!material.kdf?.salt) continue;
        keks.push(derivePassphraseKeys(sodium, member.passphrase, material.kdf, material.format).kek);
      } catch {
        // not KDF material
      }
    }
  }

  const triedPairs = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    // The candidates are fixed; only key pairs not yet tried against them can open more.
    const fresh = [...pairs.entries()].filter(([h]) => !triedPairs.has(h));
    for (const [h] of fresh) triedPairs.add(h);
    for (const [id, raw] of candidates) {
      if (opened.has(id)) continue;
      for (const [, pair] of fresh) {
        let plain: Uint8Array;
        try {
          plain = sodium.crypto_box_seal_open(raw, pair.publicKey, pair.secretKey);
        } catch {
          continue;
        }
        opened.add(id);
        boxesOpened++;
        grew = read(plain) || grew;
        break;
      }
    }
    for (const kek of keks) {
      for (const sealed of envelopes) {
        if (opened.has(sealed)) continue;
        const secret = tryOpen(sealed, kek, kekAddress);
        if (isKey(secret)) {
          opened.add(sealed);
          passphraseOpened++;
          grew = addPair(secret) || grew;
          continue;
        }
        for (const userId of userIds) {
          const box = tryOpen(sealed, kek, { collection: 'account', id: userId, keyId: 'org-key-box' });
          if (!box) continue;
          opened.add(sealed);
          passphraseOpened++;
          grew = read(box) || grew;
          break;
        }
      }
    }
    for (const [name, w] of wrapped) {
      if (opened.has(name)) continue;
      search: for (const { key } of [...keys.values()]) {
        for (const { address, keyId } of w.addresses) {
          const plain = tryOpen(w.sealed, key, address);
          if (!isKey(plain)) continue;
          opened.add(name);
          grew = addKey(plain, keyId) || grew;
          break search;
        }
      }
    }
  }

  // --- The erased subject ---------------------------------------------------------------------------
  const dataKeys = new Map<string, Uint8Array>();
  for (const sealed of entries) {
    for (const { key } of keys.values()) {
      for (const keyId of ids) {
        const dk = tryOpen(sealed, key, { collection: 'keys', id: subjectId, keyId });
        if (isKey(dk)) dataKeys.set(hex(dk), dk);
      }
    }
  }
  const records: Haul['records'] = [];
  const pageIds = new Set([...nearIds, ...ids]);
  for (const payload of recordPayloads) {
    search: for (const dk of dataKeys.values()) {
      for (const collection of ['records', 'items']) {
        for (const id of nearIds) {
          for (const pageId of pageIds) {
            const address = { collection, id, keyId: `${pageId}:${subjectId}` };
            const plain = tryOpen(payload, dk, address);
            if (!plain) continue;
            records.push({
              collection,
              id,
              plain: JSON.parse(Buffer.from(plain).toString('utf8')) as unknown,
            });
            break search;
          }
        }
      }
    }
  }

  const found = [...keys.values()].filter((k) => !k.given);
  return {
    figures: {
      bytes,
      base64Runs: runs,
      sealedCandidates: candidates.size,
      boxesOpened,
      envelopes: envelopes.size,
      keyIds: ids.size,
      kdfMaterials: keks.length,
      passphraseOpened,
      keys: keys.size,
      keysFound: found.length,
      subjectEntries: entries.size,
      recordCandidates: recordPayloads.size,
    },
    dataKeys: [...dataKeys.keys()],
    records,
    foundKeyIds: found.map((k) => k.id ?? '?'),
  };
};
