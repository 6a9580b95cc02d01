// A list's search text, kept in a store rather than the page, so it survives opening a record and
// coming back. One store per list, so each list keeps its own search.
import { create } from 'zustand';

export interface SearchState {
  query: string;
  setQuery(query: string): void;
}

export const createSearchStore = () =>
  create<SearchState>()((set) => ({
    query: '',
    setQuery: (query) => set({ query }),
  }));

export type SearchStore = ReturnType<typeof createSearchStore>;
