// Search as you type over the in-memory directory, narrowed to one owner's records when asked ("Mine"),
// or to a team's: the records whose owner is one of its members. The query is deferred, so typing stays responsive
// while a large list is filtered; `dimmed` says the rows shown are for an older query.
import { useDeferredValue, useMemo } from 'react';
import type { Directory } from '../../../../shared/directory';
import { useDirectoryVersion } from '../../../kit/workspace';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { ownedByTeam } from '../../../../shared/teams';
import { useTeams } from '../../teams/hooks/useTeams';
import { chosenTeam, type SearchStore } from '../search-store';

export const useSubjectSearch = <Row extends { readonly ownerId?: string | null }>(
  useStore: SearchStore,
  directory: Directory,
  /** Module-level, so the search does not rerun on every render. */
  search: (directory: Directory, query: string) => readonly Row[],
) => {
  const version = useDirectoryVersion(directory);
  const query = useStore((s) => s.query);
  const setQuery = useStore((s) => s.setQuery);
  const deferredQuery = useDeferredValue(query);
  const owner = useStore((s) => s.owner);
  const setOwner = useStore((s) => s.setOwner);
  const { userId } = useCurrentUser();
  const found = useMemo(
    () => search(directory, deferredQuery),
    // version: the directory is mutable; a change must re-run the search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, search, deferredQuery, version],
  );
  /** The owners of what the search found, for the owner filter's choices. */
  const owners = useMemo(
    () => [...new Set(found.map((r) => r.ownerId).filter((id): id is string => !!id))].sort(),
    [found],
  );
  const teams = useTeams();
  const rows = useMemo(() => {
    if (owner === 'all') return found;
    const teamId = chosenTeam(owner);
    if (teamId !== null) {
      const team = teams.find((x) => x.id === teamId);
      return team ? found.filter((r) => ownedByTeam(team, r.ownerId)) : [];
    }
    const wanted = owner === 'mine' ? userId : owner;
    return found.filter((r) => r.ownerId === wanted);
  }, [found, owner, userId, teams]);
  return {
    query,
    setQuery,
    deferredQuery,
    rows,
    version,
    dimmed: query !== deferredQuery,
    owner,
    setOwner,
    owners,
    teams,
  };
};
