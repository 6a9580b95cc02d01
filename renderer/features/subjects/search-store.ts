// A list's search text and owner filter, kept in a store rather than the page, so it survives opening a record and
// coming back. One store per list, so each list keeps its own search. What was searched for is often a
// name or a phone number, so it goes when the vault locks: the next person to unlock does not see it.
import { create } from 'zustand';
import { useWorkspaceStore } from '../../kit/workspace';

/** Whose records a list shows: everyone's, the current user's, one owner's (a user id), or a team's (`team:<id>`). */
export type OwnerChoice = 'all' | 'mine' | (string & {});

const TEAM_PREFIX = 'team:';

/** The choice that shows the records owned by a team's members. */
export const teamChoice = (teamId: string): OwnerChoice => `${TEAM_PREFIX}${teamId}`;

/** The team a choice names, or null for every other choice. */
export const chosenTeam = (choice: OwnerChoice): string | null =>
  choice.startsWith(TEAM_PREFIX) ? choice.slice(TEAM_PREFIX.length) : null;

export interface SearchState {
  query: string;
  setQuery(query: string): void;
  owner: OwnerChoice;
  setOwner(owner: OwnerChoice): void;
}

export const createSearchStore = () => {
  const store = create<SearchState>()((set) => ({
    query: '',
    setQuery: (query) => set({ query }),
    owner: 'all',
    setOwner: (owner) => set({ owner }),
  }));
  useWorkspaceStore.subscribe((now, before) => {
    if (before.workspace && !now.workspace) store.setState({ query: '', owner: 'all' });
  });
  return store;
};

export type SearchStore = ReturnType<typeof createSearchStore>;
