import { Deflate, inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../shared/import';
import { excelSerialToIso } from '../../../../shared/import/xlsx';
import { failure, fixture } from './fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook with one sheet whose XML we choose; no styles, no shared strings. */
const workbook = (sheet: Uint8Array | string, extra: Record<string, Uint8Array> = {}): Uint8Array =>
  zipSync({
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': typeof sheet === 'string' ? strToU8(sheet) : sheet,
    ...extra,
  });

/** A raw deflate stream of `bytes` zeros, compressed at level 9 by fflate as a zip bomb would be. */
const deflatedZeros = (bytes: number): Uint8Array => {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(Math.min(bytes, 4 * 1024 * 1024));
  for (let done = 0; done < bytes; done += block.length) deflate.push(block, done + block.length >= bytes);
  return concat(parts);
};

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/**
 * A raw deflate stream of at least `bytes` zeros, written by hand: fflate needs about 8 s of CPU to
 * compress 1 GB, this takes milliseconds. Fixed-Huffman blocks of "copy 258 bytes from distance 1",
 * each a whole number of bytes long (6 mod 8 copies make the bits come out even), so one block's bytes
 * can simply be repeated. fflate's own inflate reads it back in the test below.
 */
const handDeflatedZeros = (bytes: number): Uint8Array => {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = 0; i < length; i++) bits.push((value >> i) & 1);
  };
  const code = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  const block = (first: boolean, final: boolean, copies: number) => {
    put(final ? 1 : 0, 1);
    put(1, 2); // fixed Huffman codes
    if (first) code(0x30, 8); // literal 0
    for (let i = 0; i < copies; i++) {
      code(0xc5, 8); // length 258
      code(0, 5); // distance 1
    }
    code(0, 7); // end of block
  };
  const toBytes = () => {
    const out = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => (out[i >> 3]! |= bit << (i & 7)));
    bits.length = 0;
    return out;
  };
  const copies = 8 * 1000 + 6;
  block(true, false, copies);
  const head = toBytes();
  block(false, false, copies);
  const body = toBytes();
  block(false, true, 0);
  const tail = toBytes();
  const repeats = Math.ceil(bytes / (copies * 258));
  return concat([head, ...Array.from({ length: repeats }, () => body), tail]);
};

/** Puts an already-deflated entry in a zip, with sizes in the headers that lie (they claim 100 bytes). */
const zipWithRawEntry = (
  files: Record<string, Uint8Array>,
  name: string,
  deflated: Uint8Array,
): Uint8Array => {
  const normal = zipSync(files, { level: 0 });
  // Take the normal archive apart at its central directory and add our entry by hand.
  const view = new DataView(normal.buffer, normal.byteOffset, normal.byteLength);
  const eocd = normal.length - 22;
  const cdOffset = view.getUint32(eocd + 16, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const count = view.getUint16(eocd + 10, true);
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, 100, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, 100, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, cdOffset, true);
  central.set(nameBytes, 46);
  const out = new Uint8Array(cdOffset + local.length + deflated.length + cdSize + central.length + 22);
  let o = 0;
  const put = (part: Uint8Array) => {
    out.set(part, o);
    o += part.length;
  };
  put(normal.subarray(0, cdOffset));
  put(local);
  put(deflated);
  const newCd = o;
  put(normal.subarray(cdOffset, cdOffset + cdSize));
  put(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count + 1, true);
  ev.setUint16(10, count + 1, true);
  ev.setUint32(12, cdSize + central.length, true);
  ev.setUint32(16, newCd, true);
  put(end);
  return out;
};

describe('readTable: XLSX', () => {
  it('reads a hand-zipped workbook: shared strings, rich text, dates, numbers, booleans, formulas as values', async () => {
    const table = await readTable(fixture('hand-built.xlsx'));
    expect(table).toMatchObject({
      format: 'xlsx',
      sheetNames: ['Klanten', 'Leveranciers'],
      sheet: 'Klanten',
    });
    expect(table.headers).toEqual([
      'Voornaam',
      'Achternaam',
      'E-mailadres',
      'Klant sinds',
      'Omzet',
      'Actief',
      'Totaal',
    ]);
    expect(table.rows).toEqual([
      ['Zoë', "van 't Hof", 'zoe@example.nl', '2020-01-01', '1234.5', 'TRUE', '2469'],
      ['Bram', '', '', '2025-01-01T12:00:00', '', '', '=HYPERLINK("http://x")'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('reads the chosen sheet by name or index, and says so when it is missing', async () => {
    expect((await readTable(fixture('hand-built.xlsx'), { sheet: 'Leveranciers' })).rows).toEqual([
      ['Bakker Logistiek'],
    ]);
    expect((await readTable(fixture('hand-built.xlsx'), { sheet: 1 })).headers).toEqual(['Bedrijf']);
    expect(await failure(readTable(fixture('hand-built.xlsx'), { sheet: 'Nope' }))).toMatchObject({
      code: 'sheet_not_found',
    });
  });

  it('turns Excel serials into ISO dates in both date systems', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
  });

  it('refuses a file named .xlsx that is not a zip archive', async () => {
    expect(await failure(readTable(fixture('not-a-zip.xlsx')))).toEqual({
      file: 'not-a-zip.xlsx',
      code: 'not_zip',
      message: 'not-a-zip.xlsx: this is not an XLSX file (it is not a zip archive)',
    });
  });

  it('refuses a zip without a workbook and a truncated archive', async () => {
    const notExcel = { name: 'photos.xlsx', bytes: zipSync({ 'a.txt': strToU8('hi') }) };
    expect(await failure(readTable(notExcel))).toMatchObject({ code: 'invalid_xlsx' });
    const whole = (await import('./fixtures')).fixture('hand-built.xlsx').bytes;
    const cut = { name: 'cut.xlsx', bytes: whole.subarray(0, whole.length - 40) };
    expect(await failure(readTable(cut))).toMatchObject({ code: 'invalid_xlsx' });
  });

  it('refuses malformed sheet XML without quoting it', async () => {
    const bytes = workbook(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>geheim</t></is></row>`,
    );
    const error = await failure(readTable({ name: 'bad.xlsx', bytes }));
    expect(error).toMatchObject({ code: 'invalid_xlsx' });
    expect(error.message).not.toContain('geheim');
  });

  it('refuses more rows than the limit', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const bytes = workbook(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`);
    expect(await failure(readTable({ name: 'rows.xlsx', bytes }, { limits: { maxRows: 10 } }))).toMatchObject(
      {
        code: 'too_many_rows',
      },
    );
  });

  it('reads back the hand-made deflate stream as zeros', () => {
    const zeros = inflateSync(handDeflatedZeros(5_000_000));
    expect(zeros.length).toBeGreaterThanOrEqual(5_000_000);
    expect(zeros.every((b) => b === 0)).toBe(true);
  });

  it('refuses a zip bomb — 1 GB of zeros in a 7 MB .xlsx whose headers claim 100 bytes — in bounded memory', async () => {
    const bomb = zipWithRawEntry(
      {
        'xl/workbook.xml': strToU8(
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      },
      'xl/worksheets/sheet1.xml',
      handDeflatedZeros(1024 * 1024 * 1024),
    );
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await failure(readTable({ name: 'bomb.xlsx', bytes: bomb }));
    expect(error).toEqual({
      file: 'bomb.xlsx',
      code: 'zip_bomb',
      message: 'bomb.xlsx: the XLSX file unpacks to more than 500 MB; it may be a zip bomb',
    });
    // Inflating streams through small chunks: nowhere near the 500 MB it unpacked, let alone 1 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('refuses a bomb compressed by fflate at level 9 beyond a lower budget', async () => {
    const bomb = zipWithRawEntry({}, 'xl/workbook.xml', deflatedZeros(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(32 * 1024);
    const error = await failure(
      readTable({ name: 'bomb.xlsx', bytes: bomb }, { limits: { maxUnzippedBytes: 8 * 1024 * 1024 } }),
    );
    expect(error).toMatchObject({ code: 'zip_bomb' });
  });

  it('counts every part against one budget, so many small bombs add up', async () => {
    const bytes = workbook(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, {
      'xl/sharedStrings.xml': strToU8(`<sst xmlns="${MAIN}">${'<si><t>x</t></si>'.repeat(50_000)}</sst>`),
    });
    expect(
      await failure(readTable({ name: 'b.xlsx', bytes }, { limits: { maxUnzippedBytes: 500_000 } })),
    ).toMatchObject({
      code: 'zip_bomb',
    });
  });
});

describe('readTable: XLSX cell budget', () => {
  it('refuses a sparse sheet whose rows pad out to more cells than allowed', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `<row r="${i + 1}"><c r="ZZ${i + 1}"><v>1</v></c></row>`,
    ).join('');
    const bytes = workbook(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`);
    expect(
      await failure(readTable({ name: 'sparse.xlsx', bytes }, { limits: { maxCells: 5_000 } })),
    ).toMatchObject({
      code: 'too_many_rows',
    });
  });
});
