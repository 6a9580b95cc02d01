// The organisation admin's calls: list the devices, revoke one, invite a user with a role. Requests are
// checked with the protocol's zod schemas before they leave, and answers are checked before they are used.
// The invite code is made here; the server keeps only its hash, so this is the one moment it can be shown.
import { fromBase64, randomBytes, toBase64, wipe } from '../crypto';
import { EnvelopeCipher } from '../crypto';
import { loadSodium } from '../crypto';
import type { PageKey } from '../store';
import type { MemberPins } from './member-pins';
import { err, ok } from '../platform';
import type { DeviceSigner } from '../crypto';
import type { AuditEvent } from '../audit';
import type { Done } from '../workspace';
import { newId } from '../crypto';
import { serverClient, type Fetch } from './server-client';
import { ROUTES, type MemberChanged, type MemberStatusChange } from './server-routes';
import type { AccountLink, AccountReply } from './account-link';
import { deriveInviteSecrets, sealGrant, verifyKeyProof } from './invite';
import { ROLES, type MemberStatus, type Role } from './protocol';
import { InviteRequest, type DeviceSummary, type UserSummary } from './protocol-accounts';

type Admin = Pick<AccountLink, 'serverUrl' | 'token'>;

/** Every device of every user in the admin's organisation. */
export const listDevices = (fetch: Fetch, link: Admin): Promise<AccountReply<DeviceSummary[]>> =>
  serverClient(fetch, link).call(ROUTES.listDevices);

/** Refuses the device from now on; the next time it talks to the server it wipes its local copy. */
export const revokeDevice = async (
  fetch: Fetch,
  link: Admin,
  deviceId: string,
): Promise<AccountReply<void>> => {
  const done = await serverClient(fetch, link).call(ROUTES.revokeDevice, { params: { deviceId } });
  return done.ok ? ok(undefined) : done;
};

export interface Invitation {
  readonly userId: string;
  readonly role: Role;
  /** Shown once to the admin, who hands it over out of band; the server keeps only its hash. */
  readonly inviteCode: string;
}

const newInviteCode = (): string =>
  toBase64(randomBytes(24)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * Creates a user with the role and a one-time invite code. The server gets only the join secret derived
 * from the code; the invite key (invite.ts) is kept on this device, sealed with the organisation key, until
 * the newcomer's public key arrives and `completeInvites` seals the organisation key to it. The role is
 * pinned on this device (`pins`): whom it hands every territory's key is its own word, not the server's.
 */
export const inviteUser = async (
  fetch: Fetch,
  link: Admin,
  role: Role,
  pending: PendingInvites,
  pins?: MemberPins,
): Promise<AccountReply<Invitation>> => {
  if (!ROLES.includes(role)) return err('bad-request');
  const sodium = await loadSodium();
  const inviteCode = newInviteCode();
  const { joinSecret, macKey } = deriveInviteSecrets(sodium, inviteCode);
  const request = InviteRequest.parse({ userId: newId(), role, inviteCode: joinSecret });
  // Kept before the server knows the user, so a code the server accepted can always be completed here.
  await pending.add(request.userId, toBase64(macKey));
  await pins?.pinRole(request.userId, role);
  wipe(macKey);
  const created = await serverClient(fetch, link).call(ROUTES.inviteUser, { body: request });
  if (!created.ok) {
    await pending.remove(request.userId);
    return created;
  }
  return ok({ userId: created.value.id, role, inviteCode });
};

/** Every user of the admin's organisation, with their public key once they joined. */
export const listUsers = (fetch: Fetch, link: Admin): Promise<AccountReply<UserSummary[]>> =>
  serverClient(fetch, link).call(ROUTES.listUsers);

/** Invite keys of invitations made on this device and not yet completed: user id -> key (base64). */
export interface PendingInvites {
  list(): Promise<Record<string, string>>;
  add(userId: string, macKey: string): Promise<void>;
  remove(userId: string): Promise<void>;
}

/**
 * - waiting: invited, has not joined yet;
 * - key-mismatch: joined with a public key whose proof does not match the invite code — not sealed;
 * - elsewhere: joined, but invited from another device, which hands over the key;
 * - active: the organisation key is sealed to them.
 */
export type MemberState = 'waiting' | 'key-mismatch' | 'elsewhere' | 'active';
export interface Member {
  readonly id: string;
  readonly role: Role;
  readonly state: MemberState;
  readonly status: MemberStatus;
}

export interface OrgKey {
  readonly orgKey: Uint8Array;
  readonly orgKeyId: string;
  /** This admin device's signing key: every grant it seals is signed with it. */
  readonly signer: DeviceSigner;
  /** The current page key (Session.epochPageKey); null for an organisation from before page keys. */
  readonly pageKey: PageKey | null;
}

/**
 * The admin device's half of joining: for each user invited from this device who has registered a public
 * key with a valid proof, seals the organisation key to that key. Run on every refresh of the list and
 * while invitations are pending; harmless to run twice.
 */
export const completeInvites = async (
  fetch: Fetch,
  link: Admin,
  pending: PendingInvites,
  key: () => OrgKey,
  /** Where this device records the public keys it checked against invite codes (sync/member-pins.ts). */
  pins?: MemberPins,
): Promise<AccountReply<Member[]>> => {
  const users = await listUsers(fetch, link);
  if (!users.ok) return users;
  const invites = await pending.list();
  const sodium = await loadSodium();
  const members: Member[] = [];
  for (const user of users.value) {
    const encodedKey = invites[user.id];
    let state: MemberState = user.active ? 'active' : user.publicKey ? 'elsewhere' : 'waiting';
    if (encodedKey && user.active) await pending.remove(user.id);
    if (encodedKey && !user.active && user.publicKey) {
      const macKey = fromBase64(encodedKey);
      try {
        if (!user.keyProof || !verifyKeyProof(sodium, macKey, user.id, user.publicKey, user.keyProof)) {
          state = 'key-mismatch';
        } else {
          await pins?.pin(user.id, user.publicKey, 'checked');
          const { orgKey, orgKeyId, signer, pageKey } = key();
          const sealedOrgKey = sealGrant(sodium, new EnvelopeCipher(sodium), macKey, signer, {
            userId: user.id,
            orgKeyId,
            orgKey,
            publicKey: user.publicKey,
            pageKey,
          });
          const sealed = await serverClient(fetch, link).call(ROUTES.sealOrgKey, {
            params: { userId: user.id },
            body: { sealedOrgKey },
          });
          if (!sealed.ok) return sealed;
          await pending.remove(user.id);
          state = 'active';
        }
      } finally {
        wipe(macKey);
      }
    }
    members.push({ id: user.id, role: user.role, state, status: user.status });
  }
  return ok(members);
};

export type MemberChange =
  { readonly kind: 'role'; readonly role: Role } | { readonly kind: MemberStatusChange };

export interface MemberChangeInput {
  readonly fetch: Fetch;
  readonly link: Admin;
  readonly userId: string;
  readonly change: MemberChange;
  /** This device's member record: a removed user is never sealed a page key again (sync/member-pins.ts). */
  readonly pins?: MemberPins;
}

/**
 * Changes a member's role, suspends, reinstates or removes them on the server; returns the server's answer
 * with the 'role-change' audit entry of what changed — ids and words only — or none when the server
 * refused (nothing changed). The operation sync.changeMember writes it. A removal revokes every device of
 * theirs; each wipes its copy when it next reaches the server.
 */
export const changeMemberOnServer = async ({
  fetch,
  link,
  userId,
  change,
  pins,
}: MemberChangeInput): Promise<Done<AccountReply<MemberChanged>>> => {
  const client = serverClient(fetch, link);
  const done =
    change.kind === 'role'
      ? await client.call(ROUTES.changeRole, { params: { userId }, body: { role: change.role } })
      : await client.call(ROUTES.changeMemberStatus, { params: { userId, change: change.kind }, body: {} });
  if (!done.ok) return { result: done, audit: [] };
  if (change.kind === 'remove') await pins?.markRemoved(userId);
  // What this device asked for, not what the server answered.
  if (change.kind === 'role') await pins?.pinRole(userId, change.role);
  const audit: AuditEvent = {
    action: 'role-change',
    kind: 'user',
    recordIds: [userId],
    details: {
      change: change.kind,
      role: done.value.role,
      status: done.value.status,
      devicesRevoked: done.value.revoked,
    },
  };
  return { result: done, audit };
};
