// Deals for components, live from the core's query (opened once; a change re-opens only that deal).
import { useMemo } from 'react';
import { allDeals, type Deal } from '../../../../shared/deals';
import { useLiveItems } from '../../../kit/useLiveItems';

/** Every deal, whether they are read, and those that could not be opened. */
export const useDeals = () => {
  const { items: deals, ...read } = useLiveItems(allDeals);
  return { deals, ...read };
};

/** One subject's deals (as organisation or as person), newest first. */
export const useSubjectDeals = (subjectId: string): readonly Deal[] => {
  const { deals } = useDeals();
  return useMemo(
    () =>
      deals
        .filter((d) => d.subjectId === subjectId || d.data.personId === subjectId)
        .sort((a, b) => b.updatedAt - a.updatedAt),
    [deals, subjectId],
  );
};
