// Every subject whose processing is restricted now, for the markers on lists, deal and case pages.
// Reloaded when a restriction entry is added here or arrives by sync; a list keeps working without its
// markers when they cannot be read.
import { restrictedIds } from '../../../../shared/restriction';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

const EMPTY: ReadonlySet<string> = new Set();

export const useRestrictedIds = (): ReadonlySet<string> => valueOr(useLiveQuery(restrictedIds, null), EMPTY);
