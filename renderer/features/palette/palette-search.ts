// What the palette shows for a query: people and organisations from the Directory's search (instant,
// in memory), deals and cases from their features' sources, and the commands whose name matches.
import type { Directory } from '../../../shared/directory';
import type { Route } from '../../kit/routing';
import type { Command } from './commands';
import { foldText } from '../../kit/text-match';
import type { PaletteResult, PaletteSource } from '../../kit/palette-source';

export const PER_GROUP = 6;

export type PaletteEntry =
  | { readonly kind: 'result'; readonly key: string; readonly result: PaletteResult }
  | { readonly kind: 'command'; readonly key: string; readonly command: Command };

export interface PaletteGroup {
  /** i18n key of the heading. */
  readonly group: string;
  readonly entries: readonly PaletteEntry[];
}

const extraSources: PaletteSource[] = [];

/** For features that add results later; deals and cases are built in. */
export const registerPaletteSource = (source: PaletteSource): (() => void) => {
  extraSources.push(source);
  return () => {
    const index = extraSources.indexOf(source);
    if (index >= 0) extraSources.splice(index, 1);
  };
};

const directorySources = (directory: Directory): PaletteSource[] => [
  {
    group: 'palette.groups.people',
    search: (query, limit) =>
      directory
        .searchPeople(query)
        .slice(0, limit)
        .map((p) => ({
          id: p.id,
          title: p.displayName,
          subtitle:
            [p.jobTitle, directory.organisationName(p.organisationId)].filter(Boolean).join(' · ') ||
            p.email ||
            undefined,
          route: { name: 'person', id: p.id },
        })),
  },
  {
    group: 'palette.groups.organisations',
    search: (query, limit) =>
      directory
        .searchOrganisations(query)
        .slice(0, limit)
        .map((o) => ({
          id: o.id,
          title: o.name,
          subtitle: o.website || o.email || undefined,
          route: { name: 'organisation', id: o.id },
        })),
  },
];

export const searchPalette = (
  query: string,
  directory: Directory,
  /** Deals, cases: the features' sources over what they have loaded. */
  itemSources: readonly PaletteSource[],
  commands: readonly Command[],
  label: (command: Command) => string,
  route: Route,
): PaletteGroup[] => {
  const groups: PaletteGroup[] = [];
  const trimmed = query.trim();
  if (trimmed) {
    for (const source of [...directorySources(directory), ...itemSources, ...extraSources]) {
      let results: readonly PaletteResult[] = [];
      try {
        results = source.search(trimmed, PER_GROUP);
      } catch {
        // One feature's failing source must not take the palette down.
      }
      if (results.length)
        groups.push({
          group: source.group,
          entries: results.map((result) => ({ kind: 'result', key: `${source.group}:${result.id}`, result })),
        });
    }
  }
  const words = foldText(trimmed).split(/\s+/).filter(Boolean);
  const matching = commands.filter(
    (c) => c.available(route) && words.every((w) => foldText(label(c)).includes(w)),
  );
  if (matching.length)
    groups.push({
      group: 'palette.groups.actions',
      entries: matching.map((command) => ({ kind: 'command', key: `command:${command.id}`, command })),
    });
  return groups;
};
