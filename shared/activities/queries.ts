// A subject's timeline, live: a person's own activities, or an organisation's with those of its people,
// reloaded only when an activity about one of those subjects changes.
import { defineQuery } from '../workspace';
import { ACTIVITY_KIND } from './activity';
import { loadTimeline, type Timeline } from './timeline';

export const subjectTimeline = defineQuery(
  'activities.timeline',
  (subjectIds: readonly string[]) => [{ collection: 'items', kinds: [ACTIVITY_KIND], subjectIds }],
  (workspace, subjectIds: readonly string[]): Promise<Timeline> => loadTimeline(workspace, subjectIds),
);
