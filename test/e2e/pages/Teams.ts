// Settings → Teams: a team's name and its members, chosen by the names the screen shows them by.
import { Screen } from './Screen';

export class TeamsSettings extends Screen {
  async open(): Promise<void> {
    await this.navigate('Settings');
    await this.page.getByRole('heading', { name: 'Teams', level: 2 }).waitFor();
  }

  async create(name: string, members: readonly string[]): Promise<void> {
    const section = this.page.getByRole('region', { name: 'Teams', exact: true });
    await section.getByRole('textbox', { name: 'Team name' }).fill(name);
    for (const member of members) await section.getByRole('checkbox', { name: member, exact: true }).check();
    await section.getByRole('button', { name: 'Add team' }).click();
    await section.getByText(`Team ${name} saved.`).waitFor();
    await section.getByRole('listitem').filter({ hasText: name }).waitFor();
  }
}
