// In the desktop app a request the pin stopped fails as a certificate mismatch, not as "offline": main
// says whether the pinned host's last certificate was refused (the desktop face stood in as the preload
// exposes it), and the one HTTP client answers 'certificate-mismatch'. A port nobody listens on is the
// failed connection.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFromWindow } from '../../../../renderer/features/sync/stores/server-address';
import { DESKTOP_API_GLOBAL } from '../../../../shared/platform';
import { ROUTES, serverClient } from '../../../../shared/sync';

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals[DESKTOP_API_GLOBAL];
});

/** An address that refuses connections: a port just released. */
const closedAddress = () =>
  new Promise<string>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(`https://127.0.0.1:${port}`));
    });
  });

const callThroughPage = async (refused: boolean) => {
  globals[DESKTOP_API_GLOBAL] = { syncCertificateRefused: async () => refused };
  return serverClient(fetchFromWindow, { serverUrl: await closedAddress(), token: 't' }).call(ROUTES.me);
};

describe('a request the desktop’s pin refused', () => {
  it('answers certificate-mismatch when main refused the pinned host’s certificate', async () => {
    expect(await callThroughPage(true)).toEqual({ ok: false, error: 'certificate-mismatch' });
  });

  it('stays offline when main refused nothing, and in the browser host', async () => {
    expect(await callThroughPage(false)).toEqual({ ok: false, error: 'offline' });
    delete globals[DESKTOP_API_GLOBAL];
    const url = await closedAddress();
    expect(await serverClient(fetchFromWindow, { serverUrl: url }).call(ROUTES.me)).toEqual({
      ok: false,
      error: 'offline',
    });
  });
});
