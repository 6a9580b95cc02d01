// The one way a screen reads live data: a core query (shared/workspace), run now and again whenever what
// it reads changes, here or by sync. Screens never subscribe to the store themselves.
import { useEffect, useState } from 'react';
import { watchQuery, type LiveQueryOptions, type LiveResult, type Query } from '../../shared/workspace';
import { useWorkspace } from './workspace';

const keyOf = (input: unknown): string => JSON.stringify(input ?? null);

export interface UseLiveQueryOptions extends LiveQueryOptions {
  /** False: the query is not run (nor watched) and the result stays 'loading', e.g. until a filter is used. */
  readonly enabled?: boolean;
}

/**
 * The query's latest result for `input`: plain JSON (ids, strings, numbers), compared by value, so an
 * inline object does not reload.
 * While a new input loads, the result is 'loading'; a reload after a change keeps the previous value
 * until the new one is ready. A sync page may change thousands of documents: a query that reads much
 * may ask for a longer `debounceMs` than the core's default.
 */
export const useLiveQuery = <I, O>(
  query: Query<I, O>,
  input: I,
  options: UseLiveQueryOptions = {},
): LiveResult<O> => {
  const { workspace } = useWorkspace();
  const key = keyOf(input);
  const [state, setState] = useState<{ key: string; result: LiveResult<O> } | null>(null);
  const { debounceMs, enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    return watchQuery(workspace, query, JSON.parse(key) as I, (result) => setState({ key, result }), {
      ...(debounceMs === undefined ? {} : { debounceMs }),
    });
  }, [workspace, query, key, debounceMs, enabled]);
  return enabled && state && state.key === key ? state.result : { status: 'loading' };
};

/** The value once ready, else `fallback` (for lists that render empty while loading). */
export const valueOr = <O>(result: LiveResult<O>, fallback: O): O =>
  result.status === 'ready' ? result.value : fallback;
