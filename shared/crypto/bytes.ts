// Byte helpers shared by every host: randomness from Web Crypto (libsodium's randombytes_buf costs ~65 µs
// a call), base64 for storing binary in JSON documents, and UTF-8.

const MAX_RANDOM_CHUNK = 65_536; // getRandomValues refuses more per call

export const randomBytes = (length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_RANDOM_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + MAX_RANDOM_CHUNK)));
  }
  return out;
};

/**
 * Hands out fresh random values from one large buffer, so bulk encryption makes one Web Crypto call per
 * few thousand nonces instead of one per record. Each value is handed out once.
 */
export class RandomPool {
  private buffer: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(private readonly refillBytes = MAX_RANDOM_CHUNK) {}

  take(length: number): Uint8Array {
    if (this.offset + length > this.buffer.length) {
      this.buffer = randomBytes(Math.max(this.refillBytes, length));
      this.offset = 0;
    }
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

type Base64Capable = {
  toBase64?: () => string;
};
type Base64Ctor = { fromBase64?: (text: string) => Uint8Array };

// Native Uint8Array base64 (Chromium 140+, Node 25+) is several times faster than a JS loop.
const nativeFromBase64 = (Uint8Array as unknown as Base64Ctor).fromBase64;
const hasNativeToBase64 = typeof (new Uint8Array(0) as Base64Capable).toBase64 === 'function';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

// Node before 25 (the benches' and tests' client, the server) has Buffer's encoder, also native; the
// sandboxed renderer has no Buffer and takes the native method above (Chromium 140+).
type NodeBuffer = {
  from(b: ArrayBufferLike, offset: number, length: number): { toString(e: 'base64'): string };
};
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

export const toBase64 = (bytes: Uint8Array): string => {
  if (hasNativeToBase64) return (bytes as Base64Capable).toBase64!();
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return btoa(out);
};

export class Base64Error extends Error {
  override readonly name = 'Base64Error';
}

export const fromBase64 = (text: string): Uint8Array => {
  if (nativeFromBase64) {
    try {
      return nativeFromBase64(text);
    } catch {
      throw new Base64Error('Not valid base64');
    }
  }
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? LOOKUP[code]! : 255;
    if (value === 255) throw new Base64Error('Not valid base64');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
};

export const concatBytes = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};

/** Best effort: JavaScript cannot guarantee a copy was not made, but the buffer we hold is cleared. */
export const wipe = (bytes: Uint8Array | undefined): void => {
  bytes?.fill(0);
};
