// Sealing and opening of encrypted payloads: XChaCha20-Poly1305 (IETF AEAD) with a random nonce. The
// associated data binds each ciphertext to its collection, record id and key id, so a payload copied to
// another record, collection or key fails to open instead of being read as someone else's data.
import { concatBytes, fromBase64, fromUtf8, RandomPool, toBase64, utf8, Base64Error } from './bytes';
import type { Sodium } from './sodium';

export const NONCE_BYTES = 24;
export const KEY_BYTES = 32;
const FORMAT = 'k1'; // payload format tag, stored in front of the base64 text

export interface EnvelopeAddress {
  readonly collection: string;
  readonly id: string;
  readonly keyId: string;
}

export type EnvelopeFailure =
  /** Authentication failed: the payload was changed, moved to another record, or the key is wrong. */
  | 'tampered'
  /** The stored text is not a payload of a format this version knows. */
  | 'malformed';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly failure: EnvelopeFailure,
    readonly address: EnvelopeAddress,
  ) {
    // Ids are random, not personal data, so they may appear in the message; contents never do.
    super(`Encrypted ${address.collection} record ${address.id} could not be opened (${failure})`);
  }
}

export const associatedData = ({ collection, id, keyId }: EnvelopeAddress): Uint8Array =>
  utf8(`kluis/${FORMAT}\u0000${collection}\u0000${id}\u0000${keyId}`);

/** Seals and opens payloads with one libsodium instance and one pool of nonces. */
export class EnvelopeCipher {
  private readonly nonces = new RandomPool(NONCE_BYTES * 4096);

  constructor(readonly sodium: Sodium) {}

  sealBytes(plaintext: Uint8Array, key: Uint8Array, address: EnvelopeAddress): string {
    const nonce = this.nonces.take(NONCE_BYTES);
    const ciphertext = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      associatedData(address),
      null,
      nonce,
      key,
    );
    return FORMAT + toBase64(concatBytes(nonce, ciphertext));
  }

  openBytes(sealed: string, key: Uint8Array, address: EnvelopeAddress): Uint8Array {
    if (!sealed.startsWith(FORMAT)) throw new EnvelopeError('malformed', address);
    let raw: Uint8Array;
    try {
      raw = fromBase64(sealed.slice(FORMAT.length));
    } catch (error) {
      if (error instanceof Base64Error) throw new EnvelopeError('malformed', address);
      throw error;
    }
    if (raw.length < NONCE_BYTES + this.sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) {
      throw new EnvelopeError('malformed', address);
    }
    try {
      return this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        raw.subarray(NONCE_BYTES),
        associatedData(address),
        raw.subarray(0, NONCE_BYTES),
        key,
      );
    } catch {
      throw new EnvelopeError('tampered', address);
    }
  }

  sealJson(value: unknown, key: Uint8Array, address: EnvelopeAddress): string {
    return this.sealBytes(utf8(JSON.stringify(value)), key, address);
  }

  openJson(sealed: string, key: Uint8Array, address: EnvelopeAddress): unknown {
    const bytes = this.openBytes(sealed, key, address);
    try {
      return JSON.parse(fromUtf8(bytes));
    } catch {
      throw new EnvelopeError('malformed', address);
    }
  }
}
