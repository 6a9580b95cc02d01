// The public keys an admin's device has seen for each member, and the members it removed. A rotation
// seals the new page key to members' public keys as the server lists them (sync/rotation.ts); without
// this record a server could list a key of its own (or a removed member's) and receive the page key.
// A key is pinned when this device checks it against the invite code (admin.ts completeInvites), or the
// first time it seals to that member (trust on first use, for members invited from another device).
// A member's public key never changes (the server refuses it), so a listed key that differs from the pin is
// a lie: the rotation stops and says so. Kept on this device only, in the `vault` collection; public keys
// and random user ids are not personal data.
// The record also holds what the server must not decide for this device (issue 19, T2 and T7): the role
// this device gave a member when it invited them or changed their role, so a server that lists a sales
// user as an admin gets them no territory key from here; and the admin devices' signing keys this device
// trusts to hand it a territory key: the device that let its user in (its grant was checked with the
// invite code), and the one the passphrase box vouches for on the user's other devices.
import type { Role } from './protocol';
import type { KluisDatabase } from '../store';

const PINS_ID = 'member-pins';

interface PinsJson {
  readonly v: 1;
  /** user id -> public key (base64) */
  readonly keys: Record<string, string>;
  /** Users this device removed: never sealed to again. */
  readonly removed: string[];
  /** user id -> the role this device invited them with or last gave them. */
  readonly roles?: Record<string, Role>;
  /** Admin devices' public signing keys (base64) whose territory grants this device accepts. */
  readonly signers?: string[];
}

export interface MemberPins {
  /** The pinned key, if any. */
  keyOf(userId: string): Promise<string | undefined>;
  pin(userId: string, publicKey: string): Promise<void>;
  isRemoved(userId: string): Promise<boolean>;
  markRemoved(userId: string): Promise<void>;
  /** The role this device gave the user, if it invited them or changed their role. */
  roleOf(userId: string): Promise<Role | undefined>;
  pinRole(userId: string, role: Role): Promise<void>;
  /** The admin devices' signing keys this device trusts (sync/join.ts, territories/grants.ts). */
  signers(): Promise<string[]>;
  trustSigner(publicKey: string): Promise<void>;
}

export const memberPins = (db: KluisDatabase): MemberPins => {
  const read = async (): Promise<PinsJson> => {
    const doc = await db.vault.findOne(PINS_ID).exec();
    if (!doc) return { v: 1, keys: {}, removed: [] };
    try {
      const value = JSON.parse(doc.payload) as Partial<PinsJson>;
      return {
        v: 1,
        keys: { ...value.keys },
        removed: [...(value.removed ?? [])],
        roles: { ...value.roles },
        signers: [...(value.signers ?? [])],
      };
    } catch {
      return { v: 1, keys: {}, removed: [] };
    }
  };
  const write = async (pins: PinsJson) => {
    await db.vault.upsert({ id: PINS_ID, payload: JSON.stringify(pins), updatedAt: Date.now() });
  };
  return {
    keyOf: async (userId) => (await read()).keys[userId],
    pin: async (userId, publicKey) => {
      const pins = await read();
      // A pin is never replaced: a different key for the same user is what the check refuses.
      if (pins.keys[userId]) return;
      await write({ ...pins, keys: { ...pins.keys, [userId]: publicKey } });
    },
    isRemoved: async (userId) => (await read()).removed.includes(userId),
    markRemoved: async (userId) => {
      const pins = await read();
      if (!pins.removed.includes(userId)) await write({ ...pins, removed: [...pins.removed, userId] });
    },
    roleOf: async (userId) => (await read()).roles?.[userId],
    pinRole: async (userId, role) => {
      const pins = await read();
      if (pins.roles?.[userId] !== role) await write({ ...pins, roles: { ...pins.roles, [userId]: role } });
    },
    signers: async () => [...((await read()).signers ?? [])],
    trustSigner: async (publicKey) => {
      const pins = await read();
      const signers = pins.signers ?? [];
      if (!signers.includes(publicKey)) await write({ ...pins, signers: [...signers, publicKey] });
    },
  };
};
