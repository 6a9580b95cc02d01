// Argon2id across a message channel (issue 18): the unlock's worker (renderer/features/vault/worker) runs
// crypto_pwhash off the page's thread, so that the page meanwhile reads what the session and the list
// open with. Both ends are here, so a test can join them with a MessageChannel and real libsodium. The
// worker says { ready: true } once libsodium is loaded (false if it cannot); each request is answered with the 32-byte key or an
// error. The passphrase crosses only this channel, and the key comes back transferred (not copied).
import { deriveKey, type KdfParams } from './kdf';
import type { Sodium } from './sodium';

export type KdfCost = Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>;

/** Argon2id of the passphrase with the keyring's salt and cost, wherever it runs. */
export type DeriveKey = (passphrase: string, salt: Uint8Array, cost: KdfCost) => Promise<Uint8Array>;

/** A MessagePort, or a worker's global scope, or a Worker seen from the page. */
export interface KdfPort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Node's MessagePort delivers nothing until started (a DOM port added by addEventListener starts). */
  start?(): void;
}

interface KdfRequest {
  readonly id: number;
  readonly passphrase: string;
  readonly salt: Uint8Array;
  readonly opsLimit: number;
  readonly memLimitBytes: number;
}

type KdfAnswer =
  { readonly id: number; readonly key: Uint8Array } | { readonly id: number; readonly error: string };

export class KdfChannelError extends Error {
  override readonly name = 'KdfChannelError';
}

/** Bytes that crossed the channel, as this realm's Uint8Array (libsodium checks instanceof); else null. */
const received = (value: unknown): Uint8Array | null => {
  if (Object.prototype.toString.call(value) !== '[object Uint8Array]') return null;
  const bytes = Uint8Array.from(value as Uint8Array);
  (value as Uint8Array).fill(0);
  return bytes;
};

/**
 * The worker's end: answers each request with crypto_pwhash's output. Listens at once (a request sent
 * while libsodium loads waits for it), and says { ready: true } once libsodium is loaded.
 */
export const serveKdf = (port: KdfPort, sodium: Promise<Sodium>): void => {
  port.addEventListener('message', (event) => {
    const request = event.data as Partial<KdfRequest> | null;
    if (typeof request?.id !== 'number') return;
    const { id, passphrase, opsLimit, memLimitBytes } = request;
    const salt = received(request.salt);
    const answer = (ready: Sodium) => {
      try {
        if (typeof passphrase !== 'string' || !salt)
          throw new KdfChannelError('A KDF request needs a passphrase and a salt');
        const cost = { opsLimit: Number(opsLimit), memLimitBytes: Number(memLimitBytes) };
        const key = deriveKey(ready, passphrase, salt, cost);
        port.postMessage({ id, key } satisfies KdfAnswer, [key.buffer as ArrayBuffer]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ id, error: message } satisfies KdfAnswer);
      }
    };
    sodium.then(answer, () => port.postMessage({ id, error: 'libsodium did not load' } satisfies KdfAnswer));
  });
  port.start?.();
  sodium.then(
    () => port.postMessage({ ready: true }),
    () => port.postMessage({ ready: false }),
  );
};

let nextId = 1;

/** The page's end: one derivation through `port`; rejects with KdfChannelError if the worker refuses. */
export const deriveThrough = (
  port: KdfPort,
  passphrase: string,
  salt: Uint8Array,
  cost: KdfCost,
): Promise<Uint8Array> => {
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    const listener = (event: { data: unknown }) => {
      const answer = event.data as Partial<KdfAnswer> | null;
      if (answer?.id !== id) return;
      port.removeEventListener('message', listener);
      const key = 'key' in answer ? received(answer.key) : null;
      if (key?.length === 32) resolve(key);
      else
        reject(new KdfChannelError('error' in answer ? String(answer.error) : 'No key from the KDF worker'));
    };
    port.addEventListener('message', listener);
    port.start?.();
    const request: KdfRequest = {
      id,
      passphrase,
      salt: salt.slice(),
      opsLimit: cost.opsLimit,
      memLimitBytes: cost.memLimitBytes,
    };
    port.postMessage(request);
  });
};
