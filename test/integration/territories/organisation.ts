// The organisation the territory tests start from (issue 19, point 2): an admin with three people — one
// in the north (postal codes 1000-1999), one in the south (5000-5999), one outside both (organisation-
// wide) — and notes on two of them, two sales users, a territory for each, the people moved by the rules
// and the admin synced; with what the server then holds of the north and south subjects.
import { expect } from 'vitest';
import type { PersonInput } from '../../../shared/people/person';
import { applyTerritoryRules, defineTerritory, type SubjectFacts } from '../../../shared/territories';
import type { Session } from '../../../shared/vault/session';
import { annelies, bram } from '../../fixtures/people';
import { admin as connectedAdmin, ok } from '../sync/members';
import { fieldUser, NOTE, serverTraces, type TerritoryServer } from './setup';

export const address = (postalCode: string) => ({
  street: '',
  postalCode,
  city: '',
  region: '',
  country: 'NL',
});
export const NORTH: PersonInput = { ...annelies, address: address('1017 AB') };
export const SOUTH: PersonInput = { ...bram, address: address('5611 EM') };
export const ELSEWHERE: PersonInput = {
  ...annelies,
  givenName: 'Wessel',
  familyName: 'Overal',
  address: address('9711 AA'),
};

export const facts = async (session: Session): Promise<{ id: string; facts: SubjectFacts }[]> =>
  (await session.people.loadAll()).records.map((p) => ({
    id: p.id,
    facts: { ownerId: p.data.ownerId, address: p.data.address, tags: p.data.tags },
  }));

/** The given names of the people the device can read, sorted. */
export const names = async (session: Session) =>
  (await session.people.loadAll()).records.map((p) => p.data.givenName).sort();

export const twoTerritories = async ({ place, storage }: TerritoryServer) => {
  const ids: Record<'north' | 'south' | 'elsewhere', string> = { north: '', south: '', elsewhere: '' };
  const admin = await connectedAdmin(place, 0, {
    seed: async (session) => {
      ids.north = (await session.people.create(NORTH)).id;
      ids.south = (await session.people.create(SOUTH)).id;
      ids.elsewhere = (await session.people.create(ELSEWHERE)).id;
      await session.items(NOTE).create(ids.north, { text: 'Belde over de offerte' });
      await session.items(NOTE).create(ids.south, { text: 'Wil een demo in maart' });
    },
  });
  const salesA = await fieldUser(place, admin);
  const salesB = await fieldUser(place, admin);
  const ctx = { fetch, link: admin.link, session: admin.session };
  const range = (from: string, to: string) => ({ country: 'NL', from, to });
  const north = ok(
    await defineTerritory(ctx, {
      name: 'Noord',
      rules: { owners: [], countries: [], tags: [], postalRanges: [range('1000', '1999')] },
      members: [salesA.link.userId],
      managers: [],
    }),
  );
  const south = ok(
    await defineTerritory(ctx, {
      name: 'Zuid',
      rules: { owners: [], countries: [], tags: [], postalRanges: [range('5000', '5999')] },
      members: [salesB.link.userId],
      managers: [],
    }),
  );
  expect((await applyTerritoryRules(ctx, await facts(admin.session))).moved).toEqual({
    [north.data.tag]: 1,
    [south.data.tag]: 1,
  });
  await admin.sync();
  const traces = {
    north: await serverTraces(storage, admin.link.orgId, ids.north),
    south: await serverTraces(storage, admin.link.orgId, ids.south),
  };
  return { admin, salesA, salesB, ids, north, south, traces };
};
