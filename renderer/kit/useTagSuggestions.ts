// Tags already in use, offered when tagging: the vocabulary stays consistent without a separate list.
import { useMemo } from 'react';
import type { Directory } from '../../shared/directory';
import { useDirectoryVersion } from './workspace';

const MAX_SUGGESTIONS = 200;

export const useTagSuggestions = (directory: Directory): string[] => {
  const version = useDirectoryVersion(directory);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const rows of [directory.people(), directory.organisations()]) {
      for (const row of rows) for (const tag of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_SUGGESTIONS)
      .map(([tag]) => tag);
    // version: the directory is mutable; a change must refresh the suggestions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [directory, version]);
};
