// Country cells → ISO 3166-1 alpha-2, as the domain stores it. Spreadsheets hold codes ("NL"), names in
// English or Dutch ("Netherlands", "Nederland", "België") and a few habits ("Holland", "UK"). Names come
// from Intl.DisplayNames, present in browsers and Node, so no country list is shipped.
import { foldName } from './names';

const EXTRA: Record<string, string> = {
  holland: 'NL',
  'the netherlands': 'NL',
  'nederland nl': 'NL',
  uk: 'GB',
  england: 'GB',
  'great britain': 'GB',
  usa: 'US',
  'united states of america': 'US',
  deutschland: 'DE',
  belgique: 'BE',
  belgie: 'BE',
};

/** Withdrawn or non-country codes that DisplayNames still names (DD is East Germany, "Duitsland" in Dutch). */
const NOT_COUNTRIES = new Set([
  'AN',
  'BU',
  'CS',
  'DD',
  'EU',
  'EZ',
  'FX',
  'NT',
  'QO',
  'QU',
  'SU',
  'TP',
  'UN',
  'XA',
  'XB',
  'YU',
  'ZR',
  'ZZ',
]);

let byName: Map<string, string> | null = null;
const codes = new Set<string>();

const names = (): Map<string, string> => {
  if (byName) return byName;
  byName = new Map(Object.entries(EXTRA));
  const displays = ['en', 'nl'].map(
    (locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }),
  );
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      for (const display of displays) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        codes.add(code);
        if (!byName.has(foldName(name))) byName.set(foldName(name), code);
      }
    }
  }
  return byName;
};

/** '' for an empty cell, the code when recognised, null when not. */
export const normaliseCountry = (cell: string): string | null => {
  const text = cell.trim();
  if (!text) return '';
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (code === 'UK') return 'GB';
    names();
    return codes.has(code) ? code : null;
  }
  return names().get(foldName(text)) ?? null;
};
