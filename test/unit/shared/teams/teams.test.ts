import { describe, expect, it } from 'vitest';
import { byTeamName, ownedByTeam, TeamPayload } from '../../../../shared/teams';

describe('teams', () => {
  it('keeps a trimmed name of 1 to 80 characters and each member once', () => {
    expect(TeamPayload.parse({ name: ' Verkoop Noord ', memberIds: ['u1', 'u2', 'u1'] })).toEqual({
      name: 'Verkoop Noord',
      memberIds: ['u1', 'u2'],
    });
    expect(TeamPayload.safeParse({ name: ' ', memberIds: [] }).success).toBe(false);
    expect(TeamPayload.safeParse({ name: 'x'.repeat(81), memberIds: [] }).success).toBe(false);
  });

  it('holds a record whose owner is a member, and not one whose owner is not or who has none', () => {
    const team = { memberIds: ['anna', 'cees'] };
    expect(ownedByTeam(team, 'anna')).toBe(true);
    expect(ownedByTeam(team, 'bram')).toBe(false);
    expect(ownedByTeam(team, null)).toBe(false);
    expect(ownedByTeam({ memberIds: [] }, 'anna')).toBe(false);
  });

  it('lists teams by name', () => {
    const teams = [
      { id: '2', name: 'Zuid', memberIds: [] },
      { id: '1', name: 'Noord', memberIds: [] },
    ];
    expect([...teams].sort(byTeamName).map((t) => t.name)).toEqual(['Noord', 'Zuid']);
  });
});
