// Mail from the desktop (issue 17): electron/mail.ts sends through a real SMTP server started by the test
// on loopback (smtp-server), read back with mailparser. The OS keychain is the safeStorage key store over
// a reversible stand-in, as key-store.test.ts does; the message goes through the IPC handler main
// registers, with Electron stood in (fake-electron.ts). Never the Electron binary, never the network.
import type { BrowserWindow } from 'electron';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../electron/handlers';
import { registerIpcHandlers } from '../../../electron/ipc';
import type { Mailer } from '../../../electron/mail';
import type { MailMessage, SmtpSettings } from '../../../shared/platform';
import { keychainMailer, PASSWORD, startSink, type Sink } from '../../helpers/smtp-sink';
import { fake, FakeWebContents, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const message: MailMessage = {
  from: 'office@example.nl',
  fromName: 'Bakkerij De Vries',
  to: 'anna@example.nl',
  toName: 'Anna de Vries',
  subject: 'Bevestig uw inschrijving: Nieuwsbrief',
  text: 'Klik op deze link om te bevestigen:\nhttps://kluis.example.nl/c/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd\n',
  headers: {
    'List-Unsubscribe': '<https://kluis.example.nl/u/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-ZyXw>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

let dir: string;
let sink: Sink;
let mailer: Mailer;
let settings: SmtpSettings;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kluis-mail-'));
  sink = await startSink();
  mailer = keychainMailer(dir);
  settings = { host: '127.0.0.1', port: sink.port, security: 'none', user: 'office' };
});

afterEach(async () => {
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

describe('mail from the desktop', () => {
  it('keeps the password in the keychain, not with the settings, and never answers it back', async () => {
    expect(await mailer.saveSettings('vault_1', settings, PASSWORD)).toEqual({ ok: true, value: undefined });
    expect(await mailer.settings('vault_1')).toEqual({ ...settings, passwordStored: true });
    const settingsFile = await readFile(path.join(dir, 'mail', 'vault_1.json'), 'utf8');
    expect(settingsFile).not.toContain(PASSWORD);
    const sealed = await readFile(path.join(dir, 'mail-keys', 'vault_1.bin'));
    expect(sealed.toString('utf8')).not.toContain(PASSWORD);
    expect(sealed.toString('utf8')).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    // Saving without a password keeps the kept one; '' forgets it.
    await mailer.saveSettings('vault_1', { ...settings, port: sink.port });
    expect((await mailer.settings('vault_1'))?.passwordStored).toBe(true);
    await mailer.saveSettings('vault_1', settings, '');
    expect((await mailer.settings('vault_1'))?.passwordStored).toBe(false);
    expect(await readdir(path.join(dir, 'mail-keys'))).toEqual([]);
  });

  it('delivers the message through the IPC handler, with the link and the List-Unsubscribe headers', async () => {
    resetFake();
    const contents = new FakeWebContents();
    const win = { webContents: contents, isDestroyed: () => false };
    const unused = undefined as never;
    registerIpcHandlers(
      () => win as unknown as BrowserWindow,
      createIpcHandlers(unused, unused, unused, unused, unused, mailer),
    );
    // As ipcMain.handle does, a handler's throw becomes a rejected invoke.
    const invoke = (channel: string, request: unknown) =>
      Promise.resolve().then(() =>
        fake.ipcMainHandlers.get(channel)![0]!(
          { sender: contents, senderFrame: contents.mainFrame },
          request,
        ),
      );

    expect(await invoke('mail:save-settings', { vaultId: 'vault_1', settings, password: PASSWORD })).toEqual({
      ok: true,
      value: undefined,
    });
    const sent = (await invoke('mail:deliver', { vaultId: 'vault_1', message })) as {
      ok: boolean;
      value: { messageId: string; accepted: number };
    };
    expect(sent).toMatchObject({ ok: true, value: { accepted: 1 } });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(sink.envelopes[0]).toEqual({ from: 'office@example.nl', to: ['anna@example.nl'] });
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toContain('https://kluis.example.nl/c/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd');
    expect(mail.from?.value).toEqual([{ name: 'Bakkerij De Vries', address: 'office@example.nl' }]);
    expect(mail.messageId).toBe(sent.value.messageId);
    // mailparser folds the List-* headers into one `list` value: read the lines as they arrived.
    const line = (key: string) =>
      (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe(
      'List-Unsubscribe: <https://kluis.example.nl/u/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-ZyXw>',
    );

    // Plain SMTP to another machine is an answer the screen can word, not a refused call.
    expect(
      await invoke('mail:save-settings', {
        vaultId: 'vault_1',
        settings: { ...settings, host: 'smtp.example.nl' },
        password: PASSWORD,
      }),
    ).toEqual({ ok: false, error: 'invalid-settings' });
    // A header-injecting message is refused before main touches the network.
    await expect(
      invoke('mail:deliver', {
        vaultId: 'vault_1',
        message: { ...message, subject: 'Hi\r\nBcc: x@evil.example' },
      }),
    ).rejects.toThrow(/invalid-request/);
    expect(sink.received).toHaveLength(1);
  });

  it('answers a wrong password with a clear error that does not contain it', async () => {
    const wrong = 'not-the-password-7f3a9c';
    await mailer.saveSettings('vault_1', settings, wrong);
    const answer = await mailer.deliver('vault_1', message);
    expect(answer).toEqual({ ok: false, error: 'auth-failed', message: 'EAUTH 535' });
    expect(JSON.stringify(answer)).not.toContain(wrong);
    expect(sink.received).toHaveLength(0);
    // A password given for one message is used, and not kept.
    await mailer.saveSettings('vault_1', settings, '');
    expect(await mailer.deliver('vault_1', message)).toEqual({ ok: false, error: 'password-missing' });
    expect(await mailer.deliver('vault_1', message, PASSWORD)).toMatchObject({ ok: true });
    expect((await mailer.settings('vault_1'))?.passwordStored).toBe(false);
  });

  it('says why it cannot send: not configured, unreachable, plain SMTP to another machine, no keychain', async () => {
    expect(await mailer.deliver('vault_2', message)).toEqual({ ok: false, error: 'not-configured' });
    await sink.close();
    await mailer.saveSettings('vault_1', settings, PASSWORD);
    expect(await mailer.deliver('vault_1', message)).toMatchObject({ ok: false, error: 'connection-failed' });
    sink = await startSink();
    // A password must not cross a network in the clear.
    expect(await mailer.saveSettings('vault_1', { ...settings, host: 'smtp.example.nl' }, PASSWORD)).toEqual({
      ok: false,
      error: 'invalid-settings',
    });
    // Linux without a secret service: the settings are kept, the password is not.
    const noKeychain = keychainMailer(dir, { keys: 'other-keys', backend: 'basic_text' });
    expect(await noKeychain.saveSettings('vault_3', settings, PASSWORD)).toEqual({
      ok: false,
      error: 'keychain-unavailable',
    });
    expect(await noKeychain.settings('vault_3')).toEqual({ ...settings, passwordStored: false });
  });
});
