// The auth verifier sent to the sync server is a separate KDF output: it is stable for one passphrase and
// salt, and is not the key-encryption key, so the server cannot open the user's secret key with it.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../../shared/crypto/bytes';
import { EnvelopeCipher } from '../../../../shared/crypto/envelope';
import { TEST_KDF } from '../../../../shared/crypto/kdf';
import { loadSodium } from '../../../../shared/crypto/sodium';
import {
  createKeyring,
  derivePassphraseKeys,
  kekAddress,
  KEYRING_FORMAT,
} from '../../../../shared/vault/keyring';
import { PASSPHRASE } from '../../../helpers/store';

describe('passphrase keys', () => {
  it('derive a stable verifier that differs from the key-encryption key and cannot open the secret key', async () => {
    const sodium = await loadSodium();
    const cipher = new EnvelopeCipher(sodium);
    const { doc } = createKeyring(sodium, cipher, PASSPHRASE, TEST_KDF);
    expect(doc.format).toBe(KEYRING_FORMAT);
    const first = derivePassphraseKeys(sodium, PASSPHRASE, doc.kdf);
    const second = derivePassphraseKeys(sodium, PASSPHRASE, doc.kdf);
    expect(first.authVerifier).toBe(second.authVerifier);
    expect(first.authVerifier).not.toBe(toBase64(first.kek));
    expect(cipher.openBytes(doc.wrappedUserSecretKey, first.kek, kekAddress)).toHaveLength(32);
    expect(() =>
      cipher.openBytes(doc.wrappedUserSecretKey, fromBase64(first.authVerifier), kekAddress),
    ).toThrow();
    expect(derivePassphraseKeys(sodium, 'another passphrase', doc.kdf).authVerifier).not.toBe(
      first.authVerifier,
    );
  });
});
