// The people list's search text, kept while the user opens a person and comes back.
import { createSearchStore } from '../../subjects/search-store';

export const usePeopleSearchStore = createSearchStore();
