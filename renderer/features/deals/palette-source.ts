// Deals in the command palette: by title, or by the organisation or person the deal is with.
import { useVaultStore } from '../vault/stores/vault-store';
import type { PaletteResult, PaletteSource } from '../palette/palette-source';
import { useDealsStore } from './stores/deals-store';
import { matchesWords, queryWords } from './text-match';

export const dealsPaletteSource: PaletteSource = {
  group: 'palette.groups.deals',
  search(query, limit) {
    const words = queryWords(query);
    const directory = useVaultStore.getState().directory;
    const results: PaletteResult[] = [];
    if (!words.length || limit <= 0) return results;
    for (const deal of useDealsStore.getState().items) {
      const organisation = directory?.organisationName(deal.data.organisationId) ?? '';
      const person = (deal.data.personId && directory?.person(deal.data.personId)?.displayName) || '';
      if (!matchesWords(words, deal.data.title, organisation, person)) continue;
      results.push({
        id: deal.id,
        title: deal.data.title,
        subtitle: organisation || person || undefined,
        route: { name: 'deal', id: deal.id },
      });
      if (results.length >= limit) break;
    }
    return results;
  },
};
