// Deals from the in-memory store, for components: re-renders when any deal changes.
import { useMemo } from 'react';
import type { Deal } from '../deal-actions';
import { useDealsStore } from '../stores/deals-store';

export const useDeals = (): { deals: readonly Deal[]; loaded: boolean } => {
  const deals = useDealsStore((s) => s.items);
  const loaded = useDealsStore((s) => s.loaded);
  return { deals, loaded };
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
