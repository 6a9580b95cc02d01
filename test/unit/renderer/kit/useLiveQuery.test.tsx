// The one live-query hook over a real workspace: it loads, loads again when a core operation changes
// what the query reads, ignores changes to other kinds, stops when the screen goes, compares its input by
// value (an inline object must not reload), and runs nothing until it is enabled.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, DEAL_CONFIG } from '../../../../shared/deals';
import { TASK_ITEMS } from '../../../../shared/tasks';
import { defineQuery, LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';
import { useLiveQuery, valueOr } from '../../../../renderer/kit/useLiveQuery';
import { zeeland } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const QUIET_MS = 150; // well past the debounce below: long enough for a reload that should not come

let runs = 0;
/** Deal titles, optionally only those starting with a prefix; counts its runs. */
const dealTitles = defineQuery(
  'test.dealTitles',
  [{ collection: 'items', kinds: [DEAL_CONFIG.kind] }],
  async (workspace, input: { readonly prefix: string }) => {
    runs += 1;
    const { records } = await workspace.items(DEAL_CONFIG).loadAll();
    return records
      .map((deal) => deal.data.title)
      .filter((title) => title.startsWith(input.prefix))
      .sort();
  },
);

let workspace: Workspace;
let organisationId: string;
beforeEach(async () => {
  runs = 0;
  workspace = await openWorkspace();
  organisationId = (await workspace.organisations.create(zeeland)).id;
});

const addDeal = (title: string) =>
  act(() =>
    createDeal(workspace, LOCAL_ACTOR, {
      title,
      organisationId,
      stageId: 'lead',
      value: 0,
      ownerId: 'local',
    }),
  );
const quiet = () => act(() => new Promise((resolve) => setTimeout(resolve, QUIET_MS)));
const watch = (prefix = '') =>
  renderHook(({ input }) => useLiveQuery(dealTitles, input, { debounceMs: 10 }), {
    initialProps: { input: { prefix } },
  });

describe('useLiveQuery', () => {
  it('is loading, then ready with the query’s value', async () => {
    await addDeal('Dijkonderhoud');
    const { result } = watch();
    expect(result.current).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: ['Dijkonderhoud'] }));
    expect(valueOr(result.current, [])).toEqual(['Dijkonderhoud']);
  });

  it('loads again after an operation changes what the query reads', async () => {
    const { result } = watch();
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: [] }));
    await addDeal('Gemaal');
    await waitFor(() => expect(valueOr(result.current, [])).toEqual(['Gemaal']));
    await addDeal('Dijk');
    await waitFor(() => expect(valueOr(result.current, [])).toEqual(['Dijk', 'Gemaal']));
  });

  it('does not load again for a change to another kind', async () => {
    const { result } = watch();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await quiet();
    const before = runs;
    await act(() =>
      workspace
        .items(TASK_ITEMS)
        .create(organisationId, { title: 'Bellen', assigneeId: 'local', createdBy: 'local' }),
    );
    await quiet();
    expect(runs).toBe(before);
    await addDeal('Gemaal'); // still watching: a deal does reload
    await waitFor(() => expect(runs).toBe(before + 1));
  });

  it('narrowed to a subject, does not load again for an item about someone else', async () => {
    const other = (await workspace.organisations.create({ ...zeeland, name: 'Ander' })).id;
    let subjectRuns = 0;
    const tasksOf = defineQuery(
      'test.tasksOf',
      (input: { readonly subjectId: string }) => [{ collection: 'items', subjectIds: [input.subjectId] }],
      async () => {
        subjectRuns += 1;
        return subjectRuns;
      },
    );
    const { result } = renderHook(() =>
      useLiveQuery(tasksOf, { subjectId: organisationId }, { debounceMs: 10 }),
    );
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await quiet();
    const before = subjectRuns;
    const task = (subjectId: string) =>
      act(() =>
        workspace
          .items(TASK_ITEMS)
          .create(subjectId, { title: 'Bellen', assigneeId: 'local', createdBy: 'local' }),
      );
    await task(other);
    await quiet();
    expect(subjectRuns).toBe(before);
    await task(organisationId);
    await waitFor(() => expect(subjectRuns).toBe(before + 1));
  });

  it('stops when the screen unmounts', async () => {
    const { result, unmount } = watch();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    unmount();
    const before = runs;
    await addDeal('Gemaal');
    await quiet();
    expect(runs).toBe(before);
  });

  it('compares its input by value: an equal new object keeps the result, another value loads anew', async () => {
    await addDeal('Dijk');
    await addDeal('Gemaal');
    const { result, rerender } = watch();
    await waitFor(() => expect(valueOr(result.current, [])).toEqual(['Dijk', 'Gemaal']));
    const before = runs;

    rerender({ input: { prefix: '' } });
    expect(result.current.status).toBe('ready');
    await quiet();
    expect(runs).toBe(before);

    rerender({ input: { prefix: 'G' } });
    expect(result.current).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: ['Gemaal'] }));
  });

  it('runs nothing while not enabled, and loads once enabled', async () => {
    await addDeal('Gemaal');
    const { result, rerender } = renderHook(
      ({ enabled }) => useLiveQuery(dealTitles, { prefix: '' }, { debounceMs: 10, enabled }),
      { initialProps: { enabled: false } },
    );
    await addDeal('Dijk'); // a change while disabled does not run it either
    await quiet();
    expect(runs).toBe(0);
    expect(result.current).toEqual({ status: 'loading' });

    rerender({ enabled: true });
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: ['Dijk', 'Gemaal'] }));
  });

  it('reports a query that fails', async () => {
    const broken = defineQuery('test.broken', [{ collection: 'items' }], () =>
      Promise.reject(new Error('no')),
    );
    const { result } = renderHook(() => useLiveQuery(broken, null));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(valueOr(result.current, 'fallback')).toBe('fallback');
  });
});
