// Bytes → text for CSV and vCard: a byte order mark decides; otherwise UTF-8 if the bytes are valid
// UTF-8, else Windows-1252, which is what older Excel versions write on Dutch and English Windows.
import type { TextEncoding } from './types';

const bomOf = (bytes: Uint8Array): { encoding: TextEncoding; length: number } | null => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
};

// Bytes 0x80–0x9F of Windows-1252 (€, quotes, dashes, Š, Ž…). Node 20's TextDecoder decodes the
// 'windows-1252' label as ISO-8859-1 and leaves these as control characters, so they are mapped here;
// in browsers the decoder already did it and nothing is left to map. Undefined bytes stay as they are.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

// ignoreBOM: a byte order mark is cut off by us, never silently by the decoder.
const decode = (encoding: TextEncoding, bytes: Uint8Array, fatal = false): string => {
  const text = new TextDecoder(encoding, { ignoreBOM: true, fatal }).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);
};

export const decodeText = (
  bytes: Uint8Array,
  forced?: TextEncoding,
): { text: string; encoding: TextEncoding } => {
  const bom = bomOf(bytes);
  if (forced) {
    const body = bom && bom.encoding === forced ? bytes.subarray(bom.length) : bytes;
    return { text: decode(forced, body), encoding: forced };
  }
  if (bom) return { text: decode(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };
  try {
    return { text: decode('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
  }
};
