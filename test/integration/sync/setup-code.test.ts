// Creating an organisation from a device once the server holds one: the client sends the setup code the
// server printed (connectVault's setupCode) and gets 'setup-code-required' without it; wrong guesses from
// one address are backed off with 429 and the client learns how long to wait (Retry-After), which the
// renderer words. The real server and the real client.
import { afterEach, describe, expect, it } from 'vitest';
import { connectVault } from '../../../shared/sync';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import type { RunningServer } from '../server/harness';
import { SETUP_CODE, startWithSetupCode } from './setup-code-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const start = async (): Promise<RunningServer> => {
  const server = await startWithSetupCode({
    addressFreeFailures: 1,
    addressBackoffMs: 30_000,
    addressBackoffMaxMs: 30_000,
  });
  cleanups.push(server.stop);
  return server;
};

const connect = async (server: RunningServer, setupCode?: string) => {
  // One vault at a time: RxDB's open-source build keeps at most 13 collections open.
  const db = await memoryDatabase();
  try {
    await (await linkableVault(db)).create(PASSPHRASE);
    return await connectVault({
      fetch,
      serverUrl: server.url,
      db,
      passphrase: PASSPHRASE,
      ...(setupCode === undefined ? {} : { setupCode }),
    });
  } finally {
    await db.remove();
  }
};

describe('creating an organisation on a server that holds one', () => {
  it('needs the printed setup code, and says how long to wait after wrong guesses', async () => {
    const server = await start();
    expect(await connect(server)).toMatchObject({ ok: true });
    expect(await connect(server)).toEqual({ ok: false, error: 'setup-code-required' });
    const waited = await connect(server, 'a wrong guess');
    expect(waited).toMatchObject({ ok: false, error: 'too-many-attempts' });
    expect(waited.ok ? 0 : waited.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('creates the organisation with the setup code, given with stray spaces', async () => {
    const server = await start();
    expect(await connect(server)).toMatchObject({ ok: true });
    expect(await connect(server, `  ${SETUP_CODE} `)).toMatchObject({ ok: true, value: { role: 'admin' } });
  });
});
