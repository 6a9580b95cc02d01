// Where the app's unlock runs Argon2id (renderer/features/vault/worker/kdf-runner.ts): in the KDF worker
// where the host starts module workers, and on the page where it cannot (jsdom here, as in these tests),
// or where the worker fails to load. Each way gives the key the page derives itself (real libsodium).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { deriveKey, loadSodium, newSalt, serveKdf, TEST_KDF, type KdfPort } from '../../../../shared/crypto';
import {
  coolKdfWorker,
  deriveOffPage,
  kdfOffPage,
  warmKdfWorker,
} from '../../../../renderer/features/vault/worker/kdf-runner';

const PASSPHRASE = 'correct horse battery staple';

/** A host's Worker whose script cannot load: it only reports an error. */
class BrokenWorker extends EventTarget {
  static started = 0;
  terminated = false;
  constructor() {
    super();
    BrokenWorker.started++;
    setTimeout(() => this.dispatchEvent(new Event('error')), 0);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

/** A host's Worker running the KDF worker's code (serveKdf) at the other end of a message channel. */
class ChannelWorker {
  static started: ChannelWorker[] = [];
  readonly channel = new MessageChannel();
  terminated = false;
  /** Keys the worker's end answered with. */
  answered = 0;
  constructor() {
    ChannelWorker.started.push(this);
    serveKdf(this.channel.port2 as unknown as KdfPort, loadSodium());
    this.channel.port1.addEventListener('message', (event) => {
      if ((event as unknown as { data: { key?: unknown } }).data.key) this.answered++;
    });
    this.channel.port1.start();
  }
  postMessage(message: unknown): void {
    this.channel.port1.postMessage(message);
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === 'message') this.channel.port1.addEventListener('message', listener as never);
  }
  removeEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as never);
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

afterEach(() => {
  coolKdfWorker();
  vi.unstubAllGlobals();
});

describe('the unlock’s Argon2id', () => {
  it('runs on the page where no module worker can start, with the page’s key', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(kdfOffPage()).toBe(false);
    warmKdfWorker(); // nothing to start
    const salt = newSalt();
    const key = await deriveOffPage(PASSPHRASE, salt, TEST_KDF);
    expect(key).toEqual(deriveKey(await loadSodium(), PASSPHRASE, salt, TEST_KDF));
  });

  it('falls back to the page when the worker fails to load', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    BrokenWorker.started = 0;
    expect(kdfOffPage()).toBe(true);
    const salt = newSalt();
    const key = await deriveOffPage(PASSPHRASE, salt, TEST_KDF);
    expect(key).toEqual(deriveKey(await loadSodium(), PASSPHRASE, salt, TEST_KDF));
    expect(BrokenWorker.started).toBe(1);
  });

  it('runs in the worker started ahead, which the derivation then ends', async () => {
    vi.stubGlobal('Worker', ChannelWorker);
    ChannelWorker.started = [];
    warmKdfWorker();
    warmKdfWorker(); // one worker ahead, not two
    expect(ChannelWorker.started).toHaveLength(1);
    const salt = newSalt();
    const key = await deriveOffPage(PASSPHRASE, salt, TEST_KDF);
    expect(Array.from(key)).toEqual(Array.from(deriveKey(await loadSodium(), PASSPHRASE, salt, TEST_KDF)));
    expect(ChannelWorker.started).toHaveLength(1);
    expect(ChannelWorker.started[0]!.answered).toBe(1);
    expect(ChannelWorker.started[0]!.terminated).toBe(true);
  });
});
