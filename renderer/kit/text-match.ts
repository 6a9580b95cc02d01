// Loose text matching for the in-memory searches (palette, lists): case- and accent-insensitive, every
// word of the query must occur somewhere in the text ("zoe ijssel" finds "Zoë … IJsselmeer").
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export const queryWords = (query: string): string[] => foldText(query).split(/\s+/).filter(Boolean);

export const matchesWords = (words: readonly string[], ...texts: readonly string[]): boolean => {
  if (!words.length) return true;
  const haystack = foldText(texts.join(' '));
  return words.every((w) => haystack.includes(w));
};
