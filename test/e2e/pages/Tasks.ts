// Tasks: a subject's Tasks tab and the My day page.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class Tasks extends Screen {
  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tasks' }).click();
  }

  /** Adds a task from the Tasks tab; the due date is today unless changed. */
  async add(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add task' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('textbox', { name: 'Task' }).fill(title);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.task(title).waitFor();
  }

  task(title: string): Locator {
    return this.page.getByRole('listitem', { name: title });
  }

  /** A group on My day ("Overdue", "Today", "Upcoming", "Done today"). */
  section(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  async openMyDay(): Promise<void> {
    await this.navigate('My day');
    await this.page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
  }

  /** Ticks a task off; on My day it then moves to "Done today" (a new row, so not `check()`). */
  async tickOff(title: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Mark “${title}” as done` }).click();
    await this.page.getByRole('checkbox', { name: `Mark “${title}” as not done` }).waitFor();
  }
}
