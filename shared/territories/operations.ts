// What an admin does with territories (issue 19, point 2), as core operations: define one (a new key,
// granted to its holders), change who holds it, and move every person and organisation into the territory
// its rules name. Each is audited with tags, ids and counts only — never a rule's postal codes or a name.
import type { AccountLink, Fetch } from '../sync';
import type { Result } from '../platform';
import type { AuditEvent } from '../audit';
import { defineOperation, type Done } from '../workspace';
import type { Setting } from '../store';
import {
  applyTerritoryRules,
  defineTerritory,
  type ApplyProgress,
  type TerritoryInput,
  type TerritorySetting,
} from './definitions';
import { setTerritoryHolders, type TerritoryRotationProgress } from './rotation';
import type { TerritoryError } from './keys';
import { loadTeams, ownedByTeam, type Team } from '../teams';
import type { SubjectFacts } from './model';

const ADMIN_ONLY = { roles: ['admin'], mayChangeNothing: true } as const;

type Saved = Done<Result<Setting<TerritorySetting>, TerritoryError>>;

interface ServerInput {
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId'>;
}

/** Defines a territory; refused by the server (or offline), nothing is stored and nothing audited. */
export const createTerritory = defineOperation<
  ServerInput & { readonly territory: TerritoryInput },
  Result<Setting<TerritorySetting>, TerritoryError>
>(
  'territories.define',
  async (
    session,
    _actor,
    { fetch, link, territory }: ServerInput & { readonly territory: TerritoryInput },
  ) => {
    const defined = await defineTerritory({ fetch, link, session }, territory);
    if (!defined.ok) return { result: defined, audit: [] };
    return {
      result: defined,
      audit: {
        action: 'territory',
        kind: 'territory',
        recordIds: [defined.value.id],
        details: { holders: defined.value.data.holders.length },
      },
    };
  },
  ADMIN_ONLY,
);

interface HoldersInput extends ServerInput {
  readonly tag: string;
  readonly members: string[];
  readonly managers: string[];
  /** Hears the rotation's progress when someone who held the key is left out. */
  readonly onProgress?: (progress: TerritoryRotationProgress) => void;
}

/**
 * Names a territory's members and managers now; their devices get (or lose) its key, which moves to a new
 * epoch when someone who held it is left out (rotation.ts, audited there with the tag and counts).
 */
export const changeTerritoryHolders = defineOperation<
  HoldersInput,
  Result<Setting<TerritorySetting>, TerritoryError>
>(
  'territories.setHolders',
  async (session, _actor, input: HoldersInput): Promise<Saved> => {
    const { fetch, link, tag, onProgress, ...holders } = input;
    const ctx = { fetch, link, session, ...(onProgress ? { onProgress } : {}) };
    const changed = await setTerritoryHolders(ctx, tag, holders);
    if (!changed.ok) return { result: changed, audit: [] };
    return {
      result: changed,
      audit: {
        action: 'territory',
        kind: 'territory-holders',
        recordIds: [tag],
        details: { holders: changed.value.data.holders.length },
      },
    };
  },
  ADMIN_ONLY,
);

const factsOf = (
  teams: readonly Team[],
  data: { ownerId: string | null; address: SubjectFacts['address']; tags: string[] },
): SubjectFacts => ({
  ownerId: data.ownerId,
  ownerTeams: teams.filter((team) => ownedByTeam(team, data.ownerId)).map((team) => team.id),
  address: data.address,
  tags: data.tags,
});

/**
 * Moves every person and organisation into the territory its rules name, in steps (applyTerritoryRules):
 * each step that moved subjects is audited with their ids as soon as it is done, so an apply that stops
 * midway leaves what it moved audited; `progress` hears "n of N" after each step.
 */
export const applyTerritories = defineOperation<
  { readonly progress?: (progress: ApplyProgress) => void } | undefined,
  Record<string, number>
>(
  'territories.applyRules',
  async (session, _actor, input, step) => {
    const people = (await session.people.loadAll()).records;
    const organisations = (await session.organisations.loadAll()).records;
    const teams = await loadTeams(session);
    const subjects = [...people, ...organisations].map((s) => ({ id: s.id, facts: factsOf(teams, s.data) }));
    const moveAudit = (subjectIds: string[], territories: number): AuditEvent => ({
      action: 'territory',
      kind: 'territory-move',
      recordIds: subjectIds,
      details: { moved: subjectIds.length, territories },
    });
    const applied = await applyTerritoryRules({ session }, subjects, {
      ...(input?.progress ? { progress: input.progress } : {}),
      moved: ({ subjectIds }) => step(moveAudit(subjectIds, 1)),
    });
    // Nothing moved: one entry says so.
    return { result: applied.moved, audit: applied.subjectIds.length ? [] : moveAudit([], 0) };
  },
  { roles: ['admin'] },
);
