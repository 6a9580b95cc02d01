// Which live queries a change reloads: each query's reads are watched as the live-query hook watches them,
// and `after` makes a change and checks that exactly the expected queries were told.
import { expect, vi } from 'vitest';
import { watchReads, type Query, type Workspace } from '../../shared/workspace';

export const watchReloads = (workspace: Workspace, queries: Record<string, Query<null, unknown>>) => {
  const reloads = new Map(Object.keys(queries).map((name) => [name, 0]));
  const stops = Object.entries(queries).map(([name, query]) =>
    watchReads(workspace, query.reads(null), () => reloads.set(name, reloads.get(name)! + 1)),
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
