// The screens before the vault is open: create, unlock, and the progress shown in between.
import type { Locator, Page } from 'playwright-core';

export class VaultPage {
  constructor(readonly page: Page) {}

  /** Password inputs have no ARIA role; their label is their accessible name. */
  get passphrase(): Locator {
    return this.page.getByLabel('Passphrase', { exact: true });
  }

  get unlockHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Unlock Kluis' });
  }

  get wrongPassphraseError(): Locator {
    return this.page.getByText('That passphrase is not correct');
  }

  /** The getting-started guide, where a newly created vault first opens (on the dashboard). */
  get guide(): Locator {
    return this.page.getByRole('region', { name: 'Getting started' });
  }

  /**
   * Creates the vault and waits for where its owner first lands: the dashboard with the getting-started
   * guide. Most tests then begin with the people list, so unless `stay` this goes on to People.
   */
  async create(passphrase: string, options: { readonly stay?: boolean } = {}): Promise<void> {
    await this.page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await this.passphrase.fill(passphrase);
    await this.page.getByLabel('Repeat passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Create vault' }).click();
    await this.waitUntilOpen();
    await this.guide.getByRole('list', { name: 'Steps to get started' }).waitFor({ timeout: 30_000 });
    if (options.stay) return;
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await this.page.getByRole('searchbox', { name: 'Search people' }).waitFor();
  }

  /** Submits a passphrase without waiting for the outcome. */
  async submitPassphrase(passphrase: string): Promise<void> {
    await this.unlockHeading.waitFor();
    await this.passphrase.fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.submitPassphrase(passphrase);
    await this.waitUntilOpen();
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  }
}
