// A list's search text, kept in a store rather than the page, so it survives opening a record and
// coming back. One store per list, so each list keeps its own search. What was searched for is often a
// name or a phone number, so it goes when the vault locks: the next person to unlock does not see it.
import { create } from 'zustand';
import { useWorkspaceStore } from '../../kit/workspace';

export interface SearchState {
  query: string;
  setQuery(query: string): void;
}

export const createSearchStore = () => {
  const store = create<SearchState>()((set) => ({
    query: '',
    setQuery: (query) => set({ query }),
  }));
  useWorkspaceStore.subscribe((now, before) => {
    if (before.workspace && !now.workspace) store.setState({ query: '' });
  });
  return store;
};

export type SearchStore = ReturnType<typeof createSearchStore>;
