// The organisations list's search text, kept while the user opens one and comes back.
import { create } from 'zustand';

interface OrganisationSearchState {
  query: string;
  setQuery(query: string): void;
}

export const useOrganisationSearchStore = create<OrganisationSearchState>()((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));
