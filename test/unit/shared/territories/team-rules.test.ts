// Territories by team (issue 19, point 2): a rule may name teams, and a subject falls in the territory
// when its owner is in one of them, or is one of the owners the rule names; a team rule still needs the
// territory's other kinds of rule (region, tags) to hold.
import { describe, expect, it } from 'vitest';
import { matchesTerritory, TerritoryPayload, territoryFor } from '../../../../shared/territories';

const territory = (name: string, rules: object) =>
  TerritoryPayload.parse({ tag: '0123456789abcdef', name, rules });

const owned = (ownerId: string | null, ownerTeams: string[], postalCode = '9711 AB') => ({
  ownerId,
  ownerTeams,
  address: { postalCode, country: 'NL' },
  tags: [],
});

describe('team rules', () => {
  it("takes a subject whose owner is in one of the rule's teams, or is one of its owners", () => {
    const north = territory('Noord', { teams: ['team-noord'], owners: ['user-anna'] }).rules;
    expect(matchesTerritory(north, owned('user-bram', ['team-noord']))).toBe(true);
    expect(matchesTerritory(north, owned('user-anna', []))).toBe(true);
    expect(matchesTerritory(north, owned('user-cees', ['team-zuid']))).toBe(false);
    expect(matchesTerritory(north, owned(null, []))).toBe(false);
  });

  it('still asks the other kinds of rule the territory sets', () => {
    const northInGroningen = territory('Noord', {
      teams: ['team-noord'],
      postalRanges: [{ country: 'NL', from: '9000', to: '9999' }],
    }).rules;
    expect(matchesTerritory(northInGroningen, owned('user-bram', ['team-noord'], '9711 AB'))).toBe(true);
    expect(matchesTerritory(northInGroningen, owned('user-bram', ['team-noord'], '1017 AB'))).toBe(false);
  });

  it('places a subject in the first territory whose team rule holds; definitions saved before teams read as none', () => {
    const older = TerritoryPayload.parse({
      tag: 'fedcba9876543210',
      name: 'Oud',
      rules: { owners: [], countries: [], postalRanges: [], tags: ['x'] },
    });
    expect(older.rules.teams).toEqual([]);
    const south = territory('Zuid', { teams: ['team-zuid'] });
    expect(territoryFor([older, south], owned('user-cees', ['team-zuid']))?.name).toBe('Zuid');
  });
});
