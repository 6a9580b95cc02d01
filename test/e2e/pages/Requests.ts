// The request register (Requests in the navigation) and one request's page.
import type { Download, Locator, Page } from 'playwright-core';

export class RequestsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Requests' }).click();
    await this.list.waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Requests' });
  }

  row(name: string): Locator {
    return this.list.getByRole('row').filter({ hasText: name });
  }

  /** Records a request for a person in the directory; ends on the new request's page. */
  async create(fields: { person: string; right: string; receivedOn?: string }): Promise<void> {
    await this.page.getByRole('link', { name: 'New request' }).first().click();
    await this.page.getByRole('heading', { name: 'New request' }).waitFor();
    await this.page.getByRole('combobox', { name: 'Person' }).fill(fields.person);
    await this.page.getByRole('option', { name: fields.person }).click();
    await this.page.getByRole('combobox', { name: 'Right' }).click();
    await this.page.getByRole('option', { name: fields.right, exact: true }).click();
    if (fields.receivedOn) await this.page.getByLabel('Received on').fill(fields.receivedOn);
    await this.page.getByRole('button', { name: 'Record request' }).click();
    await this.page.getByRole('heading', { name: `${fields.right} — ${fields.person}` }).waitFor();
  }

  async verifyIdentity(method: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'How the identity was verified' }).click();
    await this.page.getByRole('option', { name: method, exact: true }).click();
    await this.page.getByRole('button', { name: 'Identity verified' }).click();
    await this.page.getByTestId('verification').waitFor();
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
    await this.page.getByRole('combobox', { name: 'Outcome' }).click();
    await this.page.getByRole('option', { name: outcome, exact: true }).click();
    await this.page.getByRole('button', { name: 'Record decision' }).click();
    await this.page.getByTestId('decision').waitFor();
  }
}
