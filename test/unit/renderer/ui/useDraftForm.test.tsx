// A draft in a form dialog: the core's refusal marks the fields it names and keeps what was typed; typing
// again clears the marks; a failure that is not a refusal is said in the dialog.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../../shared/store';
import { FormDialog } from '../../../../renderer/kit/FormDialog';
import { useDraftForm } from '../../../../renderer/ui/forms/useDraftForm';
import { useErrorText } from '../../../../renderer/ui/forms/useErrorText';

function TitleDialog({ onSave }: { onSave: (draft: { title: string }) => Promise<void> }) {
  const form = useDraftForm({ title: '' });
  const errorText = useErrorText(form.errors);
  return (
    <FormDialog
      open
      title="New task"
      onSubmit={() => onSave(form.draft)}
      errorText={form.errorText('The task could not be saved.')}
      onClose={vi.fn()}
    >
      <label>
        Title
        <input value={form.draft.title} onChange={(e) => form.change({ title: e.target.value })} />
      </label>
      <p data-testid="title-error">{errorText('title') ?? ''}</p>
    </FormDialog>
  );
}

const refusal = new ValidationError('task', [{ path: 'title', code: 'too_small' }]);

describe('useDraftForm', () => {
  it('marks the refused field, keeps the draft, and clears the mark when the user types', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(undefined);
    render(<TitleDialog onSave={onSave} />);
    await user.type(screen.getByLabelText('Title'), ' ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByTestId('title-error').textContent).toBe('This field is required'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSave).toHaveBeenCalledWith({ title: ' ' });

    await user.type(screen.getByLabelText('Title'), 'Call back');
    expect(screen.getByTestId('title-error').textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ title: ' Call back' });
  });

  it('says a failure that is not a refusal in the dialog', async () => {
    const user = userEvent.setup();
    render(<TitleDialog onSave={() => Promise.reject(new Error('disk full'))} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The task could not be saved.');
  });
});
