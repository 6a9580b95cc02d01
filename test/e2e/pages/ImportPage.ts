// The import wizard: choose a file, map, source and purpose, duplicates, report.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class ImportPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Import');
    await this.page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
  }

  /** Picks a file through the platform's open-file dialog (the browser host's file input). */
  async chooseFile(name: string, content: string | Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /Choose (a|another) file/ }).click();
    await (
      await chooser
    ).setFiles({
      name,
      mimeType: 'text/csv',
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
    await this.detected.waitFor();
  }

  get detected(): Locator {
    return this.page.getByTestId('import-detected');
  }

  get preview(): Locator {
    return this.page.getByTestId('import-preview');
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  /** Names a purpose and its lawful basis (choosing "Another purpose…" when the register offers some). */
  async setPurpose(name: string, basis: string): Promise<void> {
    const register = this.page.getByRole('combobox', { name: 'Purpose' });
    // The register loads after the step shows: wait for either the register's list or the free text.
    await register
      .or(this.page.getByRole('textbox', { name: 'Purpose' }))
      .first()
      .waitFor();
    if (await register.count()) {
      await register.click();
      await this.page.getByRole('option', { name: 'Another purpose…' }).click();
    }
    await this.page.getByRole('textbox', { name: 'Purpose' }).fill(name);
    await this.page.getByRole('combobox', { name: 'Lawful basis (GDPR Art. 6)' }).click();
    await this.page.getByRole('option', { name: basis }).click();
  }

  get duplicateGroups(): Locator {
    return this.page.getByTestId('duplicate-group');
  }

  get analysis(): Locator {
    return this.page.getByTestId('import-analysis');
  }

  async resolve(group: Locator, choice: 'Merge' | 'Keep both' | 'Skip'): Promise<void> {
    await group.getByRole('button', { name: choice, exact: true }).click();
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  async showPeople(): Promise<void> {
    await this.page.getByRole('link', { name: 'Show people' }).click();
  }
}
