// Names the Dutch way: particles (tussenvoegsels) such as "van", "de", "van der" and "'t" belong to the
// family name, so "Ruud van 't Hof" is Ruud + "van 't Hof" and sorts under H in the Dutch address book
// but stays whole here, as the person writes it.

const PARTICLES = new Set([
  'van',
  'von',
  'vd',
  'v.d.',
  'der',
  'den',
  'de',
  'het',
  "'t",
  't',
  'ter',
  'ten',
  'te',
  'in',
  "'s",
  'op',
  'aan',
  'bij',
  'onder',
  'over',
  'uit',
  'voor',
  'tot',
  'la',
  'le',
  'du',
  'des',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'do',
  'zu',
  'zum',
  'zur',
  'el',
  'al',
  'bin',
  'ibn',
  "d'",
  "l'",
  "van't",
]);

export const isParticle = (word: string): boolean => PARTICLES.has(word.toLowerCase().replace(/[’‘`]/g, "'"));

export const splitFullName = (fullName: string): { givenName: string; familyName: string } => {
  const name = fullName.replace(/\s+/g, ' ').trim();
  if (!name) return { givenName: '', familyName: '' };
  // "Hof, Ruud van 't" and "van 't Hof, Ruud": the family name comes first in address-book order.
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const rest = name
      .slice(comma + 1)
      .trim()
      .split(' ');
    const trailing: string[] = [];
    while (rest.length > 1 && isParticle(rest[rest.length - 1]!)) trailing.unshift(rest.pop()!);
    return { givenName: rest.join(' '), familyName: [...trailing, family].join(' ') };
  }
  const words = name.split(' ');
  if (words.length === 1) return { givenName: name, familyName: '' };
  // The family name starts at the first particle after the first given name, else it is the last word.
  let start = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (isParticle(words[i]!)) {
      start = i;
      break;
    }
  }
  return { givenName: words.slice(0, start).join(' '), familyName: words.slice(start).join(' ') };
};

/** Lowercase, diacritics folded (Zoë → zoe, IJ stays ij), punctuation and extra spaces gone. */
export const foldName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The family name without particles: "van 't Hof" and "Hof" share the key "hof". */
export const familyKey = (familyName: string): string =>
  foldName(familyName.replace(/['’]t\b/gi, ' t'))
    .split(' ')
    .filter((w) => w && !isParticle(w))
    .join('');
