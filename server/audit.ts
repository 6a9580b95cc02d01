// The server's side of the audit trail (shared/audit/chain.ts): it cannot read entries, but it checks that
// each pushed entry continues its device's chain from the head it anchored, anchors the new head, and can
// verify every stored chain offline (`npm run server -- --verify-audit`).
import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditSignedText, entryHash, verifyChains, type ChainReport } from '../shared/audit';
import type { AuditWire } from '../shared/sync';
import { verifyEd25519 } from './signatures';
import type { AuditAnchor, Storage } from './storage/types';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Why a push of audit entries is refused: 403 for the first two, 409 for a chain that does not continue. */
export type AuditPushRefusal = 'audit-unsigned' | 'audit-chain-foreign' | 'audit-chain';

/**
 * Checks a push of audit entries against the anchored heads. Every entry must be signed by the pushing
 * device's registered key (`signer`), and a chain the server knows may be extended only with the key it
 * was first pushed with: so a member cannot append to another device's chain, nor stall it. A device's entries in one push must form one
 * unbroken segment of its chain (every link and hash valid) that either continues from the anchored head
 * or, for a retried push whose answer was lost, runs through the head with the head's own hash — so an
 * entry cannot be slipped in below the head. Returns the new heads, or null to refuse the push.
 */
export const checkAuditPush = (
  rows: readonly { newDocumentState: AuditWire; assumedMasterState?: AuditWire | null | undefined }[],
  anchors: readonly AuditAnchor[],
  signer: string | null,
): AuditAnchor[] | AuditPushRefusal => {
  if (rows.some((row) => row.assumedMasterState)) return 'audit-chain';
  if (signer === null) return 'audit-unsigned';
  for (const { newDocumentState: doc } of rows) {
    if (doc.signer !== signer || !verifyEd25519(signer, auditSignedText(doc.hash), doc.sig))
      return 'audit-unsigned';
  }
  const heads = new Map(anchors.map((a) => [a.deviceId, { seq: a.seq, hash: a.hash, signer: a.signer }]));
  const byDevice = new Map<string, AuditWire[]>();
  for (const { newDocumentState: doc } of rows) {
    byDevice.set(doc.deviceId, [...(byDevice.get(doc.deviceId) ?? []), doc]);
  }
  const moved: AuditAnchor[] = [];
  for (const [deviceId, docs] of byDevice) {
    const head = heads.get(deviceId) ?? { seq: 0, hash: GENESIS_HASH, signer: null };
    // A chain anchored before device keys existed has no signer to bind to: nobody may take it over, so
    // it is closed (its device, signed in again, starts a chain of its own).
    if (heads.has(deviceId) && head.signer !== signer) return 'audit-chain-foreign';
    docs.sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (entryHash(sha256Hex, doc) !== doc.hash) return 'audit-chain';
      const before = docs[i - 1];
      if (before && (doc.seq !== before.seq + 1 || doc.prevHash !== before.hash)) return 'audit-chain';
    }
    const first = docs[0]!;
    const last = docs[docs.length - 1]!;
    const continues = first.seq === head.seq + 1 && first.prevHash === head.hash;
    const retried = first.seq <= head.seq && docs.some((d) => d.seq === head.seq && d.hash === head.hash);
    if (!continues && !retried) return 'audit-chain';
    if (last.seq > head.seq) moved.push({ deviceId, seq: last.seq, hash: last.hash, signer });
  }
  return moved;
};

/** Verifies every organisation's stored chains against its anchors. */
export const verifyStoredAudit = async (storage: Storage): Promise<Map<string, ChainReport>> => {
  const byOrg = new Map<string, AuditWire[]>();
  for (const { orgId, doc } of await storage.allAuditDocs()) {
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), JSON.parse(doc) as AuditWire]);
  }
  const reports = new Map<string, ChainReport>();
  for (const [orgId, docs] of byOrg) {
    reports.set(orgId, verifyChains(sha256Hex, docs, await storage.auditAnchors(orgId), verifyEd25519));
  }
  return reports;
};
