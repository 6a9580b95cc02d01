import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { verifyChains, GENESIS_HASH } from '../../../../shared/audit/chain';
import type { KluisDatabase } from '../../../../shared/store/database';
import type { AuditDoc } from '../../../../shared/store/schemas';
import type { Session } from '../../../../shared/vault/session';
import { memoryDatabase, PASSPHRASE, testVault } from '../../../helpers/store';
import { annelies } from '../../../fixtures/people';

let db: KluisDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const open = async (): Promise<Session> => {
  db = await memoryDatabase();
  return (await testVault(db)).create(PASSPHRASE);
};

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const rawDocs = async (session: Session) =>
  (await session.db.audit.find().exec()).map((d) => d.toJSON() as AuditDoc).sort((a, b) => a.seq - b.seq);

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
    db = await memoryDatabase();
    const vault = await testVault(db);
    const first = await vault.create(PASSPHRASE);
    await first.audit.record({ action: 'sign-in', kind: 'session', recordIds: [] });
    first.lock();
    const second = await vault.unlock(PASSPHRASE);
    await second.audit.record({ action: 'sign-in', kind: 'session', recordIds: [] });
    expect((await rawDocs(second)).map((d) => d.seq)).toEqual([1, 2]);
    expect((await second.audit.verify()).intact).toBe(true);
  });
});
