// A subject's timeline, loaded by the subject index and kept live: a change to one entry (here or by
// sync) is decrypted and placed in order, without reloading thousands of others.
import { useEffect, useMemo, useState } from 'react';
import { loadTimeline, withActivity, type Activity } from '../../../../shared/activities';
import { ACTIVITY_ITEMS } from '../../../../shared/activities';
import type { RecordProblem } from '../../../../shared/store';
import type { ItemDoc } from '../../../../shared/store';
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

export const useTimeline = (subjectIds: readonly string[]): TimelineState => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<{ key: string; value: TimelineState }>({ key: '', value: LOADING });
  const key = subjectIds.join(',');

  useEffect(() => {
    const ids = new Set(key.split(','));
    const repo = session.items(ACTIVITY_ITEMS);
    let active = true;
    let loaded = false;
    const early: { id: string; doc: ItemDoc | null }[] = [];
    const update = (change: (value: TimelineState) => TimelineState) =>
      setState((s) => (s.key === key ? { key, value: change(s.value) } : s));

    const apply = async ({ id, doc }: { id: string; doc: ItemDoc | null }) => {
      if (!doc) return update((v) => ({ ...v, activities: withActivity(v.activities, id, null) }));
      const opened = await repo.openMany([doc]);
      if (!active) return;
      const record = opened.records[0] ?? null;
      update((v) => ({
        ...v,
        activities: withActivity(v.activities, id, record),
        problems: [...v.problems.filter((p) => p.id !== id), ...opened.problems],
      }));
    };

    // Follow first, then load: a change made meanwhile is applied after the load, never lost.
    const subscription = session.db.items.$.subscribe((event) => {
      const doc = (event.documentData ?? event.previousDocumentData) as ItemDoc | undefined;
      if (!doc || doc.kind !== ACTIVITY_ITEMS.kind || !ids.has(doc.subjectId)) return;
      const removed = event.operation === 'DELETE' || (doc as { _deleted?: boolean })._deleted === true;
      const change = { id: event.documentId, doc: removed ? null : doc };
      if (loaded) void apply(change);
      else early.push(change);
    });
    const controller = new AbortController();
    loadTimeline(session, [...ids], controller.signal).then(
      (timeline) => {
        if (!active) return;
        setState({ key, value: { status: 'ready', ...timeline } });
        loaded = true;
        for (const change of early.splice(0)) void apply(change);
      },
      () => active && setState({ key, value: { status: 'failed', activities: [], problems: [] } }),
    );
    return () => {
      active = false;
      controller.abort();
      subscription.unsubscribe();
    };
  }, [session, key]);

  return state.key === key ? state.value : LOADING;
};
