// The request register (Requests in the navigation) and one request's page.
import type { Download, Page } from 'playwright-core';
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

  async verifyIdentity(method: string): Promise<void> {
    await this.choose('How the identity was verified', method);
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
    await this.choose('Outcome', outcome);
    await this.page.getByRole('button', { name: 'Record decision' }).click();
    await this.page.getByTestId('decision').waitFor();
  }
}
