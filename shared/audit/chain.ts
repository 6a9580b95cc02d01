// The audit trail's hash chain. Each device appends entries numbered 1, 2, 3...; each entry's hash is the
// SHA-256 of the previous entry's hash and this entry's plaintext metadata and ciphertext. Anyone holding
// the entries — the server included, which cannot decrypt them — can check that none was changed,
// removed or slipped in, and the server anchors each device's head so a rewritten history shows.
import type { AuditDoc } from '../store';

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over UTF-8 text, hex: libsodium on clients, node:crypto on the server. */
export type Sha256Hex = (text: string) => string;

/** The fields the hash covers: the signature and its key are outside it (they sign the hash). */
type Hashed = Omit<AuditDoc, 'hash' | 'signer' | 'sig'>;

/** What the device signs: the entry's hash, which covers everything else in it and the chain before it. */
export const auditSignedText = (hash: string): string => `kluis-audit-v1\n${hash}`;

/** Checks an Ed25519 signature (base64 key and signature): libsodium on clients, node:crypto on the server. */
export type VerifySignature = (publicKey: string, text: string, signature: string) => boolean;

export const chainInput = (doc: Hashed): string =>
  [doc.prevHash, doc.id, doc.deviceId, String(doc.seq), String(doc.at), doc.keyId, doc.payload].join('\n');

export const entryHash = (sha256: Sha256Hex, doc: Hashed): string => sha256(chainInput(doc));

export type ChainProblem =
  /** An entry's hash does not match its contents: it was altered. */
  | 'altered'
  /** An entry does not continue from the one before it: one was removed or replaced. */
  | 'broken-link'
  /** A sequence number is missing: an entry was removed. */
  | 'missing'
  /** The chain is shorter than, or differs from, the head the server anchored. */
  | 'behind-anchor'
  /** An entry carries no device signature (written before device keys existed). */
  | 'unsigned'
  /** An entry's signature does not verify, or it was signed by another key than the chain's first entry. */
  | 'bad-signature';

export interface ChainBreak {
  readonly deviceId: string;
  /** The sequence number where the chain breaks. */
  readonly seq: number;
  /** The entry found there, if any. */
  readonly id: string | null;
  readonly problem: ChainProblem;
}

export interface ChainReport {
  readonly intact: boolean;
  readonly devices: number;
  readonly entries: number;
  /** Every device chain's first break (a chain is only checked up to its first break). */
  readonly breaks: readonly ChainBreak[];
}

export interface Anchor {
  readonly deviceId: string;
  readonly seq: number;
  readonly hash: string;
  /** The signing key the server bound the chain to; absent from servers and anchors of before. */
  readonly signer?: string | null;
}

/**
 * Verifies every device's chain; with anchors, also that no chain lost entries the server had seen. With
 * `verify`, also each entry's device signature: every entry of a chain must be signed by one key, the
 * anchored signer where the server recorded one, so no other device can extend a chain or rewrite it.
 */
export const verifyChains = (
  sha256: Sha256Hex,
  docs: readonly AuditDoc[],
  anchors: readonly Anchor[] = [],
  verify?: VerifySignature,
): ChainReport => {
  const byDevice = new Map<string, AuditDoc[]>();
  for (const doc of docs) {
    const list = byDevice.get(doc.deviceId) ?? [];
    list.push(doc);
    byDevice.set(doc.deviceId, list);
  }
  for (const anchor of anchors) if (!byDevice.has(anchor.deviceId)) byDevice.set(anchor.deviceId, []);
  const anchorOf = new Map(anchors.map((a) => [a.deviceId, a]));
  const breaks: ChainBreak[] = [];
  for (const [deviceId, list] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.seq - b.seq);
    const found = checkDevice(sha256, deviceId, list, anchorOf.get(deviceId), verify);
    if (found) breaks.push(found);
  }
  return { intact: breaks.length === 0, devices: byDevice.size, entries: docs.length, breaks };
};

const checkDevice = (
  sha256: Sha256Hex,
  deviceId: string,
  list: readonly AuditDoc[],
  anchor: Anchor | undefined,
  verify: VerifySignature | undefined,
): ChainBreak | null => {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let signer = anchor?.signer ?? list[0]?.signer ?? null;
  for (const doc of list) {
    if (doc.seq !== expected) return { deviceId, seq: expected, id: null, problem: 'missing' };
    if (doc.prevHash !== prevHash) return { deviceId, seq: doc.seq, id: doc.id, problem: 'broken-link' };
    if (entryHash(sha256, doc) !== doc.hash)
      return { deviceId, seq: doc.seq, id: doc.id, problem: 'altered' };
    if (verify) {
      if (!doc.sig || !doc.signer) return { deviceId, seq: doc.seq, id: doc.id, problem: 'unsigned' };
      signer ??= doc.signer;
      if (doc.signer !== signer || !verify(signer, auditSignedText(doc.hash), doc.sig))
        return { deviceId, seq: doc.seq, id: doc.id, problem: 'bad-signature' };
    }
    if (anchor && doc.seq === anchor.seq && doc.hash !== anchor.hash) {
      return { deviceId, seq: doc.seq, id: doc.id, problem: 'behind-anchor' };
    }
    prevHash = doc.hash;
    expected++;
  }
  if (anchor && anchor.seq >= expected)
    return { deviceId, seq: expected, id: null, problem: 'behind-anchor' };
  return null;
};
