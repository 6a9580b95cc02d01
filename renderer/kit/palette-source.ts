// What the command palette (Ctrl/Cmd+K) searches: each feature offers a source of results; the palette
// merges them. Results carry only what is needed to show and open them.
import type { Route } from '../../kit/routing';

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
