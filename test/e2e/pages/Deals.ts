// The deals board, list and form.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export interface DealFields {
  readonly title: string;
  readonly organisation?: string;
  readonly value?: string;
  readonly currency?: string;
  /** YYYY-MM-DD. */
  readonly expectedClose?: string;
}

export class DealsPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Deals');
    await this.board.waitFor();
  }

  get board(): Locator {
    return this.page.getByRole('region', { name: 'Deals board' });
  }

  column(stage: string): Locator {
    return this.board.getByRole('region', { name: stage, exact: true });
  }

  card(title: string): Locator {
    return this.board.getByRole('group', { name: title, exact: true });
  }

  count(stage: string): Locator {
    return this.column(stage).getByTestId('stage-count');
  }

  total(stage: string): Locator {
    return this.column(stage).getByTestId('stage-total');
  }

  async create(fields: DealFields): Promise<void> {
    await this.startNew('New deal');
    await this.page.getByRole('textbox', { name: 'Title' }).fill(fields.title);
    if (fields.organisation) await this.pick('Organisation', fields.organisation);
    if (fields.value) await this.page.getByRole('textbox', { name: 'Value' }).fill(fields.value);
    if (fields.currency) await this.page.getByRole('textbox', { name: 'Currency' }).fill(fields.currency);
    if (fields.expectedClose) await this.page.getByLabel('Expected close date').fill(fields.expectedClose);
    await this.submit('Save', fields.title);
  }

  /** Drags a card with the mouse, in small steps, so @dnd-kit's pointer sensor sees a real drag. */
  async drag(title: string, toStage: string): Promise<void> {
    const from = await this.card(title).boundingBox();
    const to = await this.column(toStage).boundingBox();
    if (!from || !to) throw new Error('card or column not visible');
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
    await mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
    await mouse.up();
  }

  /** What the board announces to screen readers while dragging (a visually hidden live region). */
  announced(text: string): Locator {
    return this.page.locator('[aria-live]').filter({ hasText: text });
  }

  /**
   * Picks the card up by its handle with the keyboard, presses → once and waits until the board announces
   * it is over `toStage`, then drops it there.
   */
  async dragWithKeyboard(title: string, toStage: string): Promise<void> {
    await this.page.getByRole('button', { name: `Drag ${title}` }).focus();
    await this.page.keyboard.press('Space');
    // "Picked up" is at once replaced by where the card is: wait for that.
    await this.announced(`Deal ${title} is over stage`).waitFor({ state: 'attached' });
    // dnd-kit starts listening for arrow keys a timer tick after the pick-up, which a loaded machine can
    // announce first; an arrow pressed that early is ignored, so press again (as a user would) while the
    // card has not moved.
    const over = this.announced(`Deal ${title} is over stage ${toStage}.`);
    for (let attempt = 1; ; attempt += 1) {
      await this.page.keyboard.press('ArrowRight');
      try {
        await over.waitFor({ state: 'attached', timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await this.page.keyboard.press('Space');
    await this.announced(`Deal ${title} was dropped in stage ${toStage}.`).waitFor({ state: 'attached' });
  }

  async moveWithMenu(title: string, toStage: string): Promise<void> {
    await this.page.getByRole('button', { name: `Move ${title} to another stage` }).click();
    await this.page.getByRole('menuitem', { name: toStage, exact: true }).click();
    // The menu keeps focus until its closing transition ends.
    await this.page.getByRole('menu').waitFor({ state: 'detached' });
  }

  get closeDialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async giveReason(reason: string): Promise<void> {
    await this.closeDialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.closeDialog.getByRole('button', { name: 'Move deal' }).click();
    await this.closeDialog.waitFor({ state: 'detached' });
  }
}
