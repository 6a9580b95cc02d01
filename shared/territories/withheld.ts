// A territory is let go only on an admin's word, never on the server's (issue 19, review T3/T4). The
// server lists a device's grants; a grant it leaves out may be an admin's removal, or a lie meant to make
// the device drop its territory's data, or place its new customers organisation-wide (keys.ts
// placeNewSubjects, which places into the one territory whose key the device holds). So when a territory
// this device held is no longer granted, the device asks the territory's definition — an organisation
// setting sealed under the organisation key, written and signed by an admin's device (only a signed one, or
// one this device held before signing, counts: signed-settings.ts), which the server cannot forge:
// - if it no longer names the user among the members, managers or holders, the removal is proved: the key
//   goes, the guard lets the territory's documents go (guard.ts), and both are audited;
// - otherwise the grant was withheld: the device keeps the key (and so its data, and new subjects keep
//   going into that territory), notes the territory in a local notice for the user, and audits it once.
// A territory granted again leaves the notice. An admin's device is treated the same, and then runs the
// territories' key duty (rotation.ts) and hands every territory to every admin (admin-keys.ts).
import { wipe } from '../crypto';
import { ok, type Result } from '../platform';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { listTerritories } from './definitions';
import { refreshTerritoryKeys, type TerritoryContext, type TerritoryError } from './keys';
import { territoryKeyDuty, type TerritoryRotationContext } from './rotation';
import { grantEveryAdmin } from './admin-keys';
import { noteLegacySettings, resignTerritorySettings } from './resign-settings';
import { countingSettings } from './signed-settings';
import { territoryOfKeyId } from './tags';

export const WITHHELD_ID = 'territory-withheld';

export interface WithheldNotice {
  /** Territories (by tag) the server stopped granting without an admin's removal, and since when. */
  readonly tags: Readonly<Record<string, number>>;
}

/** The territories this device keeps although the server no longer grants them, for a notice. */
export const withheldTerritories = (session: Session): Promise<WithheldNotice> =>
  readLocalDoc<WithheldNotice>(session, WITHHELD_ID, { tags: {} });

export interface HeldTerritories {
  /** The tags this device holds now: those granted, and those withheld. */
  readonly tags: string[];
  readonly withheld: string[];
  /** Tags whose removal an admin's definition proves: their keys are gone, their data goes next pull. */
  readonly released: string[];
}

/**
 * Reads the grants (keys.ts refreshTerritoryKeys) and keeps the key of every territory that this device
 * held and whose removal no admin's definition proves. Fails as the grants' read fails, changing nothing.
 */
export const refreshHeldTerritories = async (
  ctx: TerritoryRotationContext & { readonly link: TerritoryContext['link'] & { readonly role?: string } },
): Promise<Result<HeldTerritories, TerritoryError>> => {
  const { session } = ctx;
  // Copies: the refresh wipes the keys it drops.
  // The unsigned definitions and notes held before signing, noted once, before any pull (signed-settings.ts).
  await noteLegacySettings(session);
  const before = new Map([...session.territoryKeys].map(([id, key]) => [id, new Uint8Array(key)]));
  try {
    const refreshed = await refreshTerritoryKeys(ctx);
    if (!refreshed.ok) return refreshed;
    const granted = new Set(refreshed.value.tags);
    // Only a definition an admin's device signed (or taken before signing) proves a removal.
    const listed = await listTerritories(ctx);
    const definitions = (await countingSettings(session, 'territory', listed)).map((t) => t.data);
    const kept = new Map<string, Uint8Array>();
    const withheld = new Set<string>();
    const released = new Set<string>();
    for (const [keyId, key] of before) {
      const tag = territoryOfKeyId(keyId);
      if (!tag || granted.has(tag)) continue;
      const definition = definitions.find((t) => t.tag === tag);
      const named =
        !definition ||
        [...definition.members, ...definition.managers, ...definition.holders].includes(ctx.link.userId);
      if (!named) released.add(tag);
      else {
        withheld.add(tag);
        kept.set(keyId, key);
      }
    }
    if (kept.size) {
      await session.adoptTerritoryKeys(new Map([...session.territoryKeys, ...kept]));
      for (const keyId of kept.keys()) before.delete(keyId);
    }
    const now = Date.now();
    const previous = (await withheldTerritories(session)).tags;
    const fresh = [...withheld].filter((tag) => previous[tag] === undefined);
    if (fresh.length || Object.keys(previous).some((tag) => !withheld.has(tag)))
      await changeLocalDoc<WithheldNotice>(session, WITHHELD_ID, { tags: {} }, () => ({
        tags: Object.fromEntries([...withheld].map((tag) => [tag, previous[tag] ?? now])),
      }));
    for (const tag of fresh)
      await session.audit.record({
        action: 'territory',
        kind: 'territory-withheld',
        recordIds: [tag],
        details: { reason: 'grant' },
      });
    for (const tag of released)
      await session.audit.record({
        action: 'territory',
        kind: 'territory-released',
        recordIds: [tag],
        details: { reason: 'removed-by-admin' },
      });
    // An admin's device finishes and starts the territories' key rotations (rotation.ts): a member removed
    // from the organisation leaves the territories they held. A failure waits for the next pass.
    if (ctx.link.role === 'admin') {
      await territoryKeyDuty(ctx);
      // The definitions and notes from before signing, signed now (resign-settings.ts).
      await resignTerritorySettings(session);
      // Its admin roster, and every territory it holds to every admin (admin-keys.ts, roster.ts).
      await grantEveryAdmin(ctx);
    }
    return ok({ tags: [...granted, ...withheld], withheld: [...withheld], released: [...released] });
  } finally {
    for (const key of before.values()) wipe(key);
  }
};
