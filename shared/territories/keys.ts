// A territory's key on its way to the holders, and back to a device (issue 19, point 2). An admin's device
// makes the key (32 random bytes, epoch 1), seals a grant to every holder — the territory's members and
// managers and every admin — and hands the server the grants; each device reads the grants sealed to its
// user and keeps exactly those keys (vault/territory-keys.ts). A territory its user no longer holds is
// dropped from the device with its key. The server answers through plain JSON routes, checked here.
// Who is an admin, and members' public keys, come from this device's pins and the admin rosters of the
// admin devices it trusts (roster.ts), so a territory made on any admin's device reaches every admin.
import { newId, randomBytes, toBase64, loadSodium } from '../crypto';
import { err, ok, type Result } from '../platform';
import type { AccountLink, Fetch } from '../sync';
import { serverClient, ROUTES } from '../sync';
import { isOwnKeyPage } from '../store';
import type { Session } from '../vault';
import { currentTerritoryKeyIds, dropSpentTerritoryKeys, keyIdsInUse, rewrapTerritoryPages } from './epochs';
import { openTerritoryGrant, sealTerritoryGrant } from './grants';
import { adminView, type AdminView } from './roster';
import { keyHolders, type Territory } from './model';
import type { TerritoryGrantsResponse } from './protocol';
import { territoryKeyId, territoryOfKeyId, territoryPageId } from './tags';

export interface TerritoryContext {
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId'>;
  readonly session: Session;
}

export type TerritoryError =
  'offline' | 'forbidden' | 'not-found' | 'member-not-pinned' | 'bad-response' | string;

/** One call to a territory route, its JSON answer checked for shape. */
export const territoryRequest = async <T>(
  ctx: TerritoryContext,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<Result<T, TerritoryError>> => {
  let response: Response;
  try {
    response = await ctx.fetch(`${ctx.link.serverUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ctx.link.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return err('offline');
  }
  const reply = (await response.json().catch(() => null)) as
    { ok: true; value: T } | { ok: false; error: string } | null;
  if (!reply || typeof reply !== 'object') return err('bad-response');
  return reply.ok ? ok(reply.value) : err(reply.error);
};

/**
 * Who holds a territory's key: its members and managers, this admin, and every active admin this device's
 * view names one (invited as an admin or changed to admin here, sync/member-pins.ts, or so named by a
 * trusted admin device's roster, roster.ts). The server's list only narrows that (a suspended or demoted
 * admin); a server that calls a sales user an admin gets them nothing (T2).
 */
export const holdersOf = async (
  ctx: TerritoryContext,
  territory: Territory,
  view: AdminView,
): Promise<Result<string[], TerritoryError>> => {
  const users = await serverClient(ctx.fetch, ctx.link).call(ROUTES.listUsers);
  if (!users.ok) return users;
  // The view names the admins; the server's list only narrows them (a lie adds nobody).
  const admins = [ctx.link.userId];
  for (const u of users.value)
    if (u.role === 'admin' && u.status === 'active' && view.admins.has(u.id)) admins.push(u.id);
  return ok([...new Set([...keyHolders(territory), ...admins])]);
};

/**
 * Seals the territory's key to every holder and tells the server who they are now. Public keys are the
 * ones this admin device pinned when it let each member in (sync/member-pins.ts), or a trusted admin
 * device's roster gives (roster.ts), never the server's word. Each grant is vouched for by this admin's
 * user key too (grants.ts), for the devices that do not trust this device's signing key.
 */
export const grantTerritory = async (
  ctx: TerritoryContext,
  territory: Territory,
  key: { epochId: string; key: Uint8Array },
): Promise<Result<{ holders: string[] }, TerritoryError>> => {
  const view = await adminView(ctx, { role: 'admin' });
  const holders = await holdersOf(ctx, territory, view);
  if (!holders.ok) return holders;
  const sodium = await loadSodium();
  const signer = await ctx.session.deviceSigner();
  const grants: { userId: string; sealed: string }[] = [];
  const admin = {
    userId: ctx.link.userId,
    publicKey: ctx.session.userPublicKey,
    secretKey: ctx.session.exportUserSecretKey(),
  };
  try {
    for (const userId of holders.value) {
      const publicKey =
        userId === ctx.link.userId ? toBase64(ctx.session.userPublicKey) : view.keys.get(userId);
      if (!publicKey) return err('member-not-pinned');
      grants.push({
        userId,
        sealed: sealTerritoryGrant(
          sodium,
          signer,
          ctx.session.orgKey,
          { userId, publicKey, tag: territory.tag, ...key },
          admin,
        ),
      });
    }
  } finally {
    admin.secretKey.fill(0);
  }
  const put = await territoryRequest<{ holders: number }>(ctx, 'PUT', `/territories/${territory.tag}`, {
    epochId: key.epochId,
    grants,
  });
  return put.ok ? ok({ holders: holders.value }) : put;
};

/** A new territory's key, granted to its holders and kept on this admin's device. */
export const keyNewTerritory = async (
  ctx: TerritoryContext,
  territory: Territory,
): Promise<Result<{ keyId: string; holders: string[] }, TerritoryError>> => {
  const key = { epochId: newId(), key: randomBytes(32) };
  const granted = await grantTerritory(ctx, territory, key);
  if (!granted.ok) return granted;
  const keyId = territoryKeyId(territory.tag, key.epochId);
  await ctx.session.adoptTerritoryKeys(new Map([...ctx.session.territoryKeys, [keyId, key.key]]));
  return ok({ keyId, holders: granted.value.holders });
};

/**
 * Reads the grants sealed to this user and makes their keys the device's territory keys: a new territory
 * arrives, one the user no longer holds leaves. A grant that does not open, is not for this user, or is
 * neither signed by an admin device this device trusts (itself, or one pinned: sync/member-pins.ts, unless
 * the view says its user is no admin: roster.ts) nor vouched for by the user key of an admin the trusted rosters name (roster.ts) is skipped and counted.
 * The granted epoch of a territory is its current one; an older epoch of it is kept while a page here is
 * under it, and the pages this device wrote are re-wrapped under the current one. Answers the tags held.
 */
export const refreshTerritoryKeys = async (
  ctx: TerritoryContext,
): Promise<Result<{ tags: string[]; refused: number }, TerritoryError>> => {
  const listed = await territoryRequest<TerritoryGrantsResponse>(ctx, 'GET', '/territories/grants');
  if (!listed.ok) return listed;
  if (!Array.isArray(listed.value.grants)) return err('bad-response');
  const sodium = await loadSodium();
  // The admin devices trusted now: a pinned one whose user the view calls no admin is left out (roster.ts).
  const { admins, signers: trusted } = await adminView(ctx);
  const secretKey = ctx.session.exportUserSecretKey();
  const user = { userId: ctx.link.userId, publicKey: ctx.session.userPublicKey, secretKey };
  const keys = new Map<string, Uint8Array>();
  const tags: string[] = [];
  let refused = 0;
  try {
    for (const row of listed.value.grants) {
      const opened = openTerritoryGrant(sodium, row, user, ctx.session.orgKey, trusted, admins);
      if (!opened) refused++;
      else {
        keys.set(opened.keyId, opened.key);
        tags.push(opened.tag);
      }
    }
  } finally {
    secretKey.fill(0);
  }
  // The same key kept under its id: adopting a copy would wipe the one the session holds.
  const held = ctx.session.territoryKeys;
  for (const [keyId, key] of keys) {
    const same = held.get(keyId);
    if (same && sodium.memcmp(same, key)) keys.set(keyId, same);
  }
  // An older epoch of a territory still granted stays while a page here is under it (epochs.ts): the
  // pages this device wrote are re-wrapped under the current epoch now, the others arrive re-wrapped.
  const granted = new Set(tags);
  const older = [...held.keys()].filter((id) => !keys.has(id) && granted.has(territoryOfKeyId(id) ?? ''));
  const inUse = await keyIdsInUse(ctx.session, older);
  for (const keyId of older) if (inUse.has(keyId)) keys.set(keyId, held.get(keyId)!);
  await ctx.session.adoptTerritoryKeys(keys);
  if (inUse.size) {
    const { db } = ctx.session;
    await rewrapTerritoryPages(ctx.session, { mayRewrite: (pageId) => isOwnKeyPage(db, pageId) });
    await dropSpentTerritoryKeys(ctx.session);
  }
  return ok({ tags, refused });
};

/**
 * On the device of a member (not an admin) who holds exactly one territory, new people and organisations
 * go into that territory from the start: their keys are wrapped under its key, in its pages. Otherwise
 * (an admin, no territory, or several) they are organisation-wide until the rules move them. Answers the
 * tag new subjects go to, or null.
 */
export const placeNewSubjects = (session: Session, role: string): string | null => {
  // The current epoch of each territory held (an older one may still be kept: epochs.ts).
  const keyIds = [...currentTerritoryKeyIds(session.territoryKeys).values()];
  const only = keyIds.length === 1 && role !== 'admin' ? keyIds[0]! : null;
  const tag = only && territoryOfKeyId(only);
  session.placeNewSubjects(tag && only ? { newPageId: () => territoryPageId(tag), keyId: only } : null);
  return tag || null;
};
