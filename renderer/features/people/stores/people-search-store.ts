// The people list's search text, kept while the user opens a person and comes back.
import { create } from 'zustand';

interface PeopleSearchState {
  query: string;
  setQuery(query: string): void;
}

export const usePeopleSearchStore = create<PeopleSearchState>()((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));
