// Insider against the audit trail, over HTTP on both adapters: a sales member's device, holding the
// organisation key like every member, cannot extend the admin device's chain — a clear 403, the anchored
// head unchanged — and the admin's device goes on writing its own chain afterwards.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../shared/audit/chain';
import type { AuditWire } from '../../../shared/sync/protocol';
import { ADAPTER_NAMES } from './adapters';
import { addMember, auditEntry, call, createOrganisation, type DeviceKey } from './harness';
import { useServerFixture } from './server-fixture';

/** An entry on `chainId`'s chain signed by `key`; its id names the key, so two devices' entries differ. */
const entry = (key: DeviceKey, chainId: string, seq: number, prevHash: string): AuditWire =>
  auditEntry(
    key,
    chainId,
    seq,
    prevHash,
    `${chainId}e${seq}${key.publicKey.slice(0, 6).replace(/[^A-Za-z0-9]/g, 'x')}`,
  );

describe.each(ADAPTER_NAMES)('audit chains are bound to their device (%s)', (adapter) => {
  const fixture = useServerFixture(adapter);

  it("refuses a sales device's entry on the admin device's chain with 403, and the admin's chain goes on", async () => {
    const admin = await createOrganisation(fixture.server.url);
    const sales = await addMember(fixture.server.url, admin, 'sales');
    const push = (token: string, docs: AuditWire[]) =>
      call(fixture.server.url, 'POST', '/sync/audit/push', {
        token,
        body: docs.map((newDocumentState) => ({ newDocumentState })),
      });

    const first = entry(admin.signing, 'adminchain', 1, GENESIS_HASH);
    expect((await push(admin.token, [first])).status).toBe(200);
    const intruding = entry(sales.signing, 'adminchain', 2, first.hash);
    expect(await push(sales.token, [intruding])).toEqual({
      status: 403,
      body: { ok: false, error: 'audit-chain-foreign' },
    });
    // Signed with the sales device's key but claiming the admin's: unsigned.
    expect(await push(sales.token, [{ ...intruding, signer: admin.signing.publicKey }])).toEqual({
      status: 403,
      body: { ok: false, error: 'audit-unsigned' },
    });
    expect(await fixture.storage.auditAnchors(admin.orgId)).toEqual([
      { deviceId: 'adminchain', seq: 1, hash: first.hash, signer: admin.signing.publicKey },
    ]);
    expect((await fixture.storage.pull(admin.orgId, 'audit', 0, 10)).docs).toHaveLength(1);

    expect((await push(admin.token, [entry(admin.signing, 'adminchain', 2, first.hash)])).status).toBe(200);
    // The sales device writes its own chain freely.
    expect((await push(sales.token, [entry(sales.signing, 'saleschain', 1, GENESIS_HASH)])).status).toBe(200);
    expect((await fixture.storage.auditAnchors(admin.orgId)).map((a) => [a.deviceId, a.seq]).sort()).toEqual([
      ['adminchain', 2],
      ['saleschain', 1],
    ]);
  });
});
