// Settings → Mail, on the desktop: the screen saves through DesktopApi.mail as Electron's main process
// implements it (electron/mail.ts with its keychain stand-in, a real SMTP server on loopback) and sends a
// test message from the controller's address; the password is never read back. In the browser host the
// screen says messages are prepared as .eml files. Never the Electron binary, never the network.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer } from '../../../../electron/mail';
import { saveController } from '../../../../shared/consent';
import type { DesktopApi } from '../../../../shared/platform';
import { LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';
import { MailSettings } from '../../../../renderer/features/settings/components/MailSettings';
import { BrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { PlatformContext } from '../../../../renderer/platform/platform-context';
import { keychainMailer, PASSWORD, startSink, type Sink } from '../../../helpers/smtp-sink';
import { openWorkspace } from '../workspace';

/** Main's answers (a file write, a keychain, an SMTP round trip) on a busy 2-core machine. */
const WAIT = { timeout: 10_000 };

/** The browser host with the desktop's mail face, as the preload gives it in Electron. */
class DesktopWithMail extends BrowserPlatform {
  constructor(readonly mail: Mailer) {
    super();
  }
}

let dir: string;
let sink: Sink;
let mailer: Mailer;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kluis-mail-screen-'));
  sink = await startSink();
  mailer = keychainMailer(dir);
});
afterEach(async () => {
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

const withController = async (workspace: Workspace) =>
  saveController(workspace, LOCAL_ACTOR, { name: 'Bakkerij De Vries', email: 'office@example.nl' });

const showScreen = async (platform: DesktopApi) => {
  render(
    <PlatformContext.Provider value={platform}>
      <MailSettings />
    </PlatformContext.Provider>,
  );
  await screen.findByRole('region', { name: 'Outgoing mail (SMTP)' });
  // On the desktop the form shows once main has answered the saved settings.
  if (platform.mail) await screen.findByLabelText('Mail server', {}, WAIT);
};

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const chooseSecurity = async (name: RegExp) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Connection security' }));
  fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name }));
};

describe('Settings → Mail on the desktop', () => {
  it('saves the server with the password in the keychain, shows it as stored, and sends a test message', async () => {
    const workspace = await openWorkspace();
    await withController(workspace);
    await showScreen(new DesktopWithMail(mailer));
    expect(
      await screen.findByText(/sent from Bakkerij De Vries <office@example\.nl>/, {}, WAIT),
    ).toBeTruthy();

    type('Mail server', '127.0.0.1');
    await chooseSecurity(/^None/);
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('25');
    type('Port', String(sink.port));
    type('User name', 'office');
    type('Password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Save mail settings' }));
    expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe('Mail settings saved.');

    // Main holds the settings and the password, apart; the screen reads back only that one is kept.
    const vaultId = workspace.vaultId;
    expect(await mailer.settings(vaultId)).toEqual({
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      user: 'office',
      passwordStored: true,
    });
    expect(await readFile(path.join(dir, 'mail', `${vaultId}.json`), 'utf8')).not.toContain(PASSWORD);
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText("A password is kept in this computer's keychain.")).toBeTruthy();

    type('Send a test message to', 'anna@example.nl');
    fireEvent.click(screen.getByRole('button', { name: 'Send a test message' }));
    expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe('Message sent.');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.subject).toBe('Test message from Kluis');
    expect(sink.received[0]!.from?.value[0]).toEqual({
      name: 'Bakkerij De Vries',
      address: 'office@example.nl',
    });
    expect(sink.envelopes[0]!.to).toEqual(['anna@example.nl']);

    fireEvent.click(screen.getByRole('button', { name: 'Forget the password' }));
    expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
      "The password was removed from this computer's keychain.",
    );
    expect((await mailer.settings(vaultId))?.passwordStored).toBe(false);
  });

  it('refuses a plain connection to another machine before anything is saved', async () => {
    const workspace = await openWorkspace();
    await showScreen(new DesktopWithMail(mailer));
    type('Mail server', 'smtp.example.nl');
    await chooseSecurity(/^None/);
    fireEvent.click(screen.getByRole('button', { name: 'Save mail settings' }));
    expect(
      await screen.findByText(/only a mail server on this computer \(localhost\) is allowed/),
    ).toBeTruthy();
    expect(await mailer.settings(workspace.vaultId)).toBeNull();
    expect(screen.getByRole('button', { name: 'Send a test message' }).hasAttribute('disabled')).toBe(true);
  });

  it('says what the mail server answered a wrong password', async () => {
    const workspace = await openWorkspace();
    await withController(workspace);
    await mailer.saveSettings(
      workspace.vaultId,
      { host: '127.0.0.1', port: sink.port, security: 'none', user: 'office' },
      'not the password',
    );
    await showScreen(new DesktopWithMail(mailer));
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe(String(sink.port));
    fireEvent.click(screen.getByRole('button', { name: 'Send a test message' }));
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toBe(
      'The mail server refused the user name or password.',
    );
    expect(sink.received).toHaveLength(0);
  });
});

describe('Settings → Mail in the browser', () => {
  it('says messages are prepared as .eml files, and asks for no server', async () => {
    await openWorkspace();
    await showScreen(new BrowserPlatform());
    expect(screen.getByText(/prepared as an \.eml file/)).toBeTruthy();
    expect(screen.queryByLabelText('Mail server')).toBeNull();
  });
});
