// Deleting as a user meets it: the dialog says what will go and why it cannot come back; "Delete
// permanently" runs the deletion and closes; a failure stays in the dialog in the feature's words.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDeleteDialog } from '../../../../renderer/kit/ConfirmDeleteDialog';

const show = (onConfirm: () => Promise<unknown>, onClose = vi.fn()) => {
  render(
    <ConfirmDeleteDialog
      open
      title="Delete this deal?"
      onConfirm={onConfirm}
      onClose={onClose}
      errorText={() => 'The deal could not be deleted.'}
    >
      Its history goes with it and cannot be restored.
    </ConfirmDeleteDialog>,
  );
  return onClose;
};

describe('ConfirmDeleteDialog', () => {
  it('asks with its title and reason, then deletes and closes on "Delete permanently"', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    const onClose = show(onConfirm);
    const dialog = screen.getByRole('dialog', { name: 'Delete this deal?' });
    expect(dialog.textContent).toContain('Its history goes with it and cannot be restored.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete permanently' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('keeps the dialog open with the failure when the deletion fails', async () => {
    const onClose = show(() => Promise.reject(new Error('locked')));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete permanently' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The deal could not be deleted.');
    expect(onClose).not.toHaveBeenCalled();
  });
});
