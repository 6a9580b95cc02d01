// A processor's data-processing agreement end to end (issue 17, item 4): attached in the browser, it
// downloads byte for byte; replaced, the earlier version is listed and still downloads byte for byte.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AccountabilityPage } from './pages/Accountability';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

/** A document whose every byte value occurs, so any re-encoding on the way would show. */
const documentBytes = (marker: string) =>
  Buffer.concat([Buffer.from(`%PDF-1.7 ${marker}\n`), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

const attach = async (page: Page, dialog: Locator, button: string, name: string, bytes: Buffer) => {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
};

const downloaded = async (page: Page, dialog: Locator, name: string) => {
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Download ${name}` }).click();
  return readFile((await (await download).path())!);
};

describe('processor documents', () => {
  const harness = useKluisHarness();

  it('downloads the agreement as uploaded, and keeps and lists the version a new one replaced', async () => {
    const { page } = await harness.open({ locale: 'en-GB' });
    await new VaultPage(page).create('verwerkers overeenkomst 42');
    const first = documentBytes('eerste versie');
    const second = documentBytes('tweede versie');

    let dialog = await new AccountabilityPage(page).addRecipient();
    await dialog.getByLabel('Name').fill('Mailservice BV');
    await dialog.getByLabel('Countries').fill('NL');
    await attach(page, dialog, 'Attach the agreement', 'dpa-2025.pdf', first);
    await dialog.getByText('dpa-2025.pdf is attached when you save.').waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const edit = async () => {
      await page.getByRole('button', { name: 'Edit Mailservice BV' }).click();
      return page.getByRole('dialog');
    };
    dialog = await edit();
    expect(await downloaded(page, dialog, 'dpa-2025.pdf')).toEqual(first);

    await attach(page, dialog, 'Replace the agreement', 'dpa-2026.pdf', second);
    await dialog.getByText(/dpa-2026\.pdf replaces the current document/).waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    dialog = await edit();
    const earlier = dialog.getByRole('list', { name: 'Earlier versions' });
    await earlier.getByText(/^dpa-2025\.pdf · 1 KB · .+ · Vault owner$/).waitFor();
    expect(await downloaded(page, dialog, 'dpa-2026.pdf')).toEqual(second);
    expect(await downloaded(page, dialog, 'dpa-2025.pdf')).toEqual(first);
  });
});
