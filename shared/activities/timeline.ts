// Loading a timeline: a person's own activities, or an organisation's together with those of its people,
// read by the subject index in one query and decrypted in chunks.
import { ACTIVITY_ITEMS, compareActivities, type ActivityPayload } from './activity';
import type { Decrypted, RecordProblem } from '../store';
import type { ItemDoc } from '../store';
import type { Session } from '../vault';
import { withRow } from '../directory';

export type Activity = Decrypted<ActivityPayload>;

export interface Timeline {
  /** Newest first by when it happened. */
  readonly activities: Activity[];
  readonly problems: RecordProblem[];
}

export const activities = (session: Session) => session.items(ACTIVITY_ITEMS);

/** The activities about any of these subjects, newest first. */
export const loadTimeline = async (
  session: Session,
  subjectIds: readonly string[],
  signal?: AbortSignal,
): Promise<Timeline> => {
  if (!subjectIds.length) return { activities: [], problems: [] };
  const docs = await session.db.items
    .find({ selector: { subjectId: { $in: [...new Set(subjectIds)] } } })
    .exec();
  const mine = docs.filter((d) => d.kind === ACTIVITY_ITEMS.kind).map((d) => d.toJSON() as ItemDoc);
  const opened = await activities(session).openMany(mine, { signal });
  opened.records.sort(compareActivities);
  return { activities: opened.records, problems: opened.problems };
};

/** Places a changed activity into a newest-first list (or takes it out): no re-sort of thousands. */
export const withActivity = (list: readonly Activity[], id: string, next: Activity | null): Activity[] =>
  withRow(
    list,
    list.find((a) => a.id === id),
    next ?? undefined,
    compareActivities,
  );
