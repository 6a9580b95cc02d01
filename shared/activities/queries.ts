// A subject's timeline, live: a person's own activities, or an organisation's with those of its people.
import { defineQuery } from '../workspace/query';
import { ACTIVITY_KIND } from './activity';
import { loadTimeline, type Timeline } from './timeline';

export const subjectTimeline = defineQuery(
  'activities.timeline',
  [{ collection: 'items', kinds: [ACTIVITY_KIND] }],
  (workspace, subjectIds: readonly string[]): Promise<Timeline> => loadTimeline(workspace, subjectIds),
);
