import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  auditSignedText,
  entryHash,
  verifyChains,
  GENESIS_HASH,
  type VerifySignature,
} from '../../../../shared/audit/chain';
import { loadSodium } from '../../../../shared/crypto/sodium';
import { newSigningPair, signerFrom, verifySignature, type DeviceSigner } from '../../../../shared/crypto';
import type { AuditDoc } from '../../../../shared/store/schemas';
import type { Session } from '../../../../shared/vault/session';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases, useMemoryVaults } from '../../../helpers/vaults';
import { annelies } from '../../../fixtures/people';

const open = useMemoryVaults();
const newDatabase = useMemoryDatabases();

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const rawDocs = async (session: Session) =>
  (await session.db.audit.find().exec()).map((d) => d.toJSON() as AuditDoc).sort((a, b) => a.seq - b.seq);

/** Checks signatures with real libsodium, as a client's verify() does. */
const libsodiumVerify = async (): Promise<VerifySignature> => {
  const sodium = await loadSodium();
  return (key, text, sig) => verifySignature(sodium, key, text, sig);
};

/**
 * What someone who can write the stored entries (but holds no device's signing key) does to hide a
 * change: from `fromSeq` on, every entry's prevHash and hash are recomputed, so each hash matches its
 * contents and links to the one before. With `signer`, the rewritten entries are signed again with it.
 */
const rechain = (docs: readonly AuditDoc[], fromSeq: number, signer?: DeviceSigner): AuditDoc[] => {
  const out: AuditDoc[] = [];
  for (const doc of [...docs].sort((a, b) => a.seq - b.seq)) {
    if (doc.seq < fromSeq) {
      out.push(doc);
      continue;
    }
    const prevHash = out.at(-1)?.hash ?? GENESIS_HASH;
    const hash = entryHash(nodeSha256, { ...doc, prevHash });
    out.push({
      ...doc,
      prevHash,
      hash,
      ...(signer && { signer: signer.publicKey, sig: signer.sign(auditSignedText(hash)) }),
    });
  }
  return out;
};

/** Five signed entries of one device, as stored. */
const fiveEntries = async () => {
  const session = await open();
  for (let i = 0; i < 5; i++)
    await session.audit.record({ action: 'view', kind: 'person', recordIds: [`p${i}`] });
  const docs = await rawDocs(session);
  const device = await session.audit.deviceId();
  // The head the server anchored when the device last synced, with the key it bound the chain to.
  const anchor = { deviceId: device, seq: 5, hash: docs[4]!.hash, signer: docs[0]!.signer! };
  return { session, docs, device, anchor };
};

describe('audit trail', () => {
  it('records who did what to which ids, encrypted, chained and in order', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    session.audit.setActor('user-anna');
    await Promise.all([
      session.audit.record({ action: 'view', kind: 'person', recordIds: [person.id] }),
      session.audit.record({ action: 'update', kind: 'person', recordIds: [person.id] }),
      session.audit.record({
        action: 'export',
        kind: 'campaign-list',
        recordIds: ['x1', 'x2'],
        purposeId: 'p1',
      }),
    ]);
    const docs = await rawDocs(session);
    expect(docs.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(docs[0]!.prevHash).toBe(GENESIS_HASH);
    expect(docs[1]!.prevHash).toBe(docs[0]!.hash);
    // Ciphertext only: not even the action or the ids are readable without the organisation key.
    expect(JSON.stringify(docs)).not.toContain(person.id);
    expect(JSON.stringify(docs)).not.toContain('campaign-list');

    const device = await session.audit.deviceId();
    const { entries } = await session.audit.entries({ recordId: person.id });
    expect(entries.map((e) => e.action).sort()).toEqual(['update', 'view']);
    expect(entries.every((e) => e.actor === 'user-anna' && e.deviceId === device)).toBe(true);
    expect(await session.audit.verify()).toMatchObject({ intact: true, devices: 1, entries: 3 });
  });

  it('the server can check the chain with its own SHA-256, without the key', async () => {
    const session = await open();
    for (let i = 0; i < 3; i++)
      await session.audit.record({ action: 'view', kind: 'person', recordIds: [`p${i}`] });
    expect(verifyChains(nodeSha256, await rawDocs(session)).intact).toBe(true);
  });

  it('reports exactly where a chain was altered, cut or rewritten', async () => {
    const session = await open();
    for (let i = 0; i < 5; i++)
      await session.audit.record({ action: 'view', kind: 'person', recordIds: [`p${i}`] });
    const docs = await rawDocs(session);
    const device = await session.audit.deviceId();

    const altered = docs.map((d) => (d.seq === 3 ? { ...d, at: d.at + 1 } : d));
    expect(verifyChains(nodeSha256, altered).breaks).toEqual([
      { deviceId: device, seq: 3, id: docs[2]!.id, problem: 'altered' },
    ]);

    const cut = docs.filter((d) => d.seq !== 2);
    expect(verifyChains(nodeSha256, cut).breaks).toEqual([
      { deviceId: device, seq: 2, id: null, problem: 'missing' },
    ]);

    const anchor = { deviceId: device, seq: 5, hash: docs[4]!.hash };
    expect(verifyChains(nodeSha256, docs.slice(0, 4), [anchor]).breaks).toEqual([
      { deviceId: device, seq: 5, id: null, problem: 'behind-anchor' },
    ]);
    expect(verifyChains(nodeSha256, docs, [anchor]).intact).toBe(true);
  });

  it('continues the chain after the vault is locked and unlocked', async () => {
    const vault = await testVault(await newDatabase());
    const first = await vault.create(PASSPHRASE);
    await first.audit.record({ action: 'sign-in', kind: 'session', recordIds: [] });
    first.lock();
    const second = await vault.unlock(PASSPHRASE);
    await second.audit.record({ action: 'sign-in', kind: 'session', recordIds: [] });
    expect((await rawDocs(second)).map((d) => d.seq)).toEqual([1, 2]);
    expect((await second.audit.verify()).intact).toBe(true);
  });

  it('catches a chain rewritten and consistently re-hashed, by the anchor and by the device signatures', async () => {
    const { session, docs, device, anchor } = await fiveEntries();
    const verify = await libsodiumVerify();
    // Entry 3 is backdated by a day, and every hash from there on recomputed.
    const rewritten = rechain(
      docs.map((d) => (d.seq === 3 ? { ...d, at: d.at - 86_400_000 } : d)),
      3,
    );
    expect(rewritten[2]!.hash).not.toBe(docs[2]!.hash);
    // The hashes alone cannot tell: the rewrite is consistent, which is why anchors and signatures exist.
    expect(verifyChains(nodeSha256, rewritten).intact).toBe(true);

    // The server's anchor no longer matches the head.
    expect(verifyChains(nodeSha256, rewritten, [anchor]).breaks).toEqual([
      { deviceId: device, seq: 5, id: docs[4]!.id, problem: 'behind-anchor' },
    ]);
    // The device's signatures were made over the old hashes.
    expect(verifyChains(nodeSha256, rewritten, [], verify).breaks).toEqual([
      { deviceId: device, seq: 3, id: docs[2]!.id, problem: 'bad-signature' },
    ]);
    // Signed again with a key of the rewriter's own: not the key the chain began with.
    const intruder = signerFrom(await loadSodium(), newSigningPair(await loadSodium()));
    const resigned = rechain(
      docs.map((d) => (d.seq === 3 ? { ...d, at: d.at - 86_400_000 } : d)),
      3,
      intruder,
    );
    expect(verifyChains(nodeSha256, resigned, [], verify).breaks).toEqual([
      { deviceId: device, seq: 3, id: docs[2]!.id, problem: 'bad-signature' },
    ]);
    // The whole chain rewritten and signed with the intruder's key from entry 1 on is consistent in
    // itself; the signer the server bound the chain to (and its head) still give it away.
    const whole = rechain(
      docs.map((d) => (d.seq === 3 ? { ...d, at: d.at - 86_400_000 } : d)),
      1,
      intruder,
    );
    expect(verifyChains(nodeSha256, whole, [], verify).intact).toBe(true);
    expect(verifyChains(nodeSha256, whole, [anchor], verify).breaks).toEqual([
      { deviceId: device, seq: 1, id: docs[0]!.id, problem: 'bad-signature' },
    ]);
    expect(verifyChains(nodeSha256, whole, [{ ...anchor, signer: null }]).breaks).toEqual([
      { deviceId: device, seq: 5, id: docs[4]!.id, problem: 'behind-anchor' },
    ]);

    // And the device's own check, over what its store holds after the rewrite, reports it.
    await session.db.audit.bulkUpsert(rewritten);
    expect(await session.audit.verify()).toMatchObject({
      intact: false,
      breaks: [{ deviceId: device, seq: 3, id: docs[2]!.id, problem: 'bad-signature' }],
    });
  });

  it('catches reordered entries, whether their links are left or recomputed', async () => {
    const { docs, device, anchor } = await fiveEntries();
    const verify = await libsodiumVerify();
    const swapped = docs.map((d) => (d.seq === 2 ? { ...d, seq: 3 } : d.seq === 3 ? { ...d, seq: 2 } : d));
    // Entries 2 and 3 change places: the new second entry does not continue from the first.
    expect(verifyChains(nodeSha256, swapped).breaks).toEqual([
      { deviceId: device, seq: 2, id: docs[2]!.id, problem: 'broken-link' },
    ]);
    // Swapped and every link from there on recomputed: the signatures, and the anchor, still tell.
    const relinked = rechain(swapped, 2);
    expect(relinked.map((d) => d.id)).toEqual(
      [docs[0], docs[2], docs[1], docs[3], docs[4]].map((d) => d!.id),
    );
    expect(verifyChains(nodeSha256, relinked).intact).toBe(true);
    expect(verifyChains(nodeSha256, relinked, [], verify).breaks).toEqual([
      { deviceId: device, seq: 2, id: docs[2]!.id, problem: 'bad-signature' },
    ]);
    expect(verifyChains(nodeSha256, relinked, [anchor]).breaks).toEqual([
      { deviceId: device, seq: 5, id: docs[4]!.id, problem: 'behind-anchor' },
    ]);
    // The order entries are handed over in is not their order: the chain is read by sequence number.
    expect(verifyChains(nodeSha256, [...docs].reverse(), [anchor], verify).intact).toBe(true);
  });
});
