// The privacy screens: the Privacy tab on a person's page (consent, withdrawal, subscriptions) and the
// Privacy page's campaign lists, found by roles and labels as a screen-reader user would.
import type { Download, Locator, Page } from 'playwright-core';
import { Screen } from './Screen';

export class PersonPrivacyPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Privacy' }).click();
    await this.page.getByRole('heading', { name: 'Purposes and lawful basis' }).waitFor();
  }

  purpose(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  consentState(purpose: string): Locator {
    return this.purpose(purpose).getByTestId(/^consent-state-/);
  }

  ledger(purpose: string): Locator {
    return this.purpose(purpose).getByRole('table', { name: `Consent ledger for ${purpose}` });
  }

  async recordConsent(purpose: string, options: { method?: string; evidence?: string } = {}): Promise<void> {
    await this.purpose(purpose).getByRole('button', { name: 'Record consent' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record consent' });
    if (options.method) {
      await dialog.getByRole('combobox', { name: 'How was consent given?' }).click();
      await this.page.getByRole('option', { name: options.method, exact: true }).click();
    }
    if (options.evidence) await dialog.getByLabel('What the person agreed to').fill(options.evidence);
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async withdrawConsent(purpose: string): Promise<void> {
    await this.purpose(purpose).getByRole('button', { name: 'Withdraw consent' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Withdraw consent for ${purpose}?` });
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  subscription(list: string): Locator {
    return this.page.getByRole('listitem', { name: list, exact: true });
  }

  /** Subscribes at the person's own request, and confirms when the list uses double opt-in. */
  async subscribe(list: string, options: { confirm?: boolean } = {}): Promise<void> {
    await this.subscription(list).getByRole('button', { name: 'Subscribe' }).click();
    let dialog = this.page.getByRole('dialog', { name: `Subscribe to ${list}` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    if (!options.confirm) return;
    await this.subscription(list).getByText('Pending confirmation').waitFor();
    await this.subscription(list).getByRole('button', { name: 'Confirmed' }).click();
    dialog = this.page.getByRole('dialog', { name: `The person confirmed ${list}` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.subscription(list).getByText('Subscribed', { exact: true }).waitFor();
  }
}

export class PrivacyPage extends Screen {
  async open(tab: string): Promise<void> {
    await this.navigate('Privacy');
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** Runs the purpose gate and waits for its result. */
  async runCampaign(purpose: string, channel: string): Promise<void> {
    await this.open('Campaign lists');
    await this.choose('Purpose', purpose);
    await this.choose('Channel', channel);
    await this.page.getByRole('button', { name: 'Run the purpose gate' }).click();
    await this.campaignResult.waitFor();
  }

  get campaignResult(): Locator {
    return this.page.getByRole('region', { name: 'Campaign list result' });
  }

  get eligibleCount(): Locator {
    return this.campaignResult.getByRole('status');
  }

  excludedFor(reason: string): Locator {
    return this.campaignResult.getByRole('list', { name: reason, exact: true });
  }

  async exportCampaign(format: 'CSV' | 'XLSX'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.campaignResult.getByRole('button', { name: `Export ${format}` }).click();
    return download;
  }
}

export interface BusinessCard {
  readonly givenName: string;
  readonly familyName: string;
  readonly organisation?: string;
  readonly email?: string;
  readonly event?: string;
}

/** Add from business card. */
export class CapturePage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Business card');
    await this.page.getByRole('heading', { name: 'Add from business card' }).waitFor();
  }

  async save(card: BusinessCard): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Given name' }).fill(card.givenName);
    await this.page.getByRole('textbox', { name: 'Family name' }).fill(card.familyName);
    if (card.organisation)
      await this.page.getByRole('combobox', { name: 'Organisation name' }).fill(card.organisation);
    if (card.email) await this.page.getByRole('textbox', { name: 'Email' }).fill(card.email);
    if (card.event) await this.page.getByRole('textbox', { name: 'Where met / event' }).fill(card.event);
    await this.page.getByRole('button', { name: 'Save person' }).click();
    await this.page.getByRole('heading', { name: `${card.givenName} ${card.familyName} is saved` }).waitFor();
  }

  get noticeDue(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Privacy notice due by' });
  }
}
