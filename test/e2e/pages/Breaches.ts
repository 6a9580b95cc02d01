// The breach register and the lost-device drill, found by labels and roles as a screen-reader user would.
import type { Download, Locator } from 'playwright-core';
import { Screen } from './Screen';

export class BreachesPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Breaches');
    await this.page.getByRole('heading', { name: 'Breach register' }).waitFor();
  }

  get banner(): Locator {
    return this.page.getByTestId('breach-clock-banner');
  }

  row(title: string): Locator {
    return this.page
      .getByRole('table', { name: 'Breach register' })
      .getByRole('row')
      .filter({ hasText: title });
  }

  /** Runs the drill up to the findings: choose the only other device, revoke it, confirm. */
  /** `device`: the lost device's line ("Anna's ThinkPad · Anna de Vries · last sync …"); else the first. */
  async drillRevokeOnlyOtherDevice(device?: RegExp): Promise<void> {
    await this.page.getByRole('link', { name: 'Lost device drill' }).click();
    const devices = this.page.getByRole('radiogroup', { name: 'Which device is lost?' });
    const radio = device ? devices.getByRole('radio', { name: device }) : devices.getByRole('radio').first();
    await radio.check({ timeout: 10_000 });
    await this.page.getByRole('button', { name: 'Revoke and check what it held' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Revoke this device now?' });
    await dialog.getByRole('button', { name: 'Revoke now' }).click();
    await this.findings.waitFor({ timeout: 30_000 });
  }

  get findings(): Locator {
    return this.page.getByTestId('drill-findings');
  }

  /** The drill's question the admin must answer: nothing is chosen for them. */
  get keyQuestion(): Locator {
    return this.page.getByRole('radiogroup', { name: 'How did this device keep its key?' });
  }

  async createBreachFromDrill(keyProtection: RegExp = /^Passphrase only/): Promise<void> {
    await this.keyQuestion.getByRole('radio', { name: keyProtection }).check();
    await this.page.getByRole('button', { name: 'Create the breach record' }).click();
    await this.page.getByRole('heading', { name: /^Lost device: / }).waitFor({ timeout: 10_000 });
  }

  async chooseRisk(level: 'No risk' | 'Risk' | 'High risk'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Risk to the people' })
      .getByRole('radio', { name: level, exact: true })
      .check();
  }

  async decide(
    question: 'Notify the supervisory authority?' | 'Inform the people affected (Art. 34)?',
    answer: 'Yes' | 'No',
  ): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  }

  /** "Report an incident": a manual incident with the people picked by search. */
  async reportIncident(title: string, people: readonly string[]): Promise<void> {
    await this.page.getByRole('link', { name: 'Report an incident' }).click();
    await this.page.getByRole('heading', { name: 'Report an incident' }).waitFor();
    await this.page.getByRole('textbox', { name: /^Short title/ }).fill(title);
    for (const name of people) {
      await this.page.getByRole('searchbox', { name: 'Find a person to add' }).fill(name);
      await this.page.getByRole('button', { name: `Add ${name}` }).click();
    }
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByText('Incident saved').waitFor();
  }

  async export(button: RegExp): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    return download;
  }
}
