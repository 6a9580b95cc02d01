// What a user can log about a person or organisation: calls, meetings, notes, emails (typed or dropped in
// as .eml files), purchases — and edit or delete them. Each is stored under the subject's key and audited
// by id (never the activity's text).
import { defineOperation } from '../workspace';
import { ACTIVITY_ITEMS, type ActivityInput } from './activity';

export const logActivity = defineOperation(
  'activities.log',
  async (
    workspace,
    _actor,
    { subjectId, input }: { readonly subjectId: string; readonly input: ActivityInput },
  ) => {
    const activity = await workspace.items(ACTIVITY_ITEMS).create(subjectId, input);
    return {
      result: activity,
      audit: {
        action: 'create',
        kind: 'activity',
        recordIds: [activity.id],
        details: { type: activity.data.type },
      },
    };
  },
);

export const saveActivity = defineOperation(
  'activities.save',
  async (workspace, _actor, { id, input }: { readonly id: string; readonly input: ActivityInput }) => {
    const activity = await workspace.items(ACTIVITY_ITEMS).update(id, () => input);
    return { result: activity, audit: { action: 'update', kind: 'activity', recordIds: [id] } };
  },
);

export const deleteActivity = defineOperation('activities.delete', async (workspace, _actor, id: string) => {
  await workspace.items(ACTIVITY_ITEMS).remove(id);
  return { result: undefined, audit: { action: 'delete', kind: 'activity', recordIds: [id] } };
});
