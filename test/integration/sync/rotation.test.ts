// Key rotation against the real server (sync/rotation.ts): an admin's device starts a new page-key
// epoch, re-wraps every key page, finishes the epoch, and every device destroys the older page key. A
// rotation killed half-way resumes; a device offline during it catches up; a removed member's old page
// key opens nothing written after the rotation. Nothing is unreadable at any point.
import { describe, expect, it } from 'vitest';
import { EnvelopeCipher } from '../../../shared/crypto/envelope';
import { loadSodium } from '../../../shared/crypto/sodium';
import { connectVault, signInOnNewDevice } from '../../../shared/sync/account';
import { fetchKeys } from '../../../shared/sync';
import { refreshAccountBox } from '../../../shared/sync';
import { type AccountLink } from '../../../shared/sync';
import { derivePassphraseKeys, type KeyringDoc } from '../../../shared/vault/keyring';
import { openOrgKeyBox } from '../../../shared/vault/org-key-box';
import { catchUpKeys, rotatePageKey, runKeyDuty } from '../../../shared/sync/rotation';
import { loadPageKeys } from '../../../shared/vault/page-keys';
import { type PageKey } from '../../../shared/store';
import { annelies, bram } from '../../fixtures/people';
import { linkableVault, PASSPHRASE, testVault } from '../../helpers/store';
import { admin, device, useMembersServer, join, MEMBER_PASSPHRASE, ok, removeMember } from './members';
import type { Device } from './members';

const { fixture, place } = useMembersServer();

const get = async (link: AccountLink, path: string) => {
  const response = await fetch(`${link.serverUrl}${path}`, {
    headers: { authorization: `Bearer ${link.token}` },
  });
  return (await response.json()) as { ok: true; value: unknown } | { ok: false; error: string };
};

/** The key pages the server holds, as their envelopes. */
const serverPages = async () =>
  (await fixture.storage.dumpAllRows())
    .map((row) => JSON.parse(row) as { collection?: string; deleted?: unknown; doc?: string })
    .filter((row) => row.collection === 'keys' && typeof row.doc === 'string')
    .map((row) => JSON.parse(row.doc!) as { id: string; keyId: string; payload: string; _deleted: boolean })
    .filter((doc) => !doc._deleted);

/** Opens one entry of a page with a given page key, as anyone holding that key could. */
const openEntry = async (page: { keyId: string; payload: string }, subjectId: string, key: PageKey) => {
  const cipher = new EnvelopeCipher(await loadSodium());
  const sealed = (JSON.parse(page.payload) as Record<string, string>)[subjectId];
  if (!sealed) return null;
  try {
    return cipher.openBytes(sealed, key.key, { collection: 'keys', id: subjectId, keyId: page.keyId });
  } catch {
    return null;
  }
};

/** Every person, opened by a session that starts with no data key in memory. */
const readAll = async (d: Pick<Device, 'db' | 'session'>, passphrase = PASSPHRASE) => {
  const session = await (await testVault(d.db)).unlock(passphrase);
  try {
    const { records, problems } = await session.people.loadAll();
    expect(problems).toEqual([]);
    return records.map((p) => p.data.familyName).sort();
  } finally {
    session.lock();
  }
};

describe('key rotation', () => {
  it('re-wraps every page under the new epoch, the member adopts it, and the older key is destroyed everywhere', async () => {
    const a = await admin(place, 6);
    const m = await join(place, a);
    const before = await readAll(a);
    expect(await readAll(m, MEMBER_PASSPHRASE)).toEqual(before);
    const epoch0 = { ...a.session.pageKeys.current, key: a.session.pageKeys.current.key.slice() };

    const progress: number[] = [];
    const rotated = ok(await rotatePageKey({ ...a.ctx, onProgress: (p) => progress.push(p.done) }, 'manual'));
    expect(rotated.epochId).not.toBe(epoch0.id);
    // The admin's device re-wraps, replication pushes, the next catch-up finishes the epoch.
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    const afterFinish = ok(await catchUpKeys(a.ctx));
    expect(afterFinish.current?.epochId).toBe(rotated.epochId);
    expect(afterFinish.current?.finishedAt).not.toBeNull();
    expect(afterFinish.pendingPages).toBe(0);
    // Every page on the server is under the new epoch; the old key opens none of its entries.
    const pages = await serverPages();
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(new Set(pages.map((p) => p.keyId))).toEqual(new Set([rotated.epochId]));
    const subject = (await a.session.people.loadAll()).records[0]!.subjectId;
    const page = pages.find((p) => p.payload.includes(subject))!;
    expect(await openEntry(page, subject, epoch0)).toBeNull();
    expect(await openEntry(page, subject, a.session.pageKeys.current)).not.toBeNull();

    // The member was behind; catching up adopts the new key, pulls the re-wrapped pages, destroys the old.
    expect(afterFinish.devicesBehind.map((d) => d.deviceId)).toContain(m.link.deviceId);
    ok(await catchUpKeys(m.ctx));
    await m.sync();
    const mStatus = ok(await catchUpKeys(m.ctx));
    expect(mStatus.heldEpochId).toBe(rotated.epochId);
    expect(mStatus.olderHeld).toBe(0);
    expect(await readAll(m, MEMBER_PASSPHRASE)).toEqual(before);
    const stored = await loadPageKeys(
      m.db,
      m.session.cipher.sodium,
      m.session.userPublicKey,
      m.session.exportUserSecretKey(),
    );
    expect(stored?.current.id).toBe(rotated.epochId);
    expect(stored?.older).toEqual([]);

    const final = ok(await catchUpKeys(a.ctx));
    expect(final.devicesBehind).toEqual([]);
    expect(final.lastFinished?.epochId).toBe(rotated.epochId);
    // Each rotation is a signed audit entry.
    const { entries } = await a.session.audit.entries();
    expect(
      entries.some((e) => e.action === 'key-rotation' && e.details?.['epochId'] === rotated.epochId),
    ).toBe(true);
  });

  it('resumes a re-wrap killed half-way, and every person stays readable meanwhile', async () => {
    const a = await admin(place, 8);
    const before = await readAll(a);
    ok(await rotatePageKey(a.ctx, 'manual'));
    // The app dies once three pages are under the new key.
    const moved = async () =>
      (await a.db.keys.find().exec()).filter((d) => d.keyId === a.session.pageKeys.current.id).length;
    const killed = a.session.rewrapPages({
      mayRewrite: () => Promise.resolve(true),
      sliceMs: 0,
      pause: async () => {
        if ((await moved()) >= 3) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    const keyIds = new Set((await a.db.keys.find().exec()).map((d) => d.keyId));
    expect(keyIds.size).toBe(2); // half under the new epoch, half under the old
    expect(await readAll(a)).toEqual(before);

    // The app restarts: a new unlock finds the older key kept, and catching up finishes the work.
    a.session.lock();
    const session = await (await testVault(a.db)).unlock(PASSPHRASE);
    expect(session.pageKeys.older).toHaveLength(1);
    const again = device(place, a.db, session, a.link);
    ok(await catchUpKeys(again.ctx));
    await again.sync();
    const status = ok(await catchUpKeys(again.ctx));
    expect(status.current?.finishedAt).not.toBeNull();
    expect(status.olderHeld).toBe(0);
    expect(await readAll({ db: a.db, session })).toEqual(before);
  });

  it('a device offline during the rotation catches up, and its own new pages are re-wrapped before they land', async () => {
    const a = await admin(place, 2);
    const m = await join(place, a);
    // Offline, the member adds someone: their page is under the page key of the time.
    const added = await m.session.people.create(bram);
    ok(await rotatePageKey(a.ctx, 'manual'));
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    const done = ok(await catchUpKeys(a.ctx));
    expect(done.current?.finishedAt).not.toBeNull();

    // Back online: the catch-up adopts and re-wraps the member's own page before anything is pushed...
    ok(await catchUpKeys(m.ctx));
    const own = (await m.db.keys.find().exec()).find((d) => d.payload.includes(added.subjectId));
    expect(own?.keyId).toBe(m.session.pageKeys.current.id);
    // ...keeps the older key while pages the admin re-wrapped have not been pulled yet...
    expect(m.session.pageKeys.older).toHaveLength(1);
    await m.sync();
    // ...and destroys it once nothing here needs it.
    const status = ok(await catchUpKeys(m.ctx));
    expect(status.localPending).toBe(0);
    expect(m.session.pageKeys.older).toEqual([]);
    await a.sync();
    expect((await a.session.people.get(added.id)).data.familyName).toBe(bram.familyName);
  });

  it('moves an organisation from before page keys off its organisation key at its first rotation', async () => {
    const db = await fixture.newDb();
    const created = await (await testVault(db)).create(PASSPHRASE);
    // A vault made before page keys has no page-key ring: its pages are wrapped by the organisation key.
    await (await db.vault.findOne('page-keys').exec())?.remove();
    created.lock();
    const session = await (await testVault(db)).unlock(PASSPHRASE);
    expect(session.epochPageKey).toBeNull();
    const person = await session.people.create(annelies);
    expect((await db.keys.find().exec()).map((d) => d.keyId)).toEqual([session.orgKeyId]);
    const linked = ok(
      await connectVault({ fetch, serverUrl: fixture.server.url, db, passphrase: PASSPHRASE }),
    );
    const a = device(place, db, session, linked);
    await a.sync();
    expect(ok(await fetchKeys(fetch, linked)).epochs).toEqual([]);

    ok(await rotatePageKey(a.ctx, 'manual'));
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    const status = ok(await catchUpKeys(a.ctx));
    expect(status.current?.reason).toBe('first');
    expect(status.current?.finishedAt).not.toBeNull();
    expect(new Set((await serverPages()).map((p) => p.keyId))).toEqual(new Set([status.current!.epochId]));
    // The organisation key stays (it encrypts settings and the audit trail); the pages no longer need it.
    expect(session.pageKeys.older).toEqual([]);
    expect(session.orgKey.some((b) => b !== 0)).toBe(true);
    expect(await readAll(a)).toEqual([person.data.familyName]);
  });

  it('a new device walks its grants from the page key its passphrase box holds to the newest', async () => {
    const db = await fixture.newDb();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const person = await session.people.create(annelies);
    const linked = ok(
      await connectVault({ fetch, serverUrl: fixture.server.url, db, passphrase: PASSPHRASE }),
    );
    const a = device(place, db, session, linked);
    await a.sync();
    // Two rotations since the box was sealed at the organisation's creation.
    for (let i = 0; i < 2; i++) {
      ok(await rotatePageKey(a.ctx, 'manual'));
      ok(await catchUpKeys(a.ctx));
      await a.sync();
      ok(await catchUpKeys(a.ctx));
    }
    const newest = a.session.pageKeys.current.id;
    await fixture.closeDb(db);
    const other = ok(
      await signInOnNewDevice({
        fetch,
        serverUrl: fixture.server.url,
        db: await fixture.newDb(),
        userId: linked.userId,
        passphrase: PASSPHRASE,
      }),
    );
    expect(other.session.pageKeys.current.id).toBe(newest);
    expect(other.session.pageKeys.older).toEqual([]);
    const b = device(place, other.session.db, other.session, other.link);
    await b.sync();
    expect((await other.session.people.get(person.id)).data).toEqual(person.data);
  });

  it('re-seals the passphrase box with the current page key at the next unlock with the passphrase', async () => {
    const db = await fixture.newDb();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const linked = ok(
      await connectVault({ fetch, serverUrl: fixture.server.url, db, passphrase: PASSPHRASE }),
    );
    const a = device(place, db, session, linked);
    await a.sync();
    const boxKey = async () => {
      const me = ok(await get(linked, '/auth/me')) as { keys: { orgKeyBox: string; kdf: string } };
      const sodium = await loadSodium();
      const keyring = JSON.parse((await db.vault.findOne('keyring').exec())!.payload) as KeyringDoc;
      const { kek } = derivePassphraseKeys(sodium, PASSPHRASE, keyring.kdf);
      return openOrgKeyBox(new EnvelopeCipher(sodium), kek, linked.userId, me.keys.orgKeyBox)?.pageKey?.id;
    };
    const first = session.pageKeys.current.id;
    expect(await boxKey()).toBe(first);
    ok(await rotatePageKey(a.ctx, 'manual'));
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    ok(await catchUpKeys(a.ctx));
    // The live server still hands out the destroyed key until a device that knows the passphrase re-seals.
    expect(await boxKey()).toBe(first);
    const refresh = () => refreshAccountBox({ fetch, link: linked, session, passphrase: PASSPHRASE });
    expect(ok(await refresh())).toBe(true);
    expect(await boxKey()).toBe(session.pageKeys.current.id);
    expect(ok(await refresh())).toBe(false);
  });

  it("a removed member's page key opens nothing written after the rotation that follows", async () => {
    const a = await admin(place, 1);
    const leaves = await join(place, a);
    const oldKey = { ...leaves.session.pageKeys.current, key: leaves.session.pageKeys.current.key.slice() };
    const stays = await removeMember(place, a, leaves);

    // The removal schedules a rotation; the admin device's duty runs it.
    expect(ok(await fetchKeys(fetch, a.link)).due.map((d) => d.reason)).toEqual(['removal']);
    ok(await runKeyDuty(a.ctx));
    const after = ok(await fetchKeys(fetch, a.link));
    expect(after.due).toEqual([]);
    expect(after.grants.length).toBeGreaterThan(0);

    const created = await a.session.people.create(bram);
    await a.sync();
    const page = (await serverPages()).find((p) => p.payload.includes(created.subjectId))!;
    expect(page.keyId).toBe(a.session.pageKeys.current.id);
    expect(await openEntry(page, created.subjectId, oldKey)).toBeNull();
    // The member who stays reads it after catching up.
    ok(await catchUpKeys(stays.ctx));
    await stays.sync();
    expect((await stays.session.people.get(created.id)).data.familyName).toBe(bram.familyName);
  });
});
