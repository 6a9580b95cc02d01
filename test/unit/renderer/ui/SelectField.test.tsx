// The drop-down of fixed choices as a user meets it: the chosen value is shown by its words, every choice
// is offered, picking one reports its value, and an empty choice is offered only when asked for.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SelectField } from '../../../../renderer/ui/forms/SelectField';

const WORDS = { email: 'Email', phone: 'Phone', letter: 'Letter' } as const;
type Method = keyof typeof WORDS;

function MethodPicker({ onChange, emptyLabel }: { onChange: (m: Method | '') => void; emptyLabel?: string }) {
  const [method, setMethod] = useState<Method | ''>('email');
  return (
    <SelectField<Method | ''>
      label="Method"
      value={method}
      onChange={(m) => {
        setMethod(m);
        onChange(m);
      }}
      options={['email', 'phone', 'letter']}
      labelOf={(m) => (m ? WORDS[m] : '')}
      emptyLabel={emptyLabel}
    />
  );
}

describe('SelectField', () => {
  it('shows the chosen value by its words and reports the value of the choice picked', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<MethodPicker onChange={onChange} />);
    const field = screen.getByRole('combobox', { name: 'Method' });
    expect(field.textContent).toBe('Email');

    await user.click(field);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Email', 'Phone', 'Letter']);
    await user.click(screen.getByRole('option', { name: 'Letter' }));
    expect(onChange).toHaveBeenCalledWith('letter');
    expect(screen.getByRole('combobox', { name: 'Method' }).textContent).toBe('Letter');
  });

  it('offers an empty choice first only when it is given words', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<MethodPicker onChange={onChange} emptyLabel="None" />);
    await user.click(screen.getByRole('combobox', { name: 'Method' }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['None', 'Email', 'Phone', 'Letter']);
    await user.click(screen.getByRole('option', { name: 'None' }));
    expect(onChange).toHaveBeenCalledWith('');
  });
});
