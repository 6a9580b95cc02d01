// A subject's timeline, loaded by the subject index and kept live (a change here or by sync reloads it).
import { useMemo } from 'react';
import { subjectTimeline, type Activity } from '../../../../shared/activities';
import type { RecordProblem } from '../../../../shared/store';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

export interface TimelineState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly activities: readonly Activity[];
  readonly problems: readonly RecordProblem[];
}

const LOADING: TimelineState = { status: 'loading', activities: [], problems: [] };

/** A person's own entries; an organisation's own plus those of the people who work there. */
export const useTimelineSubjects = (subjectId: string, subjectKind: 'person' | 'organisation'): string[] => {
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const key = useMemo(
    () =>
      subjectKind === 'person'
        ? subjectId
        : [subjectId, ...directory.peopleOf(subjectId).map((p) => p.id)].join(','),
    // The directory's version changes when people join or leave the organisation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [subjectId, subjectKind, directory, version],
  );
  return useMemo(() => key.split(','), [key]);
};

/** The timeline of these subjects, live from the core's query (reloaded after a change, debounced). */
export const useTimeline = (subjectIds: readonly string[]): TimelineState => {
  const result = useLiveQuery(subjectTimeline, subjectIds);
  return useMemo(
    () =>
      result.status === 'ready'
        ? { status: 'ready', ...result.value }
        : result.status === 'failed'
          ? { status: 'failed', activities: [], problems: [] }
          : LOADING,
    [result],
  );
};
