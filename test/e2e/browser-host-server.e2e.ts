// The browser host (`npm run web`: the built app on its own port) and a sync server on another port, as
// someone trying Kluis on one machine runs them: a vault made in the browser host connects to the server,
// and the status in the shell says Offline as soon as the server goes away. Where connecting cannot work,
// the message says why: the page's security policy, nothing answering, or something that is not a Kluis
// server the page may use.
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { allowProblems, useKluisHarness } from './support/harness';
import { startSyncServer } from './support/sync-server';
import { waitUntilSynced } from './support/synced-devices';

const PASSPHRASE = 'kantoorlamp browser negen bureau';

/** A port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Fills in the Sync server form of Settings and submits it. */
const connectTo = async (page: Page, address: string) => {
  await new SettingsPage(page).open();
  const section = page.getByRole('region', { name: 'Sync server' });
  await section.getByLabel('Server address').fill(address);
  await section.getByLabel('Your passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Connect this vault' }).click();
  return section;
};

describe('the browser host with a sync server on another port', () => {
  const harness = useKluisHarness();

  it('connects a vault made in the browser host, and says Offline as soon as the server goes away', async () => {
    const server = await startSyncServer();
    let running = true;
    try {
      const app = await harness.open();
      expect(new URL(app.url).origin).not.toBe(new URL(server.url).origin);
      await new VaultPage(app.page).create(PASSPHRASE);
      const section = await connectTo(app.page, server.url);
      await section.getByTestId('sync-user-id').waitFor({ timeout: 30_000 });
      const sync = new SyncPages(app.page);
      await waitUntilSynced(sync, 30_000);
      await sync.status.filter({ hasText: /^Online/ }).waitFor({ timeout: 30_000 });

      await server.close();
      running = false;
      // The complaint was "still Online 3 s after the link drops": the end of the event stream says it.
      await sync.status.filter({ hasText: /^Offline/ }).waitFor({ timeout: 3_000 });
      // The reconnection attempts the browser logs while the server is gone.
      allowProblems(app, /ERR_CONNECTION_REFUSED/);
    } finally {
      if (running) await server.close();
    }
  });

  it('says why connecting failed: the page policy, nothing answering, or not a Kluis server', async () => {
    // A web server that is not Kluis, as most sites answer a path they do not have.
    const other = createHttpServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    try {
      const app = await harness.open();
      await new VaultPage(app.page).create(PASSPHRASE);

      const refused = await connectTo(app.page, 'https://kluis.invalid');
      await refused.getByRole('alert').filter({ hasText: "This page's security policy" }).waitFor();
      await expect(refused.getByRole('alert').textContent()).resolves.toContain(
        'the address itself may well be right',
      );

      const nobody = await connectTo(app.page, `http://127.0.0.1:${await closedPort()}`);
      await nobody.getByRole('alert').filter({ hasText: 'The server could not be reached' }).waitFor();

      const notKluis = await connectTo(app.page, otherUrl);
      await notKluis.getByRole('alert').filter({ hasText: 'Something answers at that address' }).waitFor();

      // What the browser logs for each: the refused connection, the refused port, the missing CORS answer.
      allowProblems(
        app,
        /kluis\.invalid|ERR_CONNECTION_REFUSED|blocked by CORS policy|ERR_FAILED|status of 404/,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
