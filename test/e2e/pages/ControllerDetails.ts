// Privacy → Controller details: who the controller is, how to reach it and its data-protection contact,
// as the record of processing, the access report and the breach report name them.
import type { Locator, Page } from 'playwright-core';

export interface ControllerFields {
  readonly name: string;
  readonly email?: string;
  readonly contact?: string;
}

export class ControllerDetailsPage {
  constructor(readonly page: Page) {}

  get organisation(): Locator {
    return this.page.getByRole('region', { name: 'Controller', exact: true });
  }

  /** Fills in the controller's details on the open tab and saves them. */
  async fill(fields: ControllerFields): Promise<void> {
    await this.organisation.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.email) await this.organisation.getByLabel('Email', { exact: true }).fill(fields.email);
    if (fields.contact)
      await this.organisation.getByLabel('Contact point for privacy questions').fill(fields.contact);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByText('Controller details saved').waitFor();
  }

  /** Opens Privacy → Controller details from the navigation, then fills it in. */
  async openAndFill(fields: ControllerFields): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await this.page.getByRole('tab', { name: 'Controller details' }).click();
    await this.organisation.waitFor();
    await this.fill(fields);
  }
}
