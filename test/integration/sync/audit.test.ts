// The audit trail across devices: entries replicate encrypted, the server checks each device's chain as
// it arrives and anchors its head, a forged entry is refused, and the offline verification finds an entry
// altered in the server's database. Both storage adapters.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStoredAudit } from '../../../server/audit';
import { auditSignedText, entryHash, GENESIS_HASH } from '../../../shared/audit/chain';
import { loadSodium } from '../../../shared/crypto/sodium';
import type { AuditDoc } from '../../../shared/store/schemas';
import { twoDevices, type TwoDevices } from './two-devices';

let devices: TwoDevices | undefined;
afterEach(async () => {
  await devices?.close();
  devices = undefined;
});

const push = (d: TwoDevices, token: string, rows: unknown[]) =>
  fetch(`${d.server.url}/sync/audit/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(rows),
  });

describe.each(['sqlite', 'postgres'] as const)('audit trail sync (%s)', (adapter) => {
  it('replicates entries, anchors each device chain, and refuses a forged entry', async () => {
    devices = await twoDevices(adapter);
    const { a, b } = devices;
    await a.session.audit.record({ action: 'view', kind: 'person', recordIds: ['p1'] });
    await a.session.audit.record({ action: 'export', kind: 'campaign-list', recordIds: ['p1', 'p2'] });
    await b.session.audit.record({ action: 'view', kind: 'person', recordIds: ['p2'] });
    await a.sync.start();
    await a.sync.stop();
    await b.sync.start();
    await b.sync.stop();

    const { entries } = await b.session.audit.entries();
    expect(entries.map((e) => e.action).sort()).toEqual(['export', 'view', 'view']);
    const anchors = await devices.storage.auditAnchors(a.link.orgId);
    expect(anchors.map((x) => x.seq).sort()).toEqual([1, 2]);
    expect((await b.session.audit.verify(anchors)).intact).toBe(true);

    // A device that rewrites its history (a new first entry) is refused.
    const own = (await a.db.audit.find().exec()).map((d) => d.toJSON() as AuditDoc);
    const forged = { ...own[0]!, id: 'forged0000000000000001', prevHash: GENESIS_HASH, _deleted: false };
    const refused = await push(devices, a.link.token, [{ newDocumentState: forged }]);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, error: 'audit-chain' });

    expect([...(await verifyStoredAudit(devices.storage)).values()][0]).toMatchObject({
      intact: true,
      entries: 3,
    });
  });

  it('the offline verification names the entry altered in the server database', async () => {
    devices = await twoDevices(adapter);
    const { a } = devices;
    for (let i = 0; i < 3; i++)
      await a.session.audit.record({ action: 'view', kind: 'person', recordIds: [`p${i}`] });
    await a.sync.start();
    await a.sync.stop();
    // Someone with write access to the database swaps the second entry's ciphertext for the first's.
    const stored = (await devices.storage.pull(a.link.orgId, 'audit', 0, 100)).docs.map(
      (d) => JSON.parse(d.doc) as AuditDoc & { _deleted: false },
    );
    const first = stored.find((d) => d.seq === 1)!;
    const second = stored.find((d) => d.seq === 2)!;
    const tampered = { ...second, payload: first.payload };
    const written = await devices.storage.push(
      a.link.orgId,
      'audit',
      [{ id: second.id, doc: JSON.stringify(tampered), deleted: false, assumed: JSON.stringify(second) }],
      Date.now(),
    );
    expect(written).toMatchObject({ ok: true, conflicts: [] });
    const report = [...(await verifyStoredAudit(devices.storage)).values()][0]!;
    expect(report.intact).toBe(false);
    expect(report.breaks).toEqual([
      { deviceId: await a.session.audit.deviceId(), seq: 2, id: second.id, problem: 'altered' },
    ]);
  });

  it("another device cannot extend a device's chain, nor stall it; a signature changed in the database is named", async () => {
    devices = await twoDevices(adapter);
    const { a, b } = devices;
    await a.session.audit.record({ action: 'view', kind: 'person', recordIds: ['p1'] });
    await a.sync.start();
    await a.sync.stop();
    await b.sync.start();
    await b.sync.stop();
    // B holds A's entries and the organisation key: it builds the next link of A's chain and signs it.
    const chainId = await a.session.audit.deviceId();
    const head = (await b.db.audit.find({ selector: { deviceId: chainId } }).exec())[0]!.toJSON() as AuditDoc;
    const sodium = await loadSodium();
    const sha256 = (text: string) => sodium.to_hex(sodium.crypto_hash_sha256(sodium.from_string(text)));
    const body = {
      id: 'intruder00000000000001',
      deviceId: chainId,
      seq: 2,
      at: Date.now(),
      keyId: head.keyId,
      payload: head.payload,
      prevHash: head.hash,
    };
    const hash = entryHash(sha256, body);
    const signerB = await b.session.deviceSigner();
    const intruding = {
      ...body,
      hash,
      signer: signerB.publicKey,
      sig: signerB.sign(auditSignedText(hash)),
      _deleted: false,
    };
    const refused = await push(devices, b.link.token, [{ newDocumentState: intruding }]);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: 'audit-chain-foreign' });
    // Claiming A's key with B's signature is refused as unsigned.
    const claimed = { ...intruding, signer: head.signer };
    const unsigned = await push(devices, b.link.token, [{ newDocumentState: claimed }]);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ ok: false, error: 'audit-unsigned' });
    expect((await devices.storage.auditAnchors(a.link.orgId)).find((x) => x.deviceId === chainId)?.seq).toBe(
      1,
    );

    // A's own chain goes on.
    await a.session.audit.record({ action: 'export', kind: 'person', recordIds: ['p1'] });
    await a.sync.start();
    await a.sync.stop();
    expect((await devices.storage.auditAnchors(a.link.orgId)).find((x) => x.deviceId === chainId)?.seq).toBe(
      2,
    );
    expect([...(await verifyStoredAudit(devices.storage)).values()][0]).toMatchObject({ intact: true });

    // Someone with write access to the database re-signs A's second entry with B's key: the offline
    // verification (npm run server -- --verify-audit) names it.
    const stored = (await devices.storage.pull(a.link.orgId, 'audit', 0, 100)).docs
      .map((d) => JSON.parse(d.doc) as AuditDoc & { _deleted: false })
      .find((d) => d.deviceId === chainId && d.seq === 2)!;
    const resigned = {
      ...stored,
      signer: signerB.publicKey,
      sig: signerB.sign(auditSignedText(stored.hash)),
    };
    await devices.storage.push(
      a.link.orgId,
      'audit',
      [{ id: stored.id, doc: JSON.stringify(resigned), deleted: false, assumed: JSON.stringify(stored) }],
      Date.now(),
    );
    expect([...(await verifyStoredAudit(devices.storage)).values()][0]!.breaks).toEqual([
      { deviceId: chainId, seq: 2, id: stored.id, problem: 'bad-signature' },
    ]);
  });
});
