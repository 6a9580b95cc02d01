// Page keys (vault/page-keys.ts): a rotation grant opens only for its member AND with the previous page
// key; a walk over grants reaches the newest key from any earlier one; the ring is stored sealed and
// re-wrapping moves every page to the current key while every person stays readable.
import { describe, expect, it } from 'vitest';
import { EnvelopeCipher } from '../../../../shared/crypto/envelope';
import { loadSodium } from '../../../../shared/crypto/sodium';
import { newSigningPair, signerFrom } from '../../../../shared/crypto';
import {
  loadPageKeys,
  newPageKey,
  openRotationGrant,
  sealRotationGrant,
  walkGrants,
} from '../../../../shared/vault/page-keys';
import { annelies, bram } from '../../../fixtures/people';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';

const newDatabase = useMemoryDatabases();

const setup = async () => {
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const signer = signerFrom(sodium, newSigningPair(sodium));
  const pair = sodium.crypto_box_keypair();
  const user = { userId: 'u1', publicKey: pair.publicKey, secretKey: pair.privateKey };
  const publicKey = Buffer.from(pair.publicKey).toString('base64');
  return { sodium, cipher, signer, user, publicKey };
};

describe('page-key grants', () => {
  it('open only for the member they were sealed to, and only with the previous page key', async () => {
    const { sodium, cipher, signer, user, publicKey } = await setup();
    const previous = newPageKey();
    const next = newPageKey();
    const sealed = sealRotationGrant(sodium, cipher, signer, { userId: 'u1', publicKey, previous, next });

    const opened = openRotationGrant(sodium, cipher, sealed, user);
    expect(opened?.epochId).toBe(next.id);
    expect(opened?.previousEpochId).toBe(previous.id);
    expect(opened?.grantedBy).toBe(signer.publicKey);
    expect(opened?.unlock(previous.key)).toEqual(next.key);
    // A removed member holds the previous key but not this member's secret key; a server holds neither.
    const other = sodium.crypto_box_keypair();
    expect(
      openRotationGrant(sodium, cipher, sealed, {
        ...user,
        ...{ publicKey: other.publicKey, secretKey: other.privateKey },
      }),
    ).toBeNull();
    // After the rotation the member holds their secret key but no longer the previous page key.
    expect(opened?.unlock(newPageKey().key)).toBeNull();
    expect(opened?.unlock(next.key)).toBeNull();
    // Sealed to this user, but claiming to be for another: refused.
    expect(openRotationGrant(sodium, cipher, sealed, { ...user, userId: 'u2' })).toBeNull();
  });

  it('walk from an earlier key to the newest, skipping grants that do not chain', async () => {
    const { sodium, cipher, signer, user, publicKey } = await setup();
    const keys = [newPageKey(), newPageKey(), newPageKey(), newPageKey()];
    const grants = keys.slice(1).map((next, i) => ({
      epochId: next.id,
      sealed: sealRotationGrant(sodium, cipher, signer, {
        userId: 'u1',
        publicKey,
        previous: keys[i]!,
        next,
      }),
    }));
    const stranger = newPageKey();
    const reached = walkGrants(sodium, cipher, keys[1]!, grants, user);
    expect(reached.map((k) => k.id)).toEqual([keys[2]!.id, keys[3]!.id]);
    expect(reached.at(-1)?.key).toEqual(keys[3]!.key);
    expect(walkGrants(sodium, cipher, stranger, grants, user)).toEqual([]);
    // A row whose epoch id does not match its grant (a server shuffling rows) is not followed.
    const shuffled = grants.map((g, i) => ({ ...g, epochId: grants[(i + 1) % grants.length]!.epochId }));
    expect(walkGrants(sodium, cipher, keys[0]!, shuffled, user)).toEqual([]);
  });
});

describe('page-key ring on a device', () => {
  it('starts with a page key of its own, kept sealed, and re-wraps every page under a new one', async () => {
    const db = await newDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const first = session.pageKeys.current;
    expect(first.id).not.toBe(session.orgKeyId);
    expect(session.epochPageKey?.id).toBe(first.id);
    const people = [await session.people.create(annelies), await session.people.create(bram)];
    const stored = await db.vault.findOne('page-keys').exec();
    expect(stored?.payload).not.toContain(Buffer.from(first.key).toString('base64'));

    const next = newPageKey();
    await session.adoptPageKeys({ current: next, older: [first] });
    const progress: number[] = [];
    const result = await session.rewrapPages({
      mayRewrite: () => Promise.resolve(true),
      onProgress: (p) => progress.push(p.done),
    });
    expect(result).toEqual({ rewrapped: 2, left: 0 });
    expect(progress.at(-1)).toBe(2);
    expect(new Set((await db.keys.find().exec()).map((d) => d.keyId))).toEqual(new Set([next.id]));

    // The older key is destroyed: the stored ring no longer holds it, and a fresh unlock reads everyone.
    await session.adoptPageKeys({ current: next, older: [] });
    session.lock();
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    expect(again.pageKeys.older).toEqual([]);
    expect(again.pageKeys.current.id).toBe(next.id);
    const ring = await loadPageKeys(
      db,
      again.cipher.sodium,
      again.userPublicKey,
      again.exportUserSecretKey(),
    );
    expect(ring?.older).toEqual([]);
    for (const person of people) expect((await again.people.get(person.id)).data).toEqual(person.data);
  });

  it('leaves pages it may not rewrite, or whose key it does not hold, and they stay readable', async () => {
    const db = await newDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const first = session.pageKeys.current;
    const kept = await session.people.create(annelies);
    await session.adoptPageKeys({ current: newPageKey(), older: [first] });
    const result = await session.rewrapPages({ mayRewrite: () => Promise.resolve(false) });
    expect(result).toEqual({ rewrapped: 0, left: 1 });
    session.lock();
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    expect((await again.people.get(kept.id)).data).toEqual(kept.data);
  });
});
