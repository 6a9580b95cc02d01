// Which devices are an admin's (issue 19): territory definitions and move notes are signed by an admin's
// device (signed-settings.ts), and a sales device trusts only its own device and the admin device that let
// its user in (sync/member-pins.ts). An admin made on another device signs with a device key none of those
// pinned; the admin rosters (roster.ts) carry the word on it. Each admin device publishes a claim, an
// organisation setting (sealed under the organisation key), naming its signing key and its user, with a
// MAC for every other admin its view names, under a key only the two admins' user key pairs make (X25519
// between them, as grants.ts `fromMac`): a member who is no admin cannot make one that an admin's device
// takes, nor can the server. An admin device that checks the MAC addressed to it lists the device under
// that admin in its roster (signed, roster.ts `devices`); a device trusts the devices the rosters it
// trusts list for users its view calls admins, and so no more once the view says the user is no admin.
// Public signing keys and random user ids are not personal data.
import { z } from 'zod';
import { fromBase64, loadSodium, toBase64, utf8, wipe } from '../crypto';
import { sealedKind } from '../store';
import type { Session } from '../vault';
import { pairKey } from './pair-key';

const Claim = z.strictObject({
  /** The admin device's public signing key (base64). */
  device: z.string().min(1).max(64),
  /** Its user. */
  user: z.string().min(1).max(64),
  /** verifying admin's user id -> MAC (base64) under the key the two admins' user key pairs share. */
  macs: z.record(z.string().min(1).max(64), z.string().max(64)),
});
export const ADMIN_DEVICE_CLAIM = sealedKind('admin-device-claim', Claim, 1);

const claimMessage = (user: string, device: string, verifier: string) =>
  `kluis-admin-device-v1|${user}|${device}|${verifier}`;

const claimId = async (device: string) => {
  const sodium = await loadSodium();
  const hash = toBase64(sodium.crypto_generichash(18, utf8(device), null));
  return `claim-${hash.replace(/\+/g, '-').replace(/\//g, '_')}`;
};

/**
 * On an admin's device: publishes its claim with a MAC for every other admin of the view (user id ->
 * public key), when that changes it.
 */
export const publishDeviceClaim = async (
  session: Session,
  userId: string,
  admins: ReadonlyMap<string, string>,
): Promise<void> => {
  const sodium = await loadSodium();
  const device = (await session.deviceSigner()).publicKey;
  const id = await claimId(device);
  const repo = session.settings(ADMIN_DEVICE_CLAIM);
  const current = (await repo.list()).records.find((r) => r.id === id);
  const secretKey = session.exportUserSecretKey();
  const macs: Record<string, string> = {};
  try {
    for (const [verifier, publicKey] of admins) {
      if (verifier === userId) continue;
      const theirs = fromBase64(publicKey);
      const shared = pairKey(sodium, secretKey, theirs, session.userPublicKey, theirs, 'kluis-admin-device');
      try {
        macs[verifier] = toBase64(
          sodium.crypto_generichash(32, utf8(claimMessage(userId, device, verifier)), shared),
        );
      } finally {
        wipe(shared);
      }
    }
  } finally {
    wipe(secretKey);
  }
  const claim = { device, user: userId, macs };
  if (current && JSON.stringify(current.data) === JSON.stringify(claim)) return;
  await repo.put(claim, id);
};

/**
 * The devices of other admins (user id -> signing keys) whose claims hold for this admin (`userId`): the
 * claim's MAC addressed to it, under the key shared with the public key the view gives the claimant.
 */
export const vouchedDevices = async (
  session: Session,
  userId: string,
  admins: ReadonlyMap<string, string>,
): Promise<Record<string, string[]>> => {
  const sodium = await loadSodium();
  const { records } = await session.settings(ADMIN_DEVICE_CLAIM).list();
  const devices: Record<string, string[]> = {};
  const secretKey = session.exportUserSecretKey();
  try {
    for (const { id, data } of records) {
      const publicKey = admins.get(data.user);
      const mac = data.macs[userId];
      if (data.user === userId || !publicKey || !mac || id !== (await claimId(data.device))) continue;
      let shared: Uint8Array | undefined;
      try {
        const theirs = fromBase64(publicKey);
        shared = pairKey(sodium, secretKey, theirs, theirs, session.userPublicKey, 'kluis-admin-device');
        const expected = sodium.crypto_generichash(
          32,
          utf8(claimMessage(data.user, data.device, userId)),
          shared,
        );
        const given = fromBase64(mac);
        if (given.length === 32 && sodium.memcmp(given, expected))
          devices[data.user] = [...new Set([...(devices[data.user] ?? []), data.device])].sort();
      } catch {
        // A claim that does not decode vouches for nothing.
      } finally {
        wipe(shared);
      }
    }
  } finally {
    wipe(secretKey);
  }
  return devices;
};
