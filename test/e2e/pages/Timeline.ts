// A person's or organisation's timeline tab: log an activity, find entries.
import type { Locator, Page } from 'playwright-core';

export interface LoggedCall {
  readonly subject: string;
  readonly notes?: string;
  readonly minutes?: number;
}

interface DropGlobals {
  readonly DataTransfer: new () => { readonly items: { add(file: unknown): void } };
  readonly File: new (parts: string[], name: string, options: { type: string }) => unknown;
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

  /** Drops a file on the timeline as a user dragging it from their mail program would. */
  async dropFile(name: string, content: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        // Runs in the page; the Node-side typecheck has no DOM library.
        const page = globalThis as unknown as DropGlobals;
        const transfer = new page.DataTransfer();
        transfer.items.add(new page.File([text], fileName, { type: 'message/rfc822' }));
        return transfer;
      },
      [name, content] as const,
    );
    await this.feed.dispatchEvent('drop', { dataTransfer });
  }
}
