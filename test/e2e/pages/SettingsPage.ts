// The settings page: auto-lock, passphrase, theme and language.
import { Screen } from './Screen';

export class SettingsPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Settings');
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  /** `choice` as shown: "1 minute", "10 minutes", "Never". */
  async setAutoLock(choice: string): Promise<void> {
    await this.choose(/Lock automatically after/, choice);
  }
}
