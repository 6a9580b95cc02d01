import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../../shared/crypto/bytes';
import { EnvelopeCipher, EnvelopeError } from '../../../../shared/crypto/envelope';
import { loadSodium } from '../../../../shared/crypto/sodium';

let cipher: EnvelopeCipher;
beforeAll(async () => {
  cipher = new EnvelopeCipher(await loadSodium());
});

const address = { collection: 'records', id: 'abc123def456', keyId: 'key000111' };
const person = { givenName: 'Annelies', emails: [{ value: 'annelies@voorbeeld.nl' }] };

const failureOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EnvelopeError) return error.failure;
    throw error;
  }
  return 'opened';
};

describe('envelope', () => {
  it('opens what it sealed, with the same key and address', () => {
    const key = randomBytes(32);
    const sealed = cipher.sealJson(person, key, address);
    expect(cipher.openJson(sealed, key, address)).toEqual(person);
  });

  it('does not contain the plaintext and uses a fresh nonce every time', () => {
    const key = randomBytes(32);
    const a = cipher.sealJson(person, key, address);
    const b = cipher.sealJson(person, key, address);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('Annelies');
    expect(atob(a.slice(2))).not.toContain('Annelies');
  });

  it('reports a changed byte as tampered', () => {
    const key = randomBytes(32);
    const sealed = cipher.sealJson(person, key, address);
    const bytes = Uint8Array.from(atob(sealed.slice(2)), (c) => c.charCodeAt(0));
    bytes[bytes.length - 5]! ^= 1;
    const tampered = 'k1' + btoa(String.fromCharCode(...bytes));
    expect(failureOf(() => cipher.openJson(tampered, key, address))).toBe('tampered');
  });

  it('refuses a payload moved to another record, collection or key id', () => {
    const key = randomBytes(32);
    const sealed = cipher.sealJson(person, key, address);
    expect(failureOf(() => cipher.openJson(sealed, key, { ...address, id: 'other00000' }))).toBe('tampered');
    expect(failureOf(() => cipher.openJson(sealed, key, { ...address, collection: 'keys' }))).toBe(
      'tampered',
    );
    expect(failureOf(() => cipher.openJson(sealed, key, { ...address, keyId: 'key999' }))).toBe('tampered');
  });

  it('refuses the wrong key', () => {
    const sealed = cipher.sealJson(person, randomBytes(32), address);
    expect(failureOf(() => cipher.openJson(sealed, randomBytes(32), address))).toBe('tampered');
  });

  it('reports text that is no payload as malformed, without echoing it', () => {
    const key = randomBytes(32);
    for (const junk of ['', 'k1', 'k1!!!not base64!!!', 'Annelies Verbeek', 'k1AAAA']) {
      expect(failureOf(() => cipher.openJson(junk, key, address))).toBe('malformed');
    }
    try {
      cipher.openJson('Annelies Verbeek', key, address);
    } catch (error) {
      expect(String(error)).not.toContain('Annelies');
      expect(String(error)).toContain(address.id);
    }
  });
});
