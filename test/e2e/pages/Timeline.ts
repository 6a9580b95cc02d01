// A person's or organisation's timeline tab: log an activity, find entries.
import type { Locator, Page } from 'playwright-core';

export interface LoggedCall {
  readonly subject: string;
  readonly notes?: string;
  readonly minutes?: number;
}

export class Timeline {
  constructor(readonly page: Page) {}

  get feed(): Locator {
    return this.page.getByRole('feed', { name: 'Timeline' });
  }

  entry(type: string, title: string): Locator {
    return this.page.getByRole('article', { name: `${type}: ${title}` });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Timeline' }).click();
  }

  async logCall(call: LoggedCall): Promise<void> {
    await this.page.getByRole('button', { name: 'Log a call' }).click();
    const form = this.page.getByRole('form', { name: 'Log an activity' });
    await form.getByRole('textbox', { name: 'Subject' }).fill(call.subject);
    if (call.minutes !== undefined)
      await form.getByRole('spinbutton', { name: 'Duration (minutes)' }).fill(String(call.minutes));
    if (call.notes !== undefined) await form.getByRole('textbox', { name: 'Notes' }).fill(call.notes);
    await form.getByRole('button', { name: 'Log it' }).click();
    await form.waitFor({ state: 'detached' });
    await this.entry('Call', call.subject).waitFor();
  }
}
