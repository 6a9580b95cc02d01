// The native dialog before a new sync server (electron's dialog stood in): it names the server and the
// certificate to pin in the system's language, connecting takes a click on Connect (Enter and Escape
// cancel), and without a window nothing is allowed. The certificate it shows is read from a real TLS
// server with the office server's generated certificate.
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readServerCertificate } from '../../../electron/server-certificate';
import { createConfirmSyncServer, syncServerDialogText } from '../../../electron/sync-origin-dialog';
import { makeSelfSignedCertificate } from '../../../server/tls';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');
const question = {
  origin: 'https://kluis.office.example:8443',
  fingerprint: FINGERPRINT,
  fromInvite: false,
  replacing: null,
};
const win = {} as BrowserWindow;

beforeEach(() => resetFake());

describe('the dialog before a new sync server', () => {
  it('names the server and the fingerprint, with Cancel as what Enter and Escape do', async () => {
    fake.dialog.showMessageBox.mockResolvedValue({ response: 0 });
    const confirm = createConfirmSyncServer(
      () => win,
      () => 'en-GB',
    );
    expect(await confirm(question)).toBe(true);
    const [shownOn, options] = fake.dialog.showMessageBox.mock.calls[0]!;
    expect(shownOn).toBe(win);
    expect(options).toMatchObject({ buttons: ['Connect', 'Cancel'], defaultId: 1, cancelId: 1 });
    expect(options.message).toContain('https://kluis.office.example:8443');
    expect(options.detail).toContain(`SHA-256 ${FINGERPRINT}`);
    expect(options.detail).toMatch(/Compare it with the fingerprint your administrator gave you/);
  });

  it('adds nothing when the user cancels, or when there is no window to ask on', async () => {
    fake.dialog.showMessageBox.mockResolvedValue({ response: 1 });
    expect(
      await createConfirmSyncServer(
        () => win,
        () => 'en',
      )(question),
    ).toBe(false);
    expect(
      await createConfirmSyncServer(
        () => null,
        () => 'en',
      )(question),
    ).toBe(false);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('speaks Dutch on a Dutch system, and warns about plain http and a replaced server', () => {
    const dutch = syncServerDialogText({ ...question, fromInvite: true }, 'nl-BE');
    expect(dutch.buttons).toEqual(['Verbinden', 'Annuleren']);
    expect(dutch.detail).toContain('het certificaat dat in je uitnodiging staat');
    const plain = syncServerDialogText(
      { ...question, origin: 'http://127.0.0.1:8787', fingerprint: null, replacing: 'https://old.example' },
      'en-US',
    );
    expect(plain.detail).toContain('This replaces the server https://old.example.');
    expect(plain.detail).toContain('not encrypted');
  });
});

describe('reading the certificate a server presents', () => {
  let server: Server | undefined;
  const sockets = new Set<{ destroy(): void }>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  const listen = (s: Server) =>
    new Promise<number>((resolve) => {
      server = s;
      s.on('connection', (socket: { destroy(): void }) => sockets.add(socket));
      s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
    });

  it('reads the SHA-256 of the office server’s generated certificate, sending no request', async () => {
    const tls = makeSelfSignedCertificate(['localhost', '127.0.0.1']);
    const received: Buffer[] = [];
    const port = await listen(
      createTlsServer({ cert: tls.cert, key: tls.key }, (socket) =>
        socket.on('data', (d: Buffer) => received.push(d)),
      ),
    );
    expect(await readServerCertificate(`https://127.0.0.1:${port}`)).toBe(
      new X509Certificate(tls.cert).fingerprint256,
    );
    expect(received).toEqual([]);
  });

  it('answers null for a server that speaks no TLS', async () => {
    const port = await listen(createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    expect(await readServerCertificate(`https://127.0.0.1:${port}`)).toBeNull();
  });
});
