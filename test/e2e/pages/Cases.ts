// The service cases list and a case's page.
import type { Locator, Page } from 'playwright-core';
import { Register } from './Screen';

export class CasesPage extends Register {
  constructor(page: Page) {
    super(page, 'Cases', 'Service cases');
  }

  async create(fields: { subject: string; organisation: string; priority?: string }): Promise<void> {
    await this.startNew('New case');
    await this.page.getByRole('textbox', { name: 'Subject' }).fill(fields.subject);
    await this.pick('Organisation', fields.organisation);
    if (fields.priority) await this.choose('Priority', fields.priority);
    await this.submit('Save', fields.subject);
  }

  get timeline(): Locator {
    return this.page.getByRole('list', { name: 'Timeline' });
  }

  async addEntry(kind: 'Reply' | 'Internal note', body: string): Promise<void> {
    await this.page.getByRole('button', { name: kind, exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Message' }).fill(body);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await this.timeline.getByText(body).waitFor();
  }
}
