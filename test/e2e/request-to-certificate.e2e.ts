// The data-protection officer's path from request to certificate (issue 20, points 1, 3 and 5): nothing is
// produced or erased before the requester's identity is recorded as verified, no access report names the
// placeholder controller "Our organisation"; an erasure made on the
// request's page shows its certificate there and completes the request, which survives a reload; and the
// certificate opens again from the person's old address and from Privacy → Erasure certificates.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ControllerDetailsPage } from './pages/ControllerDetails';
import { RequestsPage } from './pages/Requests';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { withNewVault } from './support/new-vault';
import { screenshot } from './support/screenshot';

/** Goes to an address inside the app, as a bookmark or a link would, without reloading (which locks). */
const go = (page: Page, hash: string) =>
  page.evaluate((to) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = to;
  }, hash);
const hashOf = (page: Page) => new URL(page.url()).hash;

describe('from request to certificate', () => {
  const harness = useKluisHarness();

  it("holds the access package behind the identity check and the controller's name, and the extension is not assumed told", async () => {
    const { page } = await withNewVault(await harness.open(), 'acht echte eekhoorns eten', [
      { givenName: 'Margriet', familyName: 'Veldhuis', email: 'm.veldhuis@example.nl' },
    ]);
    const requests = new RequestsPage(page);
    await requests.open();
    await requests.create({ person: 'Margriet Veldhuis', right: 'Access' });
    const requestAddress = hashOf(page);

    // Before verification: a status that says so, a disabled package action and why.
    expect(await requests.identityStatus.textContent()).toBe('Identity not verified yet');
    const produce = page.getByRole('button', { name: 'Produce access package' });
    expect(await produce.isDisabled()).toBe(true);
    expect(await requests.identityGate.textContent()).toContain("Verify the requester's identity first");
    expect(await produce.getAttribute('aria-describedby')).toContain(
      (await requests.identityGate.getAttribute('id'))!,
    );
    // "Record verification" is an action; "Identity verified" is only ever a status.
    expect(await page.getByRole('button', { name: 'Identity verified' }).count()).toBe(0);
    expect(await page.getByLabel('The person has been told').isChecked()).toBe(false);
    await screenshot(page, 'request-identity-gate');

    await requests.verifyIdentity('ID document seen');
    await requests.identityStatus.filter({ hasText: 'Identity verified' }).waitFor();
    expect(await page.getByTestId('verification').textContent()).toMatch(
      /^Verified by ID document seen on .+ by /,
    );
    await requests.identityGate.waitFor({ state: 'detached' });

    // Still held: the report would name the controller "Our organisation". The warning leads to the fix.
    const controllerGate = page.getByTestId('controller-gate');
    expect(await controllerGate.textContent()).toContain('Our organisation');
    expect(await produce.isDisabled()).toBe(true);
    await controllerGate.getByRole('link', { name: 'Controller details' }).click();
    await new ControllerDetailsPage(page).fill({ name: 'Veldhuis Advies BV', email: 'privacy@veldhuis.nl' });
    await go(page, requestAddress);
    await controllerGate.waitFor({ state: 'detached' });

    const download = await requests.produceAccessPackage();
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const letter = strFromU8(files['report.nl.html']!);
    expect(letter).toContain('Verwerkingsverantwoordelijke: Veldhuis Advies BV');
    expect(letter).not.toContain('Our organisation');
  });

  it('erases from the request page, shows and keeps the certificate, and completes the request', async () => {
    const passphrase = 'negen nieuwe nachtegalen neuriën';
    const app = await withNewVault(await harness.open(), passphrase, [
      { givenName: 'Theodoor', familyName: 'Kampstra', email: 't.kampstra@example.nl' },
    ]);
    const { page, people } = app;
    await people.openPerson('Theodoor Kampstra');
    const personAddress = hashOf(page);
    const requests = new RequestsPage(page);
    await requests.open();
    await requests.create({ person: 'Theodoor Kampstra', right: 'Erasure' });
    const requestAddress = hashOf(page);

    // No erasure on an unverified request.
    await requests.identityGate.waitFor();
    expect(await page.getByRole('form', { name: 'Erase a person (Art. 17)' }).count()).toBe(0);
    await requests.verifyIdentity('Known contact details');

    let certificate = await requests.erase();
    expect(await certificate.textContent()).not.toContain('Kampstra');
    await requests.status().filter({ hasText: 'Completed' }).waitFor();
    expect(await page.getByTestId('decision').textContent()).toContain('Granted');
    await screenshot(page, 'request-erasure-certificate');

    // After a reload and unlock the request still shows the certificate and stays completed.
    await page.reload();
    await new VaultPage(page).unlock(passphrase);
    await go(page, requestAddress);
    certificate = await requests.certificate();
    expect(await requests.status().textContent()).toBe('Completed');
    expect(await certificate.getByRole('table', { name: 'Erased' }).textContent()).toMatch(/Person\s*1/);

    // The person's old address keeps their erasure record, which opens the certificate again.
    await go(page, personAddress);
    const record = page.getByTestId('erasure-record');
    expect(await record.textContent()).toContain('This person was erased on');
    await record.getByRole('button', { name: 'Show erasure certificate' }).click();
    await requests.certificate();

    // And so does the list of certificates under Privacy, with a way back to the request.
    await record.getByRole('link', { name: 'All erasure certificates' }).click();
    const list = page.getByRole('table', { name: 'Erasure certificates' });
    const row = list.getByRole('row').nth(1);
    expect(await row.textContent()).toContain('This device only');
    expect(await row.textContent()).toContain('1 of 1 device');
    await row.getByRole('button', { name: /^Show certificate/ }).click();
    certificate = await requests.certificate();
    expect(await certificate.getByRole('table', { name: 'Devices' }).getByRole('row').count()).toBe(2);
    await screenshot(page, 'erasure-certificates');
    await row.getByRole('link').click();
    await requests.certificate();
    expect(page.url()).toContain(requestAddress);
  });
});
