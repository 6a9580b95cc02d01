// Which live queries a change reloads: each query's reads are watched as the live-query hook watches them,
// and `after` makes a change and checks that exactly the expected queries were told.
import { expect, vi } from 'vitest';
import { watchReads, type Query, type Reads, type Workspace } from '../../shared/workspace';

/** What each of these queries without input reads. */
export const readsOf = (queries: Record<string, Query<null, unknown>>): Record<string, readonly Reads[]> =>
  Object.fromEntries(Object.entries(queries).map(([name, query]) => [name, query.reads(null)]));

/** Watches each named source as the live-query hook would (`query.reads(input)`). */
export const watchReloads = (workspace: Workspace, sources: Record<string, readonly Reads[]>) => {
  const reloads = new Map(Object.keys(sources).map((name) => [name, 0]));
  const stops = Object.entries(sources).map(([name, reads]) =>
    watchReads(workspace, reads, () => reloads.set(name, reloads.get(name)! + 1)),
  );
  return {
    /** Makes the change; the queries named, and only those, are told to load again. */
    async after(change: () => Promise<unknown>, expected: readonly string[]): Promise<void> {
      const before = new Map(reloads);
      await change();
      await vi.waitFor(() => {
        for (const name of expected) expect(reloads.get(name), name).toBeGreaterThan(before.get(name)!);
      });
      const told = [...reloads].filter(([name, n]) => n !== before.get(name)).map(([name]) => name);
      expect(told.sort()).toEqual([...expected].sort());
    },
    stop: () => {
      for (const stop of stops) stop();
    },
  };
};
