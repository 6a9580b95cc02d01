// The organisation's teams this device holds, live, by name; a team that cannot be opened is left out.
import { defineQuery, type Workspace } from '../workspace';
import { byTeamName, TEAM_CONFIG, TEAM_KIND, type Team } from './teams';

export const loadTeams = async (workspace: Workspace): Promise<Team[]> =>
  (await workspace.settings(TEAM_CONFIG).list()).records
    .map(({ id, data }) => ({ id, ...data }))
    .sort(byTeamName);

export const teams = defineQuery(
  'teams.list',
  [{ collection: 'settings', kinds: [TEAM_KIND] }],
  (workspace): Promise<Team[]> => loadTeams(workspace),
);
