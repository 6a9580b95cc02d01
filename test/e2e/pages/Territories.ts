// Settings → Territories: the territories defined (each a list item named by the territory), the form
// that adds one, and "Apply the rules to everyone".
import type { Locator } from 'playwright-core';
import { SettingsPage } from './SettingsPage';
import { Screen } from './Screen';

export interface TerritoryFields {
  readonly name: string;
  readonly countries?: string;
  readonly tags?: string;
  /** Members, by the names the screen shows them by. */
  readonly members?: readonly string[];
}

export class TerritoriesSettings extends Screen {
  async open(): Promise<void> {
    await new SettingsPage(this.page).open();
    await this.section.waitFor();
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Territories', exact: true });
  }

  get form(): Locator {
    return this.section.getByRole('form', { name: 'New territory' });
  }

  territory(name: string): Locator {
    return this.section.getByRole('list', { name: 'Territories' }).getByRole('listitem', { name });
  }

  /** Fills the form and presses Add territory; the caller waits for what it expects to follow. */
  async define(fields: TerritoryFields): Promise<void> {
    const field = (name: string) => this.form.getByRole('textbox', { name, exact: false });
    await field('Name').fill(fields.name);
    await field('Countries').fill(fields.countries ?? '');
    await field('Tags').fill(fields.tags ?? '');
    for (const member of fields.members ?? [])
      await this.form.getByRole('group', { name: 'Members' }).getByRole('checkbox', { name: member }).check();
    await this.form.getByRole('button', { name: 'Add territory' }).click();
  }

  /** Opens "Change members" on the territory, sets whether each member named is checked, and saves. */
  async changeMembers(territory: string, members: Readonly<Record<string, boolean>>): Promise<void> {
    const row = this.territory(territory);
    await row.getByRole('button', { name: `Change members of ${territory}` }).click();
    for (const [member, checked] of Object.entries(members))
      await row
        .getByRole('group', { name: 'Members' })
        .getByRole('checkbox', { name: member })
        .setChecked(checked);
    await row.getByRole('button', { name: 'Save members' }).click();
  }

  status(text: string | RegExp): Locator {
    return this.section.getByRole('status').filter({ hasText: text });
  }
}
