// What the command palette (Ctrl/Cmd+K) searches: each feature offers a source of results; the palette
// merges them. Results carry only what is needed to show and open them.
import type { Directory } from '../../shared/directory';
import type { Route } from './routing';
import { matchesWords, queryWords } from './text-match';

export interface PaletteResult {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly route: Route;
}

export interface PaletteSource {
  /** Group heading's i18n key, e.g. 'palette.groups.deals'. */
  readonly group: string;
  /** Results for the query (already decrypted data in memory; must answer within a few ms). */
  search(query: string, limit: number): readonly PaletteResult[];
}

/** A deal or a case: an item with a title, about an organisation and/or a person. */
export interface SubjectItem {
  readonly id: string;
  readonly data: { readonly organisationId: string | null; readonly personId: string | null };
}

/**
 * Items in memory matched by their title or the organisation or person they are with — the one search
 * deals and cases share.
 */
export const subjectItemSource = <T extends SubjectItem>(
  group: string,
  items: readonly T[],
  directory: Directory,
  title: (item: T) => string,
  route: (id: string) => Route,
): PaletteSource => ({
  group,
  search(query, limit) {
    const words = queryWords(query);
    const results: PaletteResult[] = [];
    if (!words.length || limit <= 0) return results;
    for (const item of items) {
      const organisation = directory.organisationName(item.data.organisationId) ?? '';
      const person = (item.data.personId && directory.person(item.data.personId)?.displayName) || '';
      if (!matchesWords(words, title(item), organisation, person)) continue;
      results.push({
        id: item.id,
        title: title(item),
        subtitle: organisation || person || undefined,
        route: route(item.id),
      });
      if (results.length >= limit) break;
    }
    return results;
  },
});
