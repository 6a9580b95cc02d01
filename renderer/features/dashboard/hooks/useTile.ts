// One dashboard tile's figures: loaded on their own (a slow or failing tile never holds up another) and
// loaded again, debounced, when the local data they are computed from changes — here or by sync.
import { useEffect, useState } from 'react';
import { watchReads } from '../../../../shared/workspace';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useWorkspace } from '../../../kit/workspace';
import { TileUnavailable, type TileContext } from '../sources';

export type TileState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'unavailable'; readonly reason: TileUnavailable['reason'] }
  | { readonly status: 'ready'; readonly value: T; readonly at: number };

const DEBOUNCE_MS = 500;

/** The local collections a tile's figures come from; a server tile watches none. */
export type Watched = readonly ('records' | 'items' | 'settings' | 'compliance' | 'audit')[];

export const useTile = <T>(load: (ctx: TileContext) => Promise<T>, watched: Watched): TileState<T> => {
  const { workspace: session } = useWorkspace();
  const link = useSyncStore((s) => s.link);
  const [state, setState] = useState<TileState<T>>({ status: 'loading' });
  const watchKey = watched.join(',');
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      const now = Date.now();
      load({ session, link, now }).then(
        (value) => current && setState({ status: 'ready', value, at: now }),
        (error: unknown) =>
          current &&
          setState(
            error instanceof TileUnavailable
              ? { status: 'unavailable', reason: error.reason }
              : { status: 'failed' },
          ),
      );
    };
    reload();
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    };
    const names = watchKey ? (watchKey.split(',') as Watched[number][]) : [];
    const unwatch = watchReads(
      session,
      names.map((collection) => ({ collection })),
      later,
    );
    return () => {
      current = false;
      clearTimeout(timer);
      unwatch();
    };
  }, [session, link, load, watchKey]);
  return state;
};
