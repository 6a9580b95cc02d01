// What a user can log about a person or organisation: calls, meetings, notes, emails (typed or dropped in
// as .eml files), purchases — and edit or delete them. Each is stored under the subject's key and audited
// by id (never the activity's text).
import { createItem, defineOperation, removeItem, saveItem } from '../workspace';
import { ACTIVITY_ITEMS } from './activity';

export const logActivity = defineOperation(
  'activities.log',
  createItem(ACTIVITY_ITEMS, (activity) => ({ type: activity.type })),
);

export const saveActivity = defineOperation('activities.save', saveItem(ACTIVITY_ITEMS));

export const deleteActivity = defineOperation('activities.delete', removeItem(ACTIVITY_ITEMS));
