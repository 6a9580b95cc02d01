// "Show passphrase" is a keyboard stop after the field: a keyboard user can check what they typed before
// the vault is created with it, which cannot be undone.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PassphraseField } from '../../../../renderer/features/vault/components/PassphraseField';

function Field() {
  const [value, setValue] = useState('');
  return <PassphraseField label="Passphrase" autoComplete="new-password" value={value} onChange={setValue} />;
}

describe('the passphrase field', () => {
  it('reaches "Show passphrase" by Tab and shows what was typed on Enter', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const field = screen.getByLabelText('Passphrase', { selector: 'input' });
    await user.click(field);
    await user.keyboard('zes ganzen');
    expect(field.getAttribute('type')).toBe('password');
    await user.tab();
    const show = screen.getByRole('button', { name: 'Show passphrase' });
    expect(document.activeElement).toBe(show);
    await user.keyboard('{Enter}');
    expect(field.getAttribute('type')).toBe('text');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hide passphrase' }));
  });
});
