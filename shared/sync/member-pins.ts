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
// invite code), and the one the passphrase box vouches for on the user's other devices. When a role was
// given is kept too: the admin rosters (territories/roster.ts) take the latest word on a role.
import type { Role } from './protocol';
import type { KluisDatabase } from '../store';

const PINS_ID = 'member-pins';

interface PinsJson {
  readonly v: 1;
  /** user id -> public key (base64) */
  readonly keys: Record<string, string>;
  /** Users whose pinned key this device checked against their invite code (not trusted on first use). */
  readonly checked?: string[];
  /** Users this device removed: never sealed to again. */
  readonly removed: string[];
  /** user id -> the role this device invited them with or last gave them. */
  readonly roles?: Record<string, Role>;
  /** user id -> when this device gave that role (ms); none for a role from before this was kept. */
  readonly roleAt?: Record<string, number>;
  /** Admin devices' public signing keys (base64) whose territory grants this device accepts. */
  readonly signers?: string[];
}

export interface MemberPins {
  /** The pinned key, if any. */
  keyOf(userId: string): Promise<string | undefined>;
  /** `checked`: the key was checked against the invite code (admin.ts), not taken on first use. */
  pin(userId: string, publicKey: string, how?: 'checked' | 'first-use'): Promise<void>;
  isRemoved(userId: string): Promise<boolean>;
  markRemoved(userId: string): Promise<void>;
  /** The role this device gave the user, if it invited them or changed their role. */
  roleOf(userId: string): Promise<Role | undefined>;
  pinRole(userId: string, role: Role): Promise<void>;
  /** The admin devices' signing keys this device trusts (sync/join.ts, territories/grants.ts). */
  signers(): Promise<string[]>;
  trustSigner(publicKey: string): Promise<void>;
  /** Everything this device pinned, at once (the admin roster's own word: territories/roster.ts). */
  snapshot(): Promise<PinnedMembers>;
}

export interface PinnedMembers {
  readonly keys: Readonly<Record<string, string>>;
  /** The users whose key was checked against their invite code. */
  readonly checked: readonly string[];
  readonly removed: readonly string[];
  readonly roles: Readonly<Record<string, { readonly role: Role; readonly at: number }>>;
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
        checked: [...(value.checked ?? [])],
        roles: { ...value.roles },
        roleAt: { ...value.roleAt },
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
    pin: async (userId, publicKey, how = 'first-use') => {
      const pins = await read();
      // A pin is never replaced: a different key for the same user is what the check refuses.
      if (pins.keys[userId]) return;
      const checked = how === 'checked' ? [...(pins.checked ?? []), userId] : pins.checked;
      await write({ ...pins, keys: { ...pins.keys, [userId]: publicKey }, ...(checked ? { checked } : {}) });
    },
    isRemoved: async (userId) => (await read()).removed.includes(userId),
    markRemoved: async (userId) => {
      const pins = await read();
      if (!pins.removed.includes(userId)) await write({ ...pins, removed: [...pins.removed, userId] });
    },
    roleOf: async (userId) => (await read()).roles?.[userId],
    pinRole: async (userId, role) => {
      const pins = await read();
      if (pins.roles?.[userId] !== role)
        await write({
          ...pins,
          roles: { ...pins.roles, [userId]: role },
          roleAt: { ...pins.roleAt, [userId]: Date.now() },
        });
    },
    signers: async () => [...((await read()).signers ?? [])],
    trustSigner: async (publicKey) => {
      const pins = await read();
      const signers = pins.signers ?? [];
      if (!signers.includes(publicKey)) await write({ ...pins, signers: [...signers, publicKey] });
    },
    snapshot: async () => {
      const pins = await read();
      const roles = Object.fromEntries(
        Object.entries(pins.roles ?? {}).map(([userId, role]) => [
          userId,
          { role, at: pins.roleAt?.[userId] ?? 0 },
        ]),
      );
      return { keys: pins.keys, checked: pins.checked ?? [], removed: pins.removed, roles };
    },
  };
};
