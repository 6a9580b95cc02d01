// Texts that carry more than one count pluralise each count on its own (i18next _one/_other): a single
// `count` chose the first noun's form, so the dashboard read "2 entries from 1 devices" and the import
// "1 groups of possible duplicates". These compose the texts as the screens do.
import { describe, expect, it } from 'vitest';
import { i18next } from '../../../../renderer/app/i18n';

const inBoth = (compose: (t: typeof i18next.t) => string): [string, string] => [
  compose(i18next.getFixedT('en')),
  compose(i18next.getFixedT('nl')),
];

/** A count text as the import's screens give it: the plural chosen by `count`, the number as formatted. */
const counted = (t: typeof i18next.t, key: string, count: number): string =>
  (t as unknown as (key: string, options: object) => string)(key, { count, shown: String(count) });

describe('plurals in texts with several counts', () => {
  it('reads one device and one entry in the singular on the dashboard and in the audit trail', () => {
    expect(
      inBoth((t) =>
        t('dashboard.audit.entries', { count: 2, devices: t('dashboard.audit.devices', { count: 1 }) }),
      ),
    ).toEqual(['2 entries from 1 device', '2 regels van 1 apparaat']);
    expect(
      inBoth((t) =>
        t('audit.intact', {
          entries: t('audit.entryCount', { count: 1 }),
          devices: t('audit.deviceCount', { count: 3 }),
        }),
      ),
    ).toEqual(['Chain intact: 1 entry from 3 devices.', 'Keten intact: 1 regel van 3 apparaten.']);
  });

  it('reads the import counts in the singular for one', () => {
    expect(
      inBoth((t) =>
        t('import.duplicates.summary', {
          rows: counted(t, 'import.duplicates.ready', 1),
          invalid: counted(t, 'import.duplicates.invalid', 1),
          groups: counted(t, 'import.duplicates.groups', 1),
        }),
      ),
    ).toEqual([
      '1 row ready to import, 1 row cannot be imported, 1 group of possible duplicates.',
      '1 rij klaar om te importeren, 1 rij kan niet worden geïmporteerd, 1 groep mogelijke dubbelen.',
    ]);
    expect(
      inBoth((t) =>
        t('import.report.summary', {
          created: counted(t, 'import.report.created', 1),
          merged: '0',
          skipped: '0',
          organisations: counted(t, 'import.report.organisations', 1),
        }),
      ),
    ).toEqual([
      'Import done: 1 person created, 0 merged, 0 skipped, 1 organisation created.',
      'Import klaar: 1 persoon aangemaakt, 0 samengevoegd, 0 overgeslagen, 1 organisatie aangemaakt.',
    ]);
    expect(
      inBoth((t) =>
        t('import.file.detected', {
          format: 'CSV',
          rows: counted(t, 'import.file.rows', 1),
          columns: counted(t, 'import.file.columns', 2),
        }),
      ),
    ).toEqual(['CSV · 1 row · 2 columns', 'CSV · 1 rij · 2 kolommen']);
  });

  it('reads the record of processing summary in the singular for one', () => {
    expect(
      inBoth((t) =>
        t('lifecycle.ropa.summary', {
          purposes: t('lifecycle.ropa.purposes', { count: 1 }),
          people: t('lifecycle.ropa.people', { count: 1 }),
          organisations: t('lifecycle.ropa.organisations', { count: 0 }),
        }),
      ),
    ).toEqual(['1 purpose · 1 person · 0 organisations', '1 doel · 1 persoon · 0 organisaties']);
  });

  it('has a singular for every text that counts a noun', () => {
    expect(inBoth((t) => t('erasure.certificate.keptRow', { count: 1, exception: 'X', id: 'r1' }))).toEqual([
      '1 item under X, pseudonymous record r1',
      '1 item op grond van X, gepseudonimiseerd record r1',
    ]);
    expect(
      inBoth((t) => t('reports.manager.quarterSummary', { count: 1, value: '€ 5', weighted: '€ 1' })),
    ).toEqual(['1 open deal worth € 5, weighted € 1', '1 open deal ter waarde van € 5, gewogen € 1']);
    // A text that shows {{count}} has its _one and _other forms, unless the count stands alone.
    const standsAlone = new Set([
      'import.report.more',
      'reports.manager.overdueRow',
      'retention.figures.activityCount',
    ]);
    const unpluralised = (texts: object, prefix = ''): string[] =>
      Object.entries(texts).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? unpluralised(value as object, `${prefix}${key}.`)
          : typeof value === 'string' &&
              value.includes('{{count}}') &&
              !/_(zero|one|two|few|many|other)$/.test(key)
            ? [`${prefix}${key}`]
            : [],
      );
    const english = unpluralised(i18next.getResourceBundle('en', 'translation') as object);
    expect(english.filter((key) => !standsAlone.has(key))).toEqual([]);
  });
});
