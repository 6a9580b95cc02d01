// Base64 as the stores write it (shared/crypto/bytes.ts): RFC 4648's test vectors, a view into a larger
// buffer (sealed payloads are subarrays), and a round trip of every byte value. Under Node 20 this runs
// the Buffer path; the renderer takes Uint8Array's native method.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../../../shared/crypto';

describe('base64', () => {
  it('encodes RFC 4648’s test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) {
      expect(toBase64(utf8(text))).toBe(encoded);
      expect(fromBase64(encoded)).toEqual(utf8(text));
    }
  });

  it('encodes only the bytes of a view, not the buffer around it', () => {
    const whole = utf8('xxfoobarxx');
    expect(toBase64(whole.subarray(2, 8))).toBe('Zm9vYmFy');
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    expect(fromBase64(toBase64(all))).toEqual(all);
  });
});
