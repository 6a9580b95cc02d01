// Cases for shared/activities/operations.ts.
import { logActivity, type ActivityInput } from '../../../shared/activities';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { aboutASubject, onRecord, onSave, type OperationCases } from './harness';

const call: ActivityInput = {
  type: 'call',
  occurredAt: Date.UTC(2026, 10, 2, 10),
  title: 'Teruggebeld',
  createdBy: 'local',
};

const logCall = aboutASubject(call);
const anActivity = async (workspace: Workspace) =>
  logActivity(workspace, LOCAL_ACTOR, await logCall(workspace));

export const cases: OperationCases = {
  'activities.log': { input: logCall, audits: [{ action: 'create', kind: 'activity' }] },
  'activities.save': onSave(anActivity, (data) => ({ ...data, title: 'Twee keer gebeld' }), 'activity'),
  'activities.delete': onRecord(anActivity, 'delete', 'activity'),
};
