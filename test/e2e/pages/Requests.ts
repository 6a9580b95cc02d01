// The request register (Requests in the navigation) and one request's page.
import type { Download, Locator, Page } from 'playwright-core';
import { Register } from './Screen';

export class RequestsPage extends Register {
  constructor(page: Page) {
    super(page, 'Requests', 'Requests');
  }

  /** Records a request for a person in the directory; ends on the new request's page. */
  async create(fields: { person: string; right: string; receivedOn?: string }): Promise<void> {
    await this.startNew('New request');
    await this.pick('Person', fields.person);
    await this.choose('Right', fields.right);
    if (fields.receivedOn) await this.page.getByLabel('Received on').fill(fields.receivedOn);
    await this.submit('Record request', `${fields.right} — ${fields.person}`);
  }

  /** The identity check's state on the request page ("Identity verified" or not yet). */
  get identityStatus(): Locator {
    return this.page.getByTestId('verification-status');
  }

  /** Why a package or an erasure is held back until the identity is verified. */
  get identityGate(): Locator {
    return this.page.getByTestId('identity-gate');
  }

  async verifyIdentity(method: string): Promise<void> {
    await this.choose('How the identity was verified', method);
    await this.page.getByRole('button', { name: 'Record verification' }).click();
    await this.page.getByTestId('verification').waitFor();
  }

  /** The request's status, as its facts list shows it. */
  status(): Locator {
    return this.page.locator('dd[data-field="Status"]');
  }

  /** Erases the request's person from its page (typed confirmation) and waits for the certificate. */
  async erase(): Promise<Locator> {
    const form = this.page.getByRole('form', { name: 'Erase a person (Art. 17)' });
    await form.getByLabel('Type ERASE').fill('ERASE');
    await form.getByRole('button', { name: 'Erase', exact: true }).click();
    return this.certificate();
  }

  /** The erasure certificate shown on the page, once it is there. */
  async certificate(): Promise<Locator> {
    const certificate = this.page.getByTestId('erasure-certificate');
    await certificate.getByRole('heading', { name: 'Erasure certificate' }).waitFor();
    return certificate;
  }

  /** Produces the access package; resolves with the captured download. */
  async produceAccessPackage(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Produce access package' }).click();
    const saved = await download;
    await this.page.getByRole('list', { name: 'Sent to the person' }).getByText('Access package').waitFor();
    return saved;
  }

  async decide(outcome: string): Promise<void> {
    await this.choose('Outcome', outcome);
    await this.page.getByRole('button', { name: 'Record decision' }).click();
    await this.page.getByTestId('decision').waitFor();
  }
}
