// A bounded ZIP reader for XLSX. It trusts nothing the archive declares: entry sizes are ignored, every
// byte inflated is counted against one budget for the whole file, and inflating stops as soon as the
// budget is passed — a zip bomb costs at most the budget in time and one chunk in memory.
// fflate's streaming Inflate is used because it lets us stop between small compressed chunks.
import { Inflate } from 'fflate';
import { ImportError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads the central directory at the end of the archive. */
export const listZip = (file: string, bytes: Uint8Array): Map<string, ZipEntry> => {
  const invalid = (why: string) =>
    new ImportError({ file, code: 'invalid_xlsx' }, `not a valid XLSX file (${why})`);
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65_535); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw invalid('the zip directory is missing');
  const count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) throw invalid('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== 0x02014b50)
      throw invalid('the zip directory is damaged');
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name, {
      name,
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      localHeaderOffset: u32(bytes, offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/** Shared by all entries of one archive, so many small bombs add up like one big one. */
export class InflateBudget {
  used = 0;
  constructor(
    readonly file: string,
    readonly maxBytes: number,
  ) {}

  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.maxBytes) {
      throw new ImportError(
        { file: this.file, code: 'zip_bomb' },
        `the XLSX file unpacks to more than ${Math.round(this.maxBytes / (1024 * 1024))} MB; it may be a zip bomb`,
      );
    }
  }
}

const CHUNK = 16 * 1024;

/**
 * Inflates one entry and hands its bytes to onData chunk by chunk. At most about 1,032 × CHUNK bytes
 * come out of one push (deflate's maximum ratio), so memory stays bounded whatever the entry declares.
 */
export const inflateEntry = (
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onData: (chunk: Uint8Array) => void,
): void => {
  const o = entry.localHeaderOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50) {
    throw new ImportError(
      { file, code: 'invalid_xlsx' },
      `not a valid XLSX file (damaged entry ${entry.name})`,
    );
  }
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) {
    budget.spend(data.length);
    onData(data);
    return;
  }
  if (entry.method !== 8) {
    throw new ImportError({ file, code: 'invalid_xlsx' }, 'not a valid XLSX file (unsupported compression)');
  }
  const inflate = new Inflate((chunk) => {
    budget.spend(chunk.length);
    onData(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK)
      inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      { file, code: 'invalid_xlsx' },
      `not a valid XLSX file (damaged data in ${entry.name})`,
    );
  }
};

/** A whole entry as text, for the small parts of a workbook (workbook.xml, relationships). */
export const readEntryText = (
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): string => {
  const decoder = new TextDecoder();
  let text = '';
  inflateEntry(file, bytes, entry, budget, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
};
