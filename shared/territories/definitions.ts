// The territories an admin defined (model.ts), kept as organisation settings under their tag, with the
// epoch of the key that wraps their pages. Every member reads them (the names are shown on records and
// in filters); only an admin's device writes them and hands out their keys (keys.ts). Who holds a
// territory's key is changed in rotation.ts, which moves the key to a new epoch when a holder leaves.
//
// Replays (review of territories, gap 1): every save raises the definition's version, sealed with it under
// the organisation key, so the server cannot change it. Each device keeps, per territory, the version and a
// digest of the definition it accepted (a local document); a pull that brings an older version, or the same
// version with other content, is refused (replays.ts), so a server cannot bring back a definition that no
// longer names this device's user and have it let go of the territory (withheld.ts). A definition from
// before versions is version 0.
import { z } from 'zod';
import { newId, toBase64, utf8 } from '../crypto';
import { err, ok, type Result } from '../platform';
import { sealedKind } from '../store';
import type { Setting } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { keyNewTerritory, type TerritoryContext, type TerritoryError } from './keys';
import { TerritoryPayload, territoryFor, type SubjectFacts, type Territory } from './model';
import { AcceptedMovesUnreadable, latestMoves, moveToTerritory, subjectMark } from './move';
import { finishInterruptedMoves } from './page-moves';
import { SettingSignature, signSetting, unsignedPart } from './signed-settings';
import { newTerritoryTag } from './tags';

export const TERRITORY_KIND = 'territory';
export const TerritorySetting = TerritoryPayload.extend({
  /** Raised by every save (saveTerritory); 0 for a definition from before versions. */
  version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  /** The epoch of the territory key that wraps its pages now. */
  epochId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Every user the key was granted to (members, managers and the admins of that time). */
  holders: z.array(z.string().min(1).max(64)).max(2000).default([]),
  /** When each holder was granted the key (the lost-device drill reads who held it when: exposure.ts). */
  heldSince: z.record(z.string().min(1).max(64), z.number().int().nonnegative()).default({}),
  /** Former holders and when they held the key (`from` unknown for a holder from before this was kept). */
  formerHolders: z
    .array(
      z.strictObject({
        userId: z.string().min(1).max(64),
        from: z.number().int().nonnegative().nullable(),
        until: z.number().int().nonnegative(),
      }),
    )
    .max(5000)
    .default([]),
  /** The admin device's signature (signed-settings.ts); absent on a definition from before signing. */
  signed: SettingSignature.optional(),
});
export type TerritorySetting = z.infer<typeof TerritorySetting>;
export const TERRITORY = sealedKind(TERRITORY_KIND, TerritorySetting, 1);

export type TerritoryInput = Omit<z.input<typeof TerritoryPayload>, 'tag'>;

/** Per tag, the version of the definition this device accepted and a digest of it. */
export type AcceptedDefinitions = Record<string, { v: number; digest: string }>;
const ACCEPTED_ID = 'territory-definitions-accepted';

/** A keyed digest of a definition under the organisation key (so it tells nothing of its content). */
export const definitionDigest = (
  session: Pick<Session, 'cipher' | 'orgKey'>,
  definition: TerritorySetting,
): string =>
  toBase64(
    session.cipher.sodium.crypto_generichash(
      16,
      utf8(`kluis-territory-definition|${JSON.stringify(unsignedPart(definition))}`),
      session.orgKey,
    ),
  );

export const acceptedDefinitions = (session: Session): Promise<AcceptedDefinitions> =>
  readLocalDoc<AcceptedDefinitions>(session, ACCEPTED_ID, {});

/**
 * The most a definition's version may be above the one accepted here. A definition is one setting per
 * territory, so a device that was offline across several saves receives only the last: it cannot be one
 * step (as a move's version is), but a bounded one, so a definition planted at the highest version is
 * refused and cannot pin the territory (review F2). No territory is saved this often between two syncs.
 */
export const DEFINITION_STEP = 1000;

type DefinitionVersion = AcceptedDefinitions[string];

/**
 * How a definition compares with the one accepted (or stored) here: newer, the same, older, or `ahead`
 * (more than DEFINITION_STEP above). Two different definitions under one version (two admins saving
 * offline) settle the same on every device, whichever came first: the higher digest. At version 0
 * (definitions from before versions) a different one is newer, as before.
 */
export const compareDefinition = (
  definition: DefinitionVersion,
  base: DefinitionVersion | undefined,
): 'newer' | 'same' | 'older' | 'ahead' => {
  if (!base) return 'newer';
  if (definition.v > base.v + DEFINITION_STEP) return 'ahead';
  if (definition.v !== base.v) return definition.v > base.v ? 'newer' : 'older';
  if (definition.digest === base.digest) return 'same';
  return base.v === 0 || definition.digest > base.digest ? 'newer' : 'older';
};

/** A definition's version and digest. */
export const definitionVersion = (
  session: Pick<Session, 'cipher' | 'orgKey'>,
  definition: TerritorySetting,
): DefinitionVersion => ({ v: definition.version, digest: definitionDigest(session, definition) });

/** Notes a definition as accepted on this device (a newer one only). */
export const acceptDefinition = (session: Session, definition: TerritorySetting): Promise<unknown> =>
  changeLocalDoc<AcceptedDefinitions>(session, ACCEPTED_ID, {}, (current) => {
    const version = definitionVersion(session, definition);
    return compareDefinition(version, current[definition.tag]) === 'newer'
      ? { ...current, [definition.tag]: version }
      : current;
  });

/**
 * Saves a definition under its tag with the next version: one more than the one this device accepted,
 * after taking in the one stored here when it is newer and not too far ahead. A stored one too far ahead
 * (planted) is left out and audited ('territory-replay-refused', counts only): it cannot stop the save.
 */
export const saveTerritory = async (
  session: Session,
  definition: z.input<typeof TerritorySetting>,
): Promise<Setting<TerritorySetting>> => {
  const settings = session.settings(TERRITORY);
  const stored = await settings.get(definition.tag).catch(() => null);
  let accepted = (await acceptedDefinitions(session))[definition.tag];
  if (stored) {
    const version = definitionVersion(session, stored.data);
    const seen = compareDefinition(version, accepted);
    if (seen === 'newer') accepted = version;
    if (seen === 'ahead')
      await session.audit.record({
        action: 'territory',
        kind: 'territory-replay-refused',
        recordIds: [],
        details: { definitions: 1, moves: 0 },
      });
  }
  const next = TerritorySetting.parse({ ...definition, version: (accepted?.v ?? 0) + 1 });
  // Signed by this (an admin's) device: other devices take no definition that is not (signed-settings.ts).
  const signed = signSetting(session, await session.deviceSigner(), 'territory', definition.tag, next);
  const saved = await settings.put(signed, definition.tag);
  await acceptDefinition(session, saved.data);
  return saved;
};

/** Every territory of the organisation, in the order rules are tried (by name). */
export const listTerritories = async (
  ctx: Pick<TerritoryContext, 'session'>,
): Promise<Setting<TerritorySetting>[]> =>
  (await ctx.session.settings(TERRITORY).list()).records.sort((a, b) =>
    a.data.name.localeCompare(b.data.name),
  );

/**
 * Defines a territory: a new tag and key, the key granted to its holders, the definition saved. Admins
 * only (the server refuses the grants of anyone else).
 */
export const defineTerritory = async (
  ctx: TerritoryContext,
  input: TerritoryInput,
): Promise<Result<Setting<TerritorySetting>, TerritoryError>> => {
  const parsed = TerritoryPayload.safeParse({ ...input, tag: newTerritoryTag() });
  if (!parsed.success) return err('bad-request');
  const keyed = await keyNewTerritory(ctx, parsed.data);
  if (!keyed.ok) return keyed;
  const epochId = keyed.value.keyId.split(':')[1] ?? newId();
  const holders = keyed.value.holders;
  const now = Date.now();
  const heldSince = Object.fromEntries(holders.map((userId) => [userId, now]));
  return ok(
    await saveTerritory(ctx.session, { ...parsed.data, epochId, holders, heldSince, formerHolders: [] }),
  );
};

/**
 * Subjects moved in one step of applying the rules: their entries go into one new key page, ~150 kB per
 * 1,000 (under the server's 1 MiB payload), and one step of a few seconds, not one of every subject.
 */
export const APPLY_BATCH = 1000;

/** How far applying the rules got: subjects gone through (moved or in place already) of those that match. */
export interface ApplyProgress {
  readonly done: number;
  readonly total: number;
}

export interface ApplyOptions {
  /** Subjects per step (at most APPLY_BATCH). */
  readonly batch?: number;
  /** After each step. */
  readonly progress?: (progress: ApplyProgress) => void;
  /** After each step that moved subjects, before the next: complete, so an apply that stops keeps it. */
  readonly moved?: (step: { tag: string; subjectIds: string[] }) => Promise<void>;
}

/**
 * Moves each given subject into the territory its facts match under the rules (the first territory that
 * matches); subjects that match none stay where they are. Goes in steps of at most APPLY_BATCH subjects of
 * one territory, each complete (new key page, records resealed, former pages, move note) before the next;
 * an apply that stops midway keeps the steps done, and applying again moves the rest (subjects in their
 * territory already are left alone). Answers how many moved into each tag, and which.
 */
export const applyTerritoryRules = async (
  ctx: Pick<TerritoryContext, 'session'>,
  subjects: readonly { id: string; facts: SubjectFacts }[],
  options: ApplyOptions = {},
): Promise<{ moved: Record<string, number>; subjectIds: string[] }> => {
  const batch = Math.max(1, Math.min(options.batch ?? APPLY_BATCH, APPLY_BATCH));
  const territories = (await listTerritories(ctx)).map((s) => s.data);
  const byTag = new Map<string, { territory: TerritorySetting; ids: string[] }>();
  for (const subject of subjects) {
    const match = territoryFor(territories, subject.facts) as (Territory & { epochId: string }) | null;
    if (!match) continue;
    const entry = byTag.get(match.tag) ?? { territory: match as TerritorySetting, ids: [] };
    entry.ids.push(subject.id);
    byTag.set(match.tag, entry);
  }
  const moved: Record<string, number> = {};
  const subjectIds: string[] = [];
  const total = [...byTag.values()].reduce((n, { ids }) => n + ids.length, 0);
  let done = 0;
  const reported = async () => {
    options.progress?.({ done, total });
    // A turn for the page: the progress shows, and no step's long task runs into the next.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
  await reported();
  for (const [tag, { territory, ids }] of byTag) {
    moved[tag] = 0;
    for (let i = 0; i < ids.length; i += batch) {
      const step = ids.slice(i, i + batch);
      const stepped = await moveToTerritory(ctx.session, step, { tag, epochId: territory.epochId });
      moved[tag] += stepped.moved;
      subjectIds.push(...stepped.subjectIds);
      if (stepped.moved) await options.moved?.({ tag, subjectIds: stepped.subjectIds });
      done += step.length;
      await reported();
    }
  }
  // A step an earlier apply broke off between re-sealing and dropping the former page, and the page a
  // re-moved subject left behind in this one, are finished last (page-moves.ts), each for the territory
  // its latest accepted move went to; when the accepted moves do not open, none is finished.
  const latest = await latestMoves(ctx.session).catch((error: unknown) => {
    if (error instanceof AcceptedMovesUnreadable) return null;
    throw error;
  });
  if (latest) await finishInterruptedMoves(ctx.session, (id) => latest.get(subjectMark(ctx.session, id)));
  return { moved, subjectIds };
};
