// Search as you type over the in-memory directory. The query is deferred, so typing stays responsive
// while a large list is filtered; `dimmed` says the rows shown are for an older query.
import { useDeferredValue, useMemo } from 'react';
import type { Directory } from '../../../../shared/directory';
import { useDirectoryVersion } from '../../../kit/workspace';
import type { SearchStore } from '../search-store';

export const useSubjectSearch = <Row>(
  useStore: SearchStore,
  directory: Directory,
  /** Module-level, so the search does not rerun on every render. */
  search: (directory: Directory, query: string) => readonly Row[],
) => {
  const version = useDirectoryVersion(directory);
  const query = useStore((s) => s.query);
  const setQuery = useStore((s) => s.setQuery);
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(
    () => search(directory, deferredQuery),
    // version: the directory is mutable; a change must re-run the search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, search, deferredQuery, version],
  );
  return { query, setQuery, deferredQuery, rows, version, dimmed: query !== deferredQuery };
};
