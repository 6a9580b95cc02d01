// One suite for both storage adapters: the same behaviour from the embedded default and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage, StoredPushRow, UserRow } from '../../../server/storage/types';
import { ADAPTER_NAMES, ADAPTERS, deviceRow, type TestDatabase } from './adapters';

const admin = (id: string, orgId: string): UserRow => ({
  id,
  orgId,
  role: 'admin',
  verifierHash: 'ab'.repeat(32),
  inviteHash: null,
  keys: { kdf: 'a'.repeat(24), publicKey: 'b'.repeat(44), encryptedSecretKey: 'c'.repeat(60) },
  sealedOrgKey: 'd'.repeat(80),
});

const row = (id: string, doc: object, assumed: object | null = null, deleted = false): StoredPushRow => ({
  id,
  doc: JSON.stringify({ id, ...doc, _deleted: deleted }),
  deleted,
  assumed: assumed ? JSON.stringify({ id, ...assumed, _deleted: false }) : null,
});

describe.each(ADAPTER_NAMES)('storage: %s', (name) => {
  let database: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    database = await ADAPTERS[name]();
    storage = await database.open();
    await storage.migrate();
    expect(await storage.createOrganisation('org1', admin('u1', 'org1'), 1000)).toBe('ok');
  });
  afterEach(async () => {
    await storage.close();
    await database.destroy();
  });

  it('migrates twice without harm', async () => {
    await storage.migrate();
    expect(await storage.getUser('u1')).toMatchObject({ id: 'u1', orgId: 'org1', role: 'admin' });
  });

  it('refuses an existing organisation or user id, leaving nothing behind', async () => {
    expect(await storage.createOrganisation('org1', admin('u2', 'org1'), 1)).toBe('org-exists');
    expect(await storage.createOrganisation('org2', admin('u1', 'org2'), 1)).toBe('user-exists');
    expect(await storage.currentSequence('org2')).toBe(0);
    expect(await storage.createOrganisation('org2', admin('u2', 'org2'), 1)).toBe('ok');
  });

  it('assigns strictly increasing sequences per organisation', async () => {
    const first = await storage.push(
      'org1',
      'keys',
      [row('k1', { payload: 'x' }), row('k2', { payload: 'y' })],
      1,
    );
    expect(first).toEqual({ ok: true, conflicts: [], sequence: 2 });
    const second = await storage.push('org1', 'records', [row('r1', { payload: 'z' })], 2);
    expect(second).toEqual({ ok: true, conflicts: [], sequence: 3 });
    const pulled = await storage.pull('org1', 'keys', 0, 10);
    expect(pulled.docs.map((d) => d.seq)).toEqual([1, 2]);
    expect((await storage.pull('org1', 'keys', 1, 10)).docs.map((d) => d.seq)).toEqual([2]);
    expect(await storage.currentSequence('org1')).toBe(3);
  });

  it('treats a retried push that already landed as success without a new write', async () => {
    await storage.push('org1', 'keys', [row('k1', { payload: 'x' })], 1);
    const retry = await storage.push('org1', 'keys', [row('k1', { payload: 'x' })], 2);
    expect(retry).toEqual({ ok: true, conflicts: [], sequence: null });
    expect(await storage.currentSequence('org1')).toBe(1);
  });

  it('returns the master state when assumedMasterState is stale, and writes nothing', async () => {
    await storage.push('org1', 'keys', [row('k1', { payload: 'v1' })], 1);
    await storage.push('org1', 'keys', [row('k1', { payload: 'v2' }, { payload: 'v1' })], 2);
    const stale = await storage.push('org1', 'keys', [row('k1', { payload: 'v3' }, { payload: 'v1' })], 3);
    expect(stale.ok && stale.conflicts.map((doc) => JSON.parse(doc) as unknown)).toEqual([
      { id: 'k1', payload: 'v2', _deleted: false },
    ]);
    expect(await storage.currentSequence('org1')).toBe(2);
  });

  it('refuses a whole push that names another organisation’s id', async () => {
    await storage.createOrganisation('org2', admin('u2', 'org2'), 1);
    await storage.push('org2', 'keys', [row('k1', { payload: 'theirs' })], 1);
    const outcome = await storage.push(
      'org1',
      'keys',
      [row('k0', { payload: 'mine' }), row('k1', { payload: 'x' })],
      2,
    );
    expect(outcome).toEqual({ ok: false, error: 'foreign-id' });
    expect((await storage.pull('org1', 'keys', 0, 10)).docs).toEqual([]);
    expect((await storage.pull('org2', 'keys', 0, 10)).docs[0]?.doc).toContain('theirs');
  });

  it('purges tombstones older than the horizon and records the sequence they reached', async () => {
    await storage.push('org1', 'keys', [row('k1', { payload: 'x' })], 100);
    await storage.push('org1', 'keys', [row('k1', { payload: 'x' }, { payload: 'x' }, true)], 200);
    await storage.push('org1', 'keys', [row('k2', { payload: 'y' }, null, true)], 900);
    expect(await storage.purgeTombstones(500)).toBe(1);
    const pulled = await storage.pull('org1', 'keys', 0, 10);
    expect(pulled.purgedThrough).toBe(2);
    expect(pulled.sequence).toBe(3);
    expect(pulled.docs.map((d) => d.seq)).toEqual([3]);
  });

  it('keeps devices: find by token hash, renew, touch, list and revoke within the organisation', async () => {
    const device = deviceRow('d1', { tokenHash: 'h1', createdAt: 5, expiresAt: 50 });
    await storage.insertDevice(device);
    expect(await storage.findDeviceByTokenHash('h1')).toEqual(device);
    await storage.renewDevice('d1', 'h2', 90);
    await storage.touchDevice('d1', 7);
    expect(await storage.findDeviceByTokenHash('h1')).toBeUndefined();
    expect(await storage.listDevices('org1')).toEqual([
      { id: 'd1', userId: 'u1', createdAt: 5, lastSyncAt: 7, expiresAt: 90, revokedAt: null },
    ]);
    expect(await storage.revokeDevice('org2', 'd1', 8)).toBe(false);
    expect(await storage.revokeDevice('org1', 'd1', 8)).toBe(true);
    expect((await storage.findDeviceByTokenHash('h2'))?.revokedAt).toBe(8);
  });

  it('invites and updates users only within their organisation', async () => {
    const invited = {
      ...admin('u2', 'org1'),
      role: 'sales' as const,
      keys: null,
      sealedOrgKey: null,
      inviteHash: 'ff',
    };
    expect(await storage.insertUser(invited)).toBe('ok');
    expect(await storage.insertUser(invited)).toBe('user-exists');
    expect(await storage.updateUser('org2', 'u2', { sealedOrgKey: 'x' })).toBe(false);
    expect(await storage.updateUser('org1', 'u2', { sealedOrgKey: 'sealed' })).toBe(true);
    expect(await storage.listUsers('org1')).toEqual([
      { id: 'u1', role: 'admin', publicKey: 'b'.repeat(44), keyProof: null, active: true, status: 'active' },
      { id: 'u2', role: 'sales', publicKey: null, keyProof: null, active: true, status: 'active' },
    ]);
  });

  it('announces each committed write with its organisation and sequence', async () => {
    const notices: unknown[] = [];
    storage.onWrite((notice) => notices.push(notice));
    await storage.push('org1', 'keys', [row('k1', { payload: 'x' })], 1);
    await storage.push('org1', 'keys', [row('k1', { payload: 'x' })], 2); // idempotent retry: no notice
    await expect.poll(() => notices).toEqual([{ orgId: 'org1', sequence: 1 }]);
  });
});
