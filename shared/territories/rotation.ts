// A territory's key moves to a new epoch when someone who held it no longer does (issue 19): taken off the
// territory by an admin, or removed from the organisation. Their devices held the key, so it is replaced:
// an admin's device makes a new key, grants it to the remaining holders (keys.ts grantTerritory), which
// tells the server the territory's new current epoch, saves the definition with it, and re-wraps every key
// page of the territory under it (epochs.ts) — the subjects' data keys are sealed again, the records and
// items are not re-encrypted. A key page written after the rotation (a new customer) is under the new key,
// which a former holder never receives; the data keys of the subjects they could already read do not
// change, so what they copied before stays readable to them (the server's filter keeps new documents away).
//
// Like the organisation's page-key rotation (sync/rotation.ts), every step is safe to repeat and to break
// off: the new key is kept on this device before the server hears of it, a rotation the server took but
// whose definition was not saved is finished on the next pass (territoryKeyDuty), and pages still under an
// older epoch are re-wrapped whenever this device passes by. Audited with the tag and counts only.
//
// A suspended member (issue 19 review, gap 2) lost access: they stay a member of the definition (an admin
// who reinstates them grants them again by saving the territory's holders), but receive no grant, so a
// holder suspended is taken off the key like one who left, and the rotation finishes for everyone else.
import { newId, randomBytes } from '../crypto';
import { err, ok, type Result } from '../platform';
import type { Setting } from '../store';
import { memberPins, ROUTES, serverClient } from '../sync';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { auditStep } from '../workspace';
import { listTerritories, saveTerritory, type TerritorySetting } from './definitions';
import {
  currentTerritoryKeyIds,
  dropSpentTerritoryKeys,
  rewrapTerritoryPages,
  type RewrapProgress,
} from './epochs';
import { grantTerritory, territoryRequest, type TerritoryContext, type TerritoryError } from './keys';
import type { TerritoryHoldersResponse } from './protocol';
import { territoryKeyId, territoryOfKeyId } from './tags';

/** Where a territory's rotation stands: the new key being granted, then its pages re-wrapped (data keys). */
export type TerritoryRotationProgress = RewrapProgress & {
  readonly phase: 'granting' | 'rewrapping';
  /** The territory it concerns. */
  readonly tag: string;
};

export interface TerritoryRotationContext extends TerritoryContext {
  readonly onProgress?: (progress: TerritoryRotationProgress) => void;
  /** Resolves when the work may go on, between pages (a macrotask by default). */
  readonly pause?: () => Promise<void>;
}

type Saved = Result<Setting<TerritorySetting>, TerritoryError>;

// Rotations this admin device owes (helper-91's review): a holder taken off a territory keeps the key
// until the rotation hands out a new one, and a rotation that fails then (offline, a refusal) would not
// come back by itself: the definition no longer names them, so saving the same holders again sees no one
// left out. The tag is kept here before the definition is saved and dropped once the territory's key
// has moved on; territoryKeyDuty rotates what is still owed on every pass. Tags are random, no personal
// data.
const OWED_ID = 'territory-rotations-owed';
type Owed = Record<string, number>;
const owe = (session: TerritoryContext['session'], tag: string) =>
  changeLocalDoc<Owed>(session, OWED_ID, {}, (owed) => ({ ...owed, [tag]: owed[tag] ?? Date.now() }));
const paid = (session: TerritoryContext['session'], tag: string) =>
  changeLocalDoc<Owed>(session, OWED_ID, {}, ({ [tag]: _paid, ...rest }) => rest);
/** The tags of territories whose key this device still owes a rotation. */
export const owedRotations = async (session: TerritoryContext['session']): Promise<string[]> =>
  Object.keys(await readLocalDoc<Owed>(session, OWED_ID, {}));

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The territory with only its active members and managers, the ones granted its key (the server's list). */
const grantedPart = (
  territory: TerritorySetting,
  users: readonly { id: string; status: string }[],
): TerritorySetting => {
  const active = new Set(users.filter((u) => u.status === 'active').map((u) => u.id));
  return {
    ...territory,
    members: territory.members.filter((id) => active.has(id)),
    managers: territory.managers.filter((id) => active.has(id)),
  };
};

/** The definition with its holders now: who held the key since when, and who held it until now. */
const withHolders = (
  before: TerritorySetting,
  next: TerritorySetting,
  holders: readonly string[],
): TerritorySetting => {
  const now = Date.now();
  const kept = new Set(holders);
  // A holder from before `heldSince` was kept stays without a date (held since the start, as far as known).
  const heldSince: Record<string, number> = {};
  for (const userId of holders) {
    const since = before.heldSince[userId] ?? (before.holders.includes(userId) ? null : now);
    if (since !== null) heldSince[userId] = since;
  }
  const formerHolders = [
    ...before.formerHolders,
    ...before.holders
      .filter((userId) => !kept.has(userId))
      .map((userId) => ({ userId, from: before.heldSince[userId] ?? null, until: now })),
  ];
  return { ...next, holders: [...holders], heldSince, formerHolders };
};

/**
 * Re-wraps this admin device's pages of the territories given (every one with a page under an older epoch
 * by default), one territory at a time so each reports its own progress, and lets go of the keys no page
 * needs.
 */
const rewrapAll = async (ctx: TerritoryRotationContext, tags?: ReadonlySet<string>) => {
  const held = ctx.session.territoryKeys;
  const current = new Set(currentTerritoryKeyIds(held).values());
  const older = [...held.keys()].filter((keyId) => !current.has(keyId)).map(territoryOfKeyId);
  const done = { pages: 0, keys: 0 };
  for (const tag of tags ?? new Set(older.filter((t): t is string => !!t))) {
    const one = await rewrapTerritoryPages(ctx.session, {
      mayRewrite: () => Promise.resolve(true),
      tags: new Set([tag]),
      onProgress: (p) => ctx.onProgress?.({ phase: 'rewrapping', tag, ...p }),
      pause: ctx.pause ?? macrotask,
    });
    done.pages += one.pages;
    done.keys += one.keys;
  }
  await dropSpentTerritoryKeys(ctx.session);
  return done;
};

/**
 * Moves the territory's key to a new epoch, held by the definition's members and managers (and the
 * admins) but none removed from the organisation. Run on an admin's device that holds the current key.
 */
export const rotateTerritoryKey = async (ctx: TerritoryRotationContext, tag: string): Promise<Saved> => {
  const { session } = ctx;
  const current = (await listTerritories(ctx)).find((t) => t.data.tag === tag);
  if (!current) return err('not-found');
  if (!session.territoryKeys.has(territoryKeyId(tag, current.data.epochId))) return err('forbidden');
  const users = await serverClient(ctx.fetch, ctx.link).call(ROUTES.listUsers);
  if (!users.ok) return users;
  const pins = memberPins(session.db);
  const listed = new Map(users.value.map((u) => [u.id, u.status]));
  const left = new Set<string>();
  for (const userId of [...current.data.members, ...current.data.managers, ...current.data.holders])
    if ((listed.get(userId) ?? 'removed') === 'removed' || (await pins.isRemoved(userId))) left.add(userId);
  const next: TerritorySetting = {
    ...current.data,
    members: current.data.members.filter((id) => !left.has(id)),
    managers: current.data.managers.filter((id) => !left.has(id)),
  };
  ctx.onProgress?.({ phase: 'granting', tag, done: 0, total: 0 });
  const epochId = newId();
  const key = randomBytes(32);
  const keyId = territoryKeyId(tag, epochId);
  // Kept here first, as the territory's current key: once the server takes it, it is never lost.
  await session.adoptTerritoryKeys(new Map([[keyId, key], ...session.territoryKeys]));
  const granted = await grantTerritory(ctx, grantedPart(next, users.value), { epochId, key });
  if (!granted.ok) {
    await session.adoptTerritoryKeys(new Map([...session.territoryKeys].filter(([id]) => id !== keyId)));
    return granted;
  }
  const saved = await saveTerritory(
    session,
    withHolders(current.data, { ...next, epochId }, granted.value.holders),
  );
  await paid(session, tag);
  const rewrapped = await rewrapAll(ctx, new Set([tag]));
  await auditStep(session, {
    action: 'territory',
    kind: 'territory-rotation',
    recordIds: [tag],
    details: {
      holders: granted.value.holders.length,
      left: current.data.holders.filter((id) => !granted.value.holders.includes(id)).length,
      pages: rewrapped.pages,
      keys: rewrapped.keys,
    },
  });
  return ok(saved);
};

/**
 * Changes who a territory is for: its members and managers now. The key is granted to them; when someone
 * who held it is left out, it moves to a new epoch (rotateTerritoryKey) that they never receive. A user
 * left out is no longer sent the territory, and their devices let go of its subjects (guard.ts).
 */
export const setTerritoryHolders = async (
  ctx: TerritoryRotationContext,
  tag: string,
  holders: { members: readonly string[]; managers: readonly string[] },
): Promise<Saved> => {
  const current = (await listTerritories(ctx)).find((t) => t.data.tag === tag);
  if (!current) return err('not-found');
  const key = ctx.session.territoryKeys.get(territoryKeyId(tag, current.data.epochId));
  if (!key) return err('forbidden');
  const next = { ...current.data, members: [...holders.members], managers: [...holders.managers] };
  const users = await serverClient(ctx.fetch, ctx.link).call(ROUTES.listUsers);
  if (!users.ok) return users;
  const granted = await grantTerritory(ctx, grantedPart(next, users.value), {
    epochId: current.data.epochId,
    key,
  });
  if (!granted.ok) return granted;
  const kept = new Set(granted.value.holders);
  const leaving = !current.data.holders.every((userId) => kept.has(userId));
  if (leaving) await owe(ctx.session, tag);
  const saved = await saveTerritory(ctx.session, withHolders(current.data, next, granted.value.holders));
  if (!leaving) return ok(saved);
  return rotateTerritoryKey(ctx, tag);
};

/**
 * An admin's device's pass over the territories, safe on every sync: finishes a rotation the server took
 * but whose definition was not saved, moves to a new epoch every territory a holder of which was removed
 * from the organisation, and re-wraps the pages still under an older epoch. Answers the tags rotated.
 */
export const territoryKeyDuty = async (
  ctx: TerritoryRotationContext,
): Promise<Result<{ rotated: string[] }, TerritoryError>> => {
  const { session } = ctx;
  const onServer = await territoryRequest<TerritoryHoldersResponse>(ctx, 'GET', '/territories');
  if (!onServer.ok) return onServer;
  if (!Array.isArray(onServer.value.territories)) return err('bad-response');
  for (const listed of onServer.value.territories) {
    const definition = (await listTerritories(ctx)).find((t) => t.data.tag === listed.tag);
    const keyId = territoryKeyId(listed.tag, listed.epochId);
    const key = session.territoryKeys.get(keyId);
    // The server names an epoch the definition does not, and this device made it: saved now, as current.
    if (!definition || definition.data.epochId === listed.epochId || !key) continue;
    await session.adoptTerritoryKeys(new Map([[keyId, key], ...session.territoryKeys]));
    const holders = listed.holders.filter((id) => typeof id === 'string');
    await saveTerritory(
      session,
      withHolders(definition.data, { ...definition.data, epochId: listed.epochId }, holders),
    );
  }
  const users = await serverClient(ctx.fetch, ctx.link).call(ROUTES.listUsers);
  if (!users.ok) return users;
  const pins = memberPins(session.db);
  const listed = new Map(users.value.map((u) => [u.id, u.status]));
  const removed = async (userId: string) =>
    (listed.get(userId) ?? 'removed') === 'removed' || (await pins.isRemoved(userId));
  const rotated: string[] = [];
  const owed = new Set(await owedRotations(session));
  const territories = await listTerritories(ctx);
  // A territory deleted since owes nothing; dropped with an audit entry, so a server that deleted the
  // definition on this device to clear the debt leaves a trace (helper-92's review).
  const vanished = [...owed].filter((tag) => !territories.some((t) => t.data.tag === tag));
  for (const tag of vanished) await paid(session, tag);
  if (vanished.length)
    await auditStep(session, {
      action: 'territory',
      kind: 'territory-rotation-dropped',
      recordIds: vanished,
      details: { territories: vanished.length },
    });
  for (const territory of territories) {
    let leaver = owed.has(territory.data.tag);
    for (const userId of territory.data.holders) leaver ||= await removed(userId);
    if (!leaver) continue;
    const done = await rotateTerritoryKey(ctx, territory.data.tag);
    if (!done.ok) return done;
    rotated.push(territory.data.tag);
  }
  // Pages a rotation broken off left under an older epoch: re-wrapped now, and audited here, since the
  // rotation's own entry comes only after its re-wrap.
  const finished = await rewrapAll(ctx);
  if (finished.keys)
    await auditStep(session, {
      action: 'territory',
      kind: 'territory-rewrap',
      recordIds: [],
      details: { pages: finished.pages, keys: finished.keys },
    });
  return ok({ rotated });
};
