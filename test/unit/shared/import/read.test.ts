import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../shared/import';
import { failure, fixture, textFile } from './fixtures';

/** `n` empty cells of a row. */
const blank = (n: number): string[] => Array.from({ length: n }, () => '');

describe('readTable: CSV', () => {
  it('reads a semicolon-delimited Windows-1252 file from Dutch Excel, quotes and newlines intact', async () => {
    const table = await readTable(fixture('dutch-excel-cp1252.csv'));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(table.headers).toEqual([
      'Voornaam',
      'Tussenvoegsel',
      'Achternaam',
      'E-mailadres',
      'Telefoon',
      'Bedrijf',
      'Functie',
      'Straat',
      'Huisnummer',
      'Postcode',
      'Plaats',
      'Land',
      'Opmerkingen',
    ]);
    expect(table.rows).toEqual([
      [
        'Zoë',
        '',
        'Jansen',
        'zoe.jansen@example.nl',
        '06-12345678',
        'Rederij IJsselmeer B.V.',
        'Directeur',
        'Kerkstraat',
        '12',
        '1234 AB',
        'Lelystad',
        'Nederland',
        'Belt graag; "s ochtends"',
      ],
      [
        'Ruud',
        "van 't",
        'Hof',
        'ruud@vanthof.nl',
        '+31 20 123 4567',
        "Café 't Hoekje",
        'Eigenaar',
        'Dorpsstraat',
        '3a',
        '8011 AA',
        'Zwolle',
        'NL',
        '',
      ],
      [
        'Daniël',
        'de',
        'Vries',
        'geen-email',
        '+31 6 1111 2222',
        ...blank(6),
        'België',
        'regel 1\r\nregel 2 met € teken',
      ],
    ]);
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it('reads UTF-8 with a byte order mark, commas, embedded commas, quotes and newlines', async () => {
    const table = await readTable(fixture('utf8-bom.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(table.headers[0]).toBe('First Name');
    expect(table.rows).toEqual([
      [
        'Zoë',
        'Łukasiewicz',
        'zoe@example.pl',
        '+48 22 123 45 67',
        'Kowalski, Nowak & Partners',
        'klant, vip',
      ],
      ['Jürgen', 'Müller', 'JURGEN@Example.DE ', '+49 30 1234567', 'Müller GmbH', 'beurs 2026'],
      ['Anne-Marie', "O'Brien", 'am@example.ie', '', '"The" Company', 'line one\nline two'],
    ]);
  });

  it('detects tabs as the delimiter', async () => {
    const table = await readTable(fixture('tab-delimited.tsv'));
    expect(table.delimiter).toBe('\t');
    expect(table.headers).toEqual(['Naam', 'E-mail', 'Mobiel', 'Plaats']);
    expect(table.rows[0]).toEqual(["Ruud van 't Hof", 'ruud@example.nl', '06 1234 5678', 'IJsselmeer']);
  });

  it('reads UTF-16 with a byte order mark (Excel "Unicode text")', async () => {
    const text = 'Naam\tPlaats\r\nZoë\tIJsselmeer\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const table = await readTable({ name: 'unicode.txt', bytes });
    expect(table).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['Naam', 'Plaats'],
      rows: [['Zoë', 'IJsselmeer']],
    });
  });

  it('keeps row numbers as the spreadsheet shows them when records span lines or rows are empty', async () => {
    const table = await readTable(textFile('gaps.csv', 'a,b\n1,"two\nlines"\n\n,\n3,4\n'));
    expect(table.rows).toEqual([
      ['1', 'two\nlines'],
      ['3', '4'],
    ]);
    expect(table.rowNumbers).toEqual([2, 5]);
  });

  it('pads short rows and names no header for extra columns', async () => {
    const table = await readTable(textFile('ragged.csv', 'a,b\n1\n1,2,3\n'));
    expect(table.headers).toEqual(['a', 'b', '']);
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('refuses an unclosed quote naming file, row and column — not the cell', async () => {
    const error = await failure(readTable(fixture('broken-quote.csv')));
    expect(error).toEqual({
      file: 'broken-quote.csv',
      row: 3,
      column: 3,
      code: 'unclosed_quote',
      message: 'broken-quote.csv: row 3, column C: unclosed quote',
    });
  });

  it('refuses text after a closing quote with its row and column', async () => {
    const error = await failure(readTable(fixture('bad-closing-quote.csv')));
    expect(error).toMatchObject({ row: 3, column: 2, code: 'invalid_quote' });
    expect(error.message).toBe(
      'bad-closing-quote.csv: row 3, column B: unexpected character after a closing quote',
    );
    expect(error.message).not.toContain('Smit');
  });

  it('refuses a huge single field with its row and column, without its content', async () => {
    const huge = `Naam,Notities\nBram,"${'geheim '.repeat(200_000)}"\n`;
    const error = await failure(readTable(textFile('huge.csv', huge)));
    expect(error).toMatchObject({ row: 2, column: 2, code: 'cell_too_large' });
    expect(error.message).toBe('huge.csv: row 2, column B: cell longer than 100,000 characters');
  });

  it('ends on an opening quote in the first cell of a large file instead of looping', async () => {
    const text = `"a,b\n${'1,2\n'.repeat(100_000)}`;
    const error = await failure(readTable(textFile('open.csv', text)));
    expect(error).toMatchObject({ row: 1, column: 1, code: 'unclosed_quote' });
  });

  it('refuses more rows than the limit and files larger than the limit', async () => {
    const rows = `a\n${'x\n'.repeat(11)}`;
    expect(await failure(readTable(textFile('rows.csv', rows), { limits: { maxRows: 10 } }))).toMatchObject({
      code: 'too_many_rows',
      message: 'rows.csv: row 12: more than 10 rows; split the file',
    });
    expect(
      await failure(readTable(textFile('big.csv', 'a\n1\n'), { limits: { maxInputBytes: 3 } })),
    ).toMatchObject({
      code: 'file_too_large',
    });
    expect(
      await failure(readTable(textFile('wide.csv', 'a,b,c\n'), { limits: { maxColumns: 2 } })),
    ).toMatchObject({
      code: 'too_many_columns',
      row: 1,
    });
  });

  it('refuses empty and binary files and old .xls workbooks', async () => {
    expect(await failure(readTable(textFile('empty.csv', '')))).toMatchObject({ code: 'empty' });
    expect(await failure(readTable(textFile('blank.csv', '\n\n')))).toMatchObject({ code: 'empty' });
    const binary = { name: 'photo.csv', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) };
    expect(await failure(readTable(binary))).toMatchObject({ code: 'unknown_format' });
    const xls = { name: 'old.xls', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) };
    expect(await failure(readTable(xls))).toMatchObject({ code: 'unknown_format' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failure(readTable(fixture('utf8-bom.csv'), { signal: controller.signal }))).toMatchObject({
      code: 'aborted',
    });
  });

  it('reports progress in bytes', async () => {
    const file = fixture('utf8-bom.csv');
    const seen: number[] = [];
    await readTable(file, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, file.bytes.length]);
  });
});

describe('readTable: vCard', () => {
  it('reads vCard 3.0 with folded lines, quoted-printable, CHARSET and grouped labels', async () => {
    const table = await readTable(fixture('contacts-v3.vcf'));
    expect(table.format).toBe('vcard');
    expect(table.headers).toEqual([
      'Full Name',
      'Given Name',
      'Additional Name',
      'Family Name',
      'Organisation',
      'Job Title',
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      'E-mail 2 - Type',
      'E-mail 2 - Value',
      'Phone 1 - Type',
      'Phone 1 - Value',
      'Phone 2 - Type',
      'Phone 2 - Value',
      'Street',
      'Postal Code',
      'City',
      'Region',
      'Country',
      'Categories',
      'Notes',
    ]);
    expect(table.rows).toEqual([
      [
        "Ruud van 't Hof",
        'Ruud',
        '',
        "van 't Hof",
        "Café 't Hoekje",
        'Eigenaar',
        'other',
        'ruud@hoekje.nl',
        'home',
        'ruud.hof@example.nl',
        'mobile',
        '+31 6 1234 5678',
        'work',
        '020 123 4567',
        'Dorpsstraat 3a',
        '8011 AA',
        'Zwolle',
        'Overijssel',
        'Nederland',
        'Klanten, Horeca',
        'Zoë zegt: klant sinds 2019, bel na 10 uur.',
      ],
      [
        'Zoë Jansen',
        'Zoë',
        '',
        'Jansen',
        'Rederij IJsselmeer',
        '',
        'work',
        'zoe@ijsselmeer.example',
        ...blank(12),
        'Regel een\nRegel twee, met komma; en puntkomma',
      ],
    ]);
    expect(table.rowNumbers).toEqual([1, 2]);
  });

  it('reads vCard 4.0 with tel: URIs, quoted TYPE lists and tab folding', async () => {
    const table = await readTable(fixture('contacts-v4.vcf'));
    const row = Object.fromEntries(table.headers.map((h, i) => [h, table.rows[0]![i]]));
    expect(row).toMatchObject({
      'Full Name': 'Anne de Vries',
      'Family Name': 'de Vries',
      'Job Title': 'Advocaat met een heel lange functieomschrijving die over meer regels is gevouwen',
      'E-mail 1 - Type': 'work',
      'Phone 1 - Type': 'mobile',
      'Phone 1 - Value': '+31-6-2222-3333',
      'Phone 2 - Type': 'home',
      Street: 'Keizersgracht 1',
      'Postal Code': '1015 AA',
      City: 'Amsterdam',
      Country: 'NL',
    });
  });

  it('refuses a card that never ends, naming the card', async () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\n';
    expect(await failure(readTable(textFile('cut.vcf', text)))).toMatchObject({
      code: 'invalid_vcard',
      row: 2,
      message: 'cut.vcf: row 2: BEGIN:VCARD without END:VCARD',
    });
  });

  it('refuses a .vcf that is no vCard', async () => {
    expect(await failure(readTable(textFile('x.vcf', 'hello')))).toMatchObject({ code: 'invalid_vcard' });
  });
});

describe('readTable: cell budget', () => {
  it('refuses a CSV of nothing but delimiters before parsing it', async () => {
    const error = await failure(
      readTable(textFile('commas.csv', `a,b\n${','.repeat(2_000)}\n`), { limits: { maxCells: 1_000 } }),
    );
    expect(error).toEqual({
      file: 'commas.csv',
      code: 'too_many_rows',
      message: 'commas.csv: more than 1,000 cells; split the file',
    });
  });
});
