// Service cases in the command palette: by subject line, or by the organisation or person it is for.
import { matchesWords, queryWords } from '../deals/text-match';
import type { PaletteResult, PaletteSource } from '../palette/palette-source';
import { useVaultStore } from '../vault/stores/vault-store';
import { useCasesStore } from './stores/cases-store';

export const casesPaletteSource: PaletteSource = {
  group: 'palette.groups.cases',
  search(query, limit) {
    const words = queryWords(query);
    const directory = useVaultStore.getState().directory;
    const results: PaletteResult[] = [];
    if (!words.length || limit <= 0) return results;
    for (const item of useCasesStore.getState().items) {
      const organisation = directory?.organisationName(item.data.organisationId) ?? '';
      const person = (item.data.personId && directory?.person(item.data.personId)?.displayName) || '';
      if (!matchesWords(words, item.data.subject, organisation, person)) continue;
      results.push({
        id: item.id,
        title: item.data.subject,
        subtitle: organisation || person || undefined,
        route: { name: 'case', id: item.id },
      });
      if (results.length >= limit) break;
    }
    return results;
  },
};
