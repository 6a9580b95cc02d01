// Double opt-in sent through a real SMTP server (issue 17): the renderer in Chromium against the real sync
// server, with the shell's mail module, bound into Chromium. This is not the Electron shell (its binary
// does not run here): the page gets the browser host's platform (BrowserPlatform) plus a `mail` face
// whose three calls run electron/mail.ts — the code Electron's main process runs behind `mail:*` — in
// this test's Node process, with its keychain stand-in, pointed at an SMTP server started by the test
// on loopback (test/helpers/smtp-sink.ts; no network). Settings → Mail is filled in on the screen; a
// pending subscription's "Send confirmation" then leaves through SMTP (no .eml). The test reads the /c/
// link from the captured message and confirms it on the server's page in a browser; the device pulls the
// click and shows the subscription confirmed and the consent given with the token's hash as evidence.
// The campaign list that follows gives him his own unsubscribe link, whose one-click POST takes him off
// the next list. The README's pictures of the consent loop are taken here, the server's page included.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../../electron/mail';
import { keychainMailer, PASSWORD, startSink, type Sink } from '../helpers/smtp-sink';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { PersonPrivacyPanel, PrivacyPage } from './pages/Privacy';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';
import { startSyncServer, type SyncServer } from './support/sync-server';
import { waitUntilSynced } from './support/synced-devices';

const PASSPHRASE = 'zes ganzen op het ijs';
const PERSON = { givenName: 'Otto', familyName: 'Optin', email: 'otto.optin@voorbeeld.nl' };
/** Already on the newsletter, with consent recorded by hand: the campaign list's other member. */
const MEMBER = { givenName: 'Mila', familyName: 'Maas', email: 'mila.maas@voorbeeld.nl' };
const SENDER = 'nieuws@kluis-e2e.example';
/** A vault, a person, an SMTP round trip and a click that comes back: slow on a busy 2-core machine. */
const LONG_TEST_MS = 300_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BINDING = '__kluisShellMail';

/**
 * What the page runs before the app: the browser host's own platform with a `mail` face whose calls
 * cross a Playwright binding to electron/mail.ts, installed where choosePlatform looks for the shell's
 * preload object. Trailing `undefined` arguments (no one-off password) are left out, as the preload does.
 */
const PLATFORM_SCRIPT = `
import { BrowserPlatform } from './renderer/platform/browser-platform';
import { DESKTOP_API_GLOBAL } from './shared/platform';
const call = (method, args) => {
  const given = [...args];
  while (given.length && given[given.length - 1] === undefined) given.pop();
  return globalThis.${BINDING}(method, given);
};
class BrowserWithShellMail extends BrowserPlatform {
  mail = {
    saveSettings: (...args) => call('saveSettings', args),
    settings: (...args) => call('settings', args),
    deliver: (...args) => call('deliver', args),
  };
}
globalThis[DESKTOP_API_GLOBAL] = new BrowserWithShellMail();
`;

const bundlePlatformScript = async (): Promise<string> => {
  const built = await build({
    stdin: { contents: PLATFORM_SCRIPT, resolveDir: ROOT, loader: 'ts', sourcefile: 'shell-mail.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return built.outputFiles[0]!.text;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('double opt-in through the SMTP server, with the shell mail module bound into Chromium', () => {
  const harness = useKluisHarness();
  let server: SyncServer;
  let sink: Sink;
  let mailDir: string;
  let mailer: Mailer;
  let platformScript: string;

  beforeAll(async () => {
    [server, sink, mailDir, platformScript] = await Promise.all([
      startSyncServer(),
      startSink(),
      mkdtemp(path.join(tmpdir(), 'kluis-e2e-mail-')),
      bundlePlatformScript(),
    ]);
    mailer = keychainMailer(mailDir);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  /** The page's mail calls, answered by electron/mail.ts in this process. */
  const bindShellMail = async (page: Page) => {
    await page.exposeBinding(BINDING, (_source, method: keyof Mailer, args: unknown[]) => {
      if (method !== 'saveSettings' && method !== 'settings' && method !== 'deliver')
        throw new Error(`no mail call ${String(method)}`);
      return (mailer[method] as (...given: unknown[]) => Promise<unknown>)(...args);
    });
    await page.addInitScript({ content: platformScript });
  };

  it(
    'sends the confirmation through SMTP; its /c/ link confirmed on the server comes back with the token hash as evidence',
    async () => {
      const { page, context } = await harness.open({
        url: server.url,
        beforeGoto: bindShellMail,
        viewport: { width: 1600, height: 900 },
      });
      await new VaultPage(page).create(PASSPHRASE);
      const sync = new SyncPages(page);
      await sync.connect(PASSPHRASE);
      await waitUntilSynced(sync, 30_000);

      // The confirmation is sent from the controller's address...
      const privacyPage = new PrivacyPage(page);
      await privacyPage.open('Controller details');
      await page.getByLabel('Email', { exact: true }).first().fill(SENDER);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Controller details saved').waitFor();

      // ...through the mail server entered under Settings → Mail: a server on this machine, with an
      // account whose password goes to the keychain stand-in, never back to the page.
      await new SettingsPage(page).open();
      const mailForm = page.getByRole('form', { name: 'Outgoing mail (SMTP)' });
      await mailForm.getByLabel('Mail server').fill('127.0.0.1');
      await mailForm.getByRole('combobox', { name: 'Connection security' }).click();
      await page.getByRole('option', { name: /^None/ }).click();
      await mailForm.getByLabel('Port').fill(String(sink.port));
      await mailForm.getByLabel('User name').fill('office');
      await mailForm.getByLabel('Password').fill(PASSWORD);
      await mailForm.getByRole('button', { name: 'Save mail settings' }).click();
      await page.getByText('Mail settings saved.').waitFor();
      await page.getByText("A password is kept in this computer's keychain.").waitFor();
      expect(await mailForm.getByLabel('Password').inputValue()).toBe('');

      const people = new PeoplePage(page);
      const form = new PersonForm(page);
      const privacy = new PersonPrivacyPanel(page);
      await people.open();
      await people.newPerson();
      await form.fill(MEMBER);
      await form.save();
      await people.open();
      await people.openPerson('Mila Maas');
      await privacy.open();
      await privacy.recordConsent('E-marketing');
      await privacy.subscribe('Newsletter', { confirm: true });

      await people.open();
      await people.newPerson();
      await form.fill(PERSON);
      await form.save();
      await people.open();
      await people.openPerson('Otto Optin');
      await privacy.open();
      await privacy.subscribe('Newsletter');
      const newsletter = privacy.subscription('Newsletter');
      await newsletter.getByText('Pending confirmation').waitFor();
      // The "pending" notice gone, so the picture shows the dialog alone.
      await page
        .getByText('Pending until the person confirms')
        .waitFor({ state: 'detached', timeout: 15_000 });

      await newsletter.getByRole('button', { name: 'Send confirmation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send the confirmation for Newsletter' });
      await dialog.getByText(`To: ${PERSON.email}`).waitFor();
      await dialog
        .getByRole('combobox', { name: 'How to send' })
        .filter({ hasText: "Send it now through the organisation's mail server" })
        .waitFor();
      await screenshot(page, 'consent-send-confirmation');
      let downloaded = false;
      page.on('download', () => void (downloaded = true));
      await dialog.getByRole('button', { name: 'Send confirmation' }).click();
      await page.getByText('Message sent.').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      expect(downloaded).toBe(false);

      // The SMTP server took one message from the controller to Otto, signed in as the saved account.
      await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBe(1);
      expect(sink.envelopes).toEqual([{ from: SENDER, to: [PERSON.email] }]);
      const mail = sink.received[0]!;
      expect(mail.to).toMatchObject({ value: [{ address: PERSON.email, name: 'Otto Optin' }] });
      // mailparser folds the List-* headers into one value: read the lines as they arrived.
      const line = (key: string) =>
        (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');
      expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(line('list-unsubscribe')).toMatch(
        new RegExp(`^List-Unsubscribe: <${server.url}/u/[A-Za-z0-9_-]{43}>$`),
      );
      const link = new RegExp(`${server.url}/c/([A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
      expect(link).not.toBeNull();
      const [confirmUrl, token] = link as unknown as [string, string];

      // Otto opens the link from his mail and presses the button on the server's page.
      const ottosBrowser = await context.newPage();
      await ottosBrowser.setViewportSize({ width: 800, height: 500 });
      await ottosBrowser.goto(confirmUrl);
      const confirmButton = ottosBrowser.getByRole('button', { name: 'Confirm' });
      await confirmButton.waitFor();
      await screenshot(ottosBrowser, 'consent-confirmation-page');
      await confirmButton.click();
      await ottosBrowser.getByText('your confirmation has been received').waitFor();
      await ottosBrowser.close();

      // The device pulls the click and records it, with the token's hash as the evidence.
      await newsletter.getByText('Subscribed', { exact: true }).waitFor({ timeout: 60_000 });
      await newsletter.getByText(/^Confirmed on/).waitFor();
      await expect
        .poll(() => privacy.consentState('E-marketing').textContent(), { timeout: 30_000 })
        .toMatch(/^Consent given on/);
      const evidence = privacy.ledger('E-marketing').getByText(`link-sha256:${sha256(token)}`);
      await evidence.waitFor();
      await evidence.scrollIntoViewIfNeeded();
      await screenshot(page, 'consent-confirmed-by-link');

      // The campaign list's file gives Otto his own unsubscribe link; its one-click POST (as a mail
      // provider sends it) takes him off the next campaign list by itself.
      await privacyPage.runCampaign('E-marketing', 'Email');
      await expect.poll(() => privacyPage.eligibleCount.textContent()).toBe('2 people may be contacted');
      const csv = await readFile((await (await privacyPage.exportCampaign('CSV')).path())!, 'utf8');
      const [header, ...rows] = csv.split(/\r?\n/).filter(Boolean);
      expect(header).toContain('Unsubscribe link');
      const links = rows.map((row) => new RegExp(`${server.url}/u/[A-Za-z0-9_-]{43}`).exec(row)?.[0]);
      expect(new Set(links).size).toBe(2);
      const ottosRow = rows.find((row) => row.includes(PERSON.email))!;
      const unsubscribe = new RegExp(`${server.url}/u/[A-Za-z0-9_-]{43}`).exec(ottosRow)?.[0];
      expect(ottosRow).toContain(`<${unsubscribe}>`);
      const oneClick = await fetch(unsubscribe!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      await people.open();
      await people.openPerson('Otto Optin');
      await privacy.open();
      await privacy.subscription('Newsletter').getByText('Unsubscribed').waitFor({ timeout: 60_000 });
      await privacyPage.runCampaign('E-marketing', 'Email');
      await privacyPage.excludedFor('Unsubscribed').getByText('Otto Optin').waitFor();
      await expect.poll(() => privacyPage.eligibleCount.textContent()).toBe('1 person may be contacted');
      await screenshot(page, 'consent-campaign-unsubscribed');
      // Only the confirmation went out by mail: nothing else reached the SMTP server.
      expect(sink.received).toHaveLength(1);
    },
    LONG_TEST_MS,
  );
});
