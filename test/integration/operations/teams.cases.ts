// Cases for shared/teams/operations.ts: defining a team and removing one.
import { saveTeam } from '../../../shared/teams';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { OperationCases } from './harness';

const sales = { name: 'Sales North', memberIds: ['u-anna', 'u-joris'] };

export const cases: OperationCases = {
  'teams.save': {
    input: async () => ({ id: null, team: sales }),
    audits: [{ action: 'create', kind: 'team' }],
  },
  'teams.remove': {
    input: async (workspace) => (await saveTeam(workspace, LOCAL_ACTOR, { id: null, team: sales })).id,
    audits: [{ action: 'delete', kind: 'team' }],
  },
};
