// What admins and managers do with teams: define one (a name and its members) or edit it, and remove one.
// Audited by the team's id and how many members it has; the team's name is the organisation's own text
// and stays out of the trail like every setting's content.
import { defineOperation } from '../workspace';
import { TEAM_CONFIG, TEAM_KIND, type TeamPayload } from './teams';

export interface SaveTeamInput {
  /** The team edited, or null for a new one. */
  readonly id: string | null;
  readonly team: { readonly name: string; readonly memberIds: readonly string[] };
}

export const saveTeam = defineOperation(
  'teams.save',
  async (workspace, _actor, { id, team }: SaveTeamInput) => {
    const input: TeamPayload = { name: team.name, memberIds: [...team.memberIds] };
    const repository = workspace.settings(TEAM_CONFIG);
    const saved = id === null ? await repository.put(input) : await repository.put(input, id);
    return {
      result: { id: saved.id, ...saved.data },
      audit: {
        action: id === null ? 'create' : 'update',
        kind: TEAM_KIND,
        recordIds: [saved.id],
        details: { members: saved.data.memberIds.length },
      },
    };
  },
  { roles: ['admin', 'manager'] },
);

export const removeTeam = defineOperation(
  'teams.remove',
  async (workspace, _actor, id: string) => {
    await workspace.settings(TEAM_CONFIG).remove(id);
    return { result: undefined, audit: { action: 'delete', kind: TEAM_KIND, recordIds: [id] } };
  },
  { roles: ['admin', 'manager'] },
);
