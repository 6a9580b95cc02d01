// The core's refusal shown where the user fixes it: each issue next to its field in the feature's words
// (a code without words falls back to "check this field"), and no alert; any other failure in the alert.
import TextField from '@mui/material/TextField';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../../shared/store';
import { FormDialog } from '../../../../renderer/kit/FormDialog';
import { useFieldIssues } from '../../../../renderer/ui/forms/useFieldIssues';

function RuleDialog({ onSubmit }: { onSubmit: () => Promise<void> }) {
  const { errorOf, fieldProps, errorText } = useFieldIssues('retention.rules.errors');
  return (
    <FormDialog
      open
      title="Add retention rule"
      onSubmit={onSubmit}
      errorText={errorText('Not saved')}
      onClose={vi.fn()}
    >
      <p data-testid="name-error">{errorOf('name') ?? ''}</p>
      <p data-testid="months-error">{errorOf('months') ?? ''}</p>
      <TextField label="Legal reason" {...fieldProps('legalReason', 'Why the law asks for this period.')} />
    </FormDialog>
  );
}

const save = async () => userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));

describe('useFieldIssues', () => {
  it('words each refused field by its code, under its path, and shows no alert', async () => {
    const refusal = new ValidationError('retentionRule', [
      { path: 'name.en', code: 'name' },
      { path: 'months', code: 'no_words_for_this' },
    ]);
    render(<RuleDialog onSubmit={() => Promise.reject(refusal)} />);
    await save();
    expect((await screen.findByTestId('name-error')).textContent).toBe(
      'Give the rule a name, in English or Dutch.',
    );
    expect(screen.getByTestId('months-error').textContent).toBe('Check this field.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives a field its hint until it is refused, then the refusal in its words, marked invalid', async () => {
    const refusal = new ValidationError('retentionRule', [{ path: 'legalReason.en', code: 'legal_reason' }]);
    render(<RuleDialog onSubmit={() => Promise.reject(refusal)} />);
    const field = screen.getByRole('textbox', { name: 'Legal reason' });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Why the law asks for this period.')).toBeTruthy();
    await save();
    await screen.findByText('Give the legal reason, in English or Dutch.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Why the law asks for this period.')).toBeNull();
  });

  it('puts any other failure in the dialog’s alert and marks no field', async () => {
    render(<RuleDialog onSubmit={() => Promise.reject(new Error('disk full'))} />);
    await save();
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved');
    expect(screen.getByTestId('name-error').textContent).toBe('');
  });
});
