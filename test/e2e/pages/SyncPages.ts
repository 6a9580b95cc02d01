// Sync: the "Sync server" section of the settings, the first-run sign-in, and the status in the shell.
import type { Locator, Page } from 'playwright-core';
import { SettingsPage } from './SettingsPage';
import { VaultPage } from './VaultPage';

export class SyncPages {
  /** The device name the sign-in screen offered for the name typed there, before any was typed over it. */
  deviceDefault: string | null = null;

  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByRole('status', { name: 'Sync status' });
  }

  /** Connects the open vault to the server it was loaded from; returns the new admin's user id. */
  async connect(passphrase: string): Promise<string> {
    await new SettingsPage(this.page).open();
    const section = this.page.getByRole('region', { name: 'Sync server' });
    await section.getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await section.getByRole('button', { name: 'Connect this vault' }).click();
    const userId = section.getByTestId('sync-user-id');
    await userId.waitFor({ timeout: 30_000 });
    return (await userId.textContent()) ?? '';
  }

  /**
   * On the first-run screen: builds this device's vault from the server. `names`: the user's name and
   * this device's, as typed there (the device's otherwise keeps its default).
   */
  async signIn(
    userId: string,
    passphrase: string,
    names?: { displayName: string; deviceName?: string },
  ): Promise<void> {
    await this.page.getByRole('button', { name: "Sign in to your organisation's server" }).click();
    await this.page.getByRole('heading', { name: 'Sign in to your organisation' }).waitFor();
    await this.page.getByRole('textbox', { name: 'User id' }).fill(userId);
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    if (names) {
      await this.page.getByRole('textbox', { name: 'Your name' }).fill(names.displayName);
      const device = this.page.getByRole('textbox', { name: 'Name of this device' });
      this.deviceDefault = await device.inputValue();
      if (names.deviceName) await device.fill(names.deviceName);
    }
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await new VaultPage(this.page).waitUntilOpen();
  }

  /** The admin's "Invite user" form in Settings: returns the new user's id and one-time invite code. */
  async invite(roleName: string): Promise<{ userId: string; inviteCode: string }> {
    await new SettingsPage(this.page).open();
    const section = this.page.getByRole('region', { name: 'Devices and users' });
    const form = section.getByRole('form', { name: 'Invite user' });
    await form.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${roleName}`) }).click();
    await form.getByRole('button', { name: 'Invite user' }).click();
    const created = section.getByRole('status').filter({ hasText: roleName });
    const code = created.getByRole('textbox', { name: 'Invite code' });
    await code.waitFor({ timeout: 30_000 });
    return {
      userId: await created.getByRole('textbox', { name: 'User id' }).inputValue(),
      inviteCode: await code.inputValue(),
    };
  }

  /** Settings → Your name and this device: fills in what is given and saves. */
  async saveNames(names: { displayName?: string; deviceName?: string }): Promise<void> {
    await new SettingsPage(this.page).open();
    const section = this.names;
    if (names.displayName !== undefined)
      await section.getByRole('textbox', { name: 'Your name' }).fill(names.displayName);
    if (names.deviceName !== undefined)
      await section.getByRole('textbox', { name: "This device's name" }).fill(names.deviceName);
    await section.getByRole('button', { name: 'Save names' }).click();
    await this.page.getByText('Names saved').waitFor();
  }

  get names(): Locator {
    return this.page.getByRole('region', { name: 'Your name and this device' });
  }

  /** The admin's "Devices" table in Settings. */
  get deviceTable(): Locator {
    return this.page
      .getByRole('region', { name: 'Devices and users' })
      .getByRole('table', { name: 'Devices' });
  }

  /** The row of a user in the admin's "Users" table. */
  userRow(userId: string): Locator {
    const section = this.page.getByRole('region', { name: 'Devices and users' });
    return section.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: userId });
  }

  /** On the first-run screen: joins with an invite code and a new passphrase; returns when it waits. */
  async join(userId: string, inviteCode: string, passphrase: string): Promise<void> {
    await this.page.getByRole('button', { name: "Sign in to your organisation's server" }).click();
    await this.page.getByRole('button', { name: 'Join an organisation with an invite code' }).click();
    await this.page.getByRole('heading', { name: 'Join your organisation' }).waitFor();
    await this.page.getByRole('textbox', { name: 'User id' }).fill(userId);
    await this.page.getByRole('textbox', { name: 'Invite code' }).fill(inviteCode);
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Repeat passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
  }
}
