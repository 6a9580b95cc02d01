// The organisations list's search text, kept while the user opens one and comes back.
import { createSearchStore } from '../../subjects/search-store';

export const useOrganisationSearchStore = createSearchStore();
