// Working the pipeline: deals for an organisation, dragged across the board with the mouse, moved with
// the "Move to…" menu, and won with a reason; the column counts and totals follow.
import { describe, expect, it } from 'vitest';
import { DealsPage } from './pages/Deals';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('deals board', () => {
  const harness = useKluisHarness();

  it('drags a deal to the next stage, moves one with the menu, and wins it with a reason', async () => {
    const { page } = await harness.open();
    await new VaultPage(page).create('zeven zwarte zwanen zwemmen');
    await new OrganisationsPage(page).create({ name: 'Bakkerij IJsselmeer' });

    const deals = new DealsPage(page);
    await deals.open();
    await deals.create({ title: 'Ovens vervangen', organisation: 'Bakkerij IJsselmeer', value: '12.500,00' });
    await deals.open();
    await deals.create({ title: 'Onderhoudscontract', organisation: 'Bakkerij IJsselmeer', value: '2400' });
    await deals.open();

    await deals.card('Ovens vervangen').waitFor();
    expect(await deals.count('Lead').textContent()).toBe('2 deals');
    expect(await deals.total('Lead').textContent()).toBe('Total value: €14,900.00');

    await deals.drag('Ovens vervangen', 'Qualified');
    await deals.column('Qualified').getByRole('group', { name: 'Ovens vervangen' }).waitFor();
    expect(await deals.count('Lead').textContent()).toBe('1 deal');
    expect(await deals.total('Qualified').textContent()).toBe('Total value: €12,500.00');

    await deals.moveWithMenu('Onderhoudscontract', 'Proposal');
    await deals.column('Proposal').getByRole('group', { name: 'Onderhoudscontract' }).waitFor();
    expect(await deals.count('Lead').textContent()).toBe('0 deals');

    // The keyboard drags too: pick up by the handle, one column right, drop; each step is announced.
    await deals.dragWithKeyboard('Onderhoudscontract', 'Negotiation');
    await deals.column('Negotiation').getByRole('group', { name: 'Onderhoudscontract' }).waitFor();
    expect(await deals.count('Proposal').textContent()).toBe('0 deals');

    // A won stage asks why; cancelling leaves the deal where it was.
    await deals.moveWithMenu('Ovens vervangen', 'Won');
    await deals.closeDialog.getByRole('button', { name: 'Move deal' }).click();
    await deals.closeDialog.getByText('Say why the deal was won or lost').waitFor();
    await deals.giveReason('Beste prijs en snelle levering');
    await deals.column('Won').getByRole('group', { name: 'Ovens vervangen' }).waitFor();
    expect(await deals.total('Won').textContent()).toBe('Total value: €12,500.00');
    expect(await deals.total('Qualified').textContent()).toBe('Total value: —');

    // The list shows the outcome.
    await page.getByRole('button', { name: 'List' }).click();
    const row = page
      .getByRole('table', { name: 'Deals' })
      .getByRole('row')
      .filter({ hasText: 'Ovens vervangen' });
    expect(await row.textContent()).toContain('Won');
  });

  it('fits every stage on a 1366 px laptop and keeps a keyboard-moved card in focus without scrolling the page', async () => {
    const { page } = await harness.open({ viewport: { width: 1366, height: 768 } });
    await new VaultPage(page).create('zeven zwarte zwanen zwemmen');
    await new OrganisationsPage(page).create({ name: 'Bakkerij IJsselmeer' });
    const deals = new DealsPage(page);
    await deals.open();
    const title = 'Onderhoudscontract bakkerijovens Noordoostpolder';
    await deals.create({ title, organisation: 'Bakkerij IJsselmeer', value: '2400' });
    await deals.open();
    await deals.card(title).waitFor();

    // Won and Lost are on screen with the others, and nothing scrolls the page sideways.
    for (const stage of ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']) {
      const box = await deals.column(stage).boundingBox();
      expect(box, stage).not.toBeNull();
      expect(box!.x + box!.width, `${stage} ends inside the window`).toBeLessThanOrEqual(1366);
    }
    const main = page.getByRole('main');
    const pageScroll = () =>
      main.evaluate((element) => ({
        windowX: element.ownerDocument.defaultView?.scrollX ?? -1,
        mainX: element.scrollLeft,
        mainOverflows: element.scrollWidth > element.clientWidth,
      }));
    expect(await pageScroll()).toEqual({ windowX: 0, mainX: 0, mainOverflows: false });

    // The title wraps between words: no word is split over two lines (they broke anywhere before).
    const splitWords = await deals
      .card(title)
      .getByRole('link', { name: title })
      .evaluate((link) => {
        const text = link.firstChild;
        if (!text?.textContent) return ['no text'];
        const split: string[] = [];
        let at = 0;
        for (const word of text.textContent.split(' ')) {
          const range = link.ownerDocument.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          // A word too long for the card stays on its line and ends in an ellipsis (a second box on the
          // same line); a word broken over lines has boxes on two lines.
          const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
          if (lines.size > 1) split.push(word);
          at += word.length + 1;
        }
        return split;
      });
    expect(splitWords).toEqual([]);

    // A keyboard move: focus stays on the card's handle in its new column, and the page does not scroll.
    await deals.dragWithKeyboard(title, 'Qualified');
    const handle = deals.column('Qualified').getByRole('button', { name: `Drag ${title}` });
    await handle.waitFor();
    await expect
      .poll(() => handle.evaluate((button) => button === button.ownerDocument.activeElement))
      .toBe(true);
    expect(await pageScroll()).toEqual({ windowX: 0, mainX: 0, mainOverflows: false });

    // Moving with the menu keeps focus on the card too.
    await deals.moveWithMenu(title, 'Negotiation');
    const menuButton = deals
      .column('Negotiation')
      .getByRole('button', { name: `Move ${title} to another stage` });
    await expect
      .poll(() => menuButton.evaluate((button) => button === button.ownerDocument.activeElement))
      .toBe(true);
    expect(await pageScroll()).toEqual({ windowX: 0, mainX: 0, mainOverflows: false });
  });
});
