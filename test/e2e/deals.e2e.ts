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
});
