// Editing a person shows validation errors next to the field they belong to; deleting asks first and
// explains that the data key is destroyed.
import { describe, expect, it } from 'vitest';
import { useKluisHarness } from './support/harness';
import { withNewVault } from './support/new-vault';

describe('editing and deleting a person', () => {
  const harness = useKluisHarness();

  it('shows a bad email next to its field, saves the fix, and erases the person', async () => {
    const { page, people, form } = await withNewVault(await harness.open(), 'drie kleine visjes zwemmen', [
      { givenName: 'Pieter', familyName: 'de Vries', email: 'pieter@example.nl' },
    ]);
    await people.openPerson('Pieter de Vries');

    await form.email.fill('pieter-at-example');
    await form.saveExpectingErrors();
    expect(await form.email.getAttribute('aria-invalid')).toBe('true');
    // MUI links the helper text to its input: the error is announced with, and shown under, the field.
    const describedBy = await form.email.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Enter a valid email address, such as name@example.com',
    );
    expect(await form.email.evaluate((field) => field.matches(':focus'))).toBe(true);

    await form.email.fill('p.devries@example.nl');
    await form.field('Job title').fill('Inkoper');
    await form.save();
    const row = people.row('Pieter de Vries');
    await row.filter({ hasText: 'p.devries@example.nl' }).waitFor();
    expect(await row.textContent()).toContain('Inkoper');

    await people.openPerson('Pieter de Vries');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Pieter de Vries?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/destroys this person's data key.*cannot be recovered/);
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await page.getByText('No people yet').waitFor();
    expect(await people.rows.count()).toBe(0);
  });
});
