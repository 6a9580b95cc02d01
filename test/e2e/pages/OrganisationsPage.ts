// The organisations list and form.
import { Screen } from './Screen';

export interface OrganisationFields {
  readonly name: string;
  readonly website?: string;
  readonly registrationNumber?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly city?: string;
}

export class OrganisationsPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Organisations');
    await this.page.getByRole('searchbox', { name: 'Search organisations' }).waitFor();
  }

  async create(fields: OrganisationFields): Promise<void> {
    await this.open();
    await this.page.getByRole('link', { name: 'New organisation' }).first().click();
    const field = (name: string) => this.page.getByRole('textbox', { name, exact: true });
    await field('Organisation name').fill(fields.name);
    if (fields.website) await field('Website').fill(fields.website);
    if (fields.registrationNumber) await field('Registration number (KvK)').fill(fields.registrationNumber);
    if (fields.email) await field('Email').fill(fields.email);
    if (fields.phone) await field('Phone').fill(fields.phone);
    if (fields.city) await field('City').fill(fields.city);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page
      .getByRole('grid', { name: 'Organisations' })
      .getByText(fields.name, { exact: true })
      .waitFor();
  }
}
