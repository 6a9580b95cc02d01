// Double opt-in that closes by itself, in the browser host against the real server (issue 17): a pending
// subscription's "Send confirmation" downloads the message as an .eml holding the person's /c/ link; the
// link opened in a browser and confirmed there comes back to the device, which shows the subscription
// confirmed and the consent given — nobody typed the person's answer. The campaign list's file then
// carries his unsubscribe link, whose one-click POST takes him off the next campaign list.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { PersonPrivacyPanel, PrivacyPage } from './pages/Privacy';
import { useSyncedDevices } from './support/synced-devices';

const PASSPHRASE = 'zes ganzen op het ijs';
const PERSON = { givenName: 'Otto', familyName: 'Optin', email: 'otto.optin@voorbeeld.nl' };
/** A vault, a person, a gate-checked message and a click that comes back: slow on a busy 2-core machine. */
const LONG_TEST_MS = 240_000;

/** The body of a quoted-printable .eml as text: soft line breaks joined, =XX decoded. */
const decodeQuotedPrintable = (eml: string) =>
  eml
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('double opt-in by link', () => {
  const devices = useSyncedDevices();

  it(
    'downloads the confirmation as an .eml with the /c/ link; confirming it in a browser confirms the subscription by itself',
    async () => {
      const { page, context } = await devices.connectAdmin(PASSPHRASE);
      // The confirmation is sent from the controller's address.
      const privacyPage = new PrivacyPage(page);
      await privacyPage.open('Controller details');
      await page.getByLabel('Email', { exact: true }).first().fill('nieuws@kluis-e2e.example');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Controller details saved').waitFor();

      const people = new PeoplePage(page);
      const form = new PersonForm(page);
      await people.open();
      await people.newPerson();
      await form.fill(PERSON);
      await form.save();
      await people.open();
      await people.openPerson('Otto Optin');
      const privacy = new PersonPrivacyPanel(page);
      await privacy.open();
      await privacy.subscribe('Newsletter');
      const newsletter = privacy.subscription('Newsletter');
      await newsletter.getByText('Pending confirmation').waitFor();

      await newsletter.getByRole('button', { name: 'Send confirmation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send the confirmation for Newsletter' });
      await dialog.getByText(`To: ${PERSON.email}`).waitFor();
      const downloading = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Send confirmation' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('confirmation.eml');
      await dialog.waitFor({ state: 'hidden' });
      const eml = decodeQuotedPrintable(await readFile((await download.path())!, 'utf8'));
      expect(eml).toMatch(/^To: .*Otto Optin.* <otto\.optin@voorbeeld\.nl>\r?$/m);
      expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = new RegExp(`${devices.url()}/c/[A-Za-z0-9_-]{43}`).exec(eml)?.[0];
      expect(link).toBeDefined();

      // The person opens the link and presses the button on the server's page.
      const personsPage = await context.newPage();
      await personsPage.goto(link!);
      await personsPage.getByRole('button', { name: 'Confirm' }).click();
      await personsPage.getByText('your confirmation has been received').waitFor();

      // The device pulls the click and records it: no one pressed "Confirmed".
      await newsletter.getByText('Subscribed', { exact: true }).waitFor({ timeout: 60_000 });
      await newsletter.getByText(/^Confirmed on/).waitFor();
      await expect
        .poll(() => privacy.consentState('E-marketing').textContent(), { timeout: 30_000 })
        .toMatch(/^Consent given on/);
      await privacy
        .ledger('E-marketing')
        .getByText(/link-sha256:[0-9a-f]{64}|confirm link clicked/)
        .first()
        .waitFor();

      // The campaign list's file gives Otto his own unsubscribe link; its one-click POST (as a mail
      // provider sends it) takes him off the next campaign list by itself.
      await privacyPage.runCampaign('E-marketing', 'Email');
      await expect.poll(() => privacyPage.eligibleCount.textContent()).toBe('1 person may be contacted');
      const csv = await readFile((await (await privacyPage.exportCampaign('CSV')).path())!, 'utf8');
      const unsubscribe = new RegExp(`${devices.url()}/u/[A-Za-z0-9_-]{43}`).exec(csv)?.[0];
      expect(csv).toContain('Unsubscribe link');
      expect(csv).toContain(`<${unsubscribe}>`);
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
    },
    LONG_TEST_MS,
  );
});
