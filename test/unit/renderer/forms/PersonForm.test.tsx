// The person form's validation as a user meets it: Save with what the core refuses puts each message next
// to its field (also in the right row when empty rows were left out), with a summary, and editing a
// field clears its own message. The form saves through the real repository's validation.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../shared/store';
import type { Workspace } from '../../../../shared/workspace';
import { PersonForm } from '../../../../renderer/features/people/components/PersonForm';
import {
  draftToPersonInput,
  newPersonDraft,
  type PersonDraft,
} from '../../../../renderer/features/people/person-draft';
import { toFieldErrors, type FieldErrors } from '../../../../renderer/ui/forms/field-errors';
import { openWorkspace } from '../workspace';

/** The form as its page holds it: a failed validation becomes errors next to the fields. */
function NewPerson({ workspace, onSaved }: { workspace: Workspace; onSaved: (draft: PersonDraft) => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = (draft: PersonDraft) => {
    const { input, rows } = draftToPersonInput(draft);
    try {
      workspace.people.validate({ ...input, createdAt: 1_764_000_000_000 });
      onSaved(draft);
    } catch (error) {
      if (error instanceof ValidationError) setErrors(toFieldErrors(error.issues, rows));
      else throw error;
    }
  };
  return (
    <PersonForm
      initial={newPersonDraft()}
      errors={errors}
      onErrorsChange={setErrors}
      onSubmit={save}
      header={() => <button type="submit">Save</button>}
      tagSuggestions={[]}
    />
  );
}

/** Types a whole value into a field (one change event: MUI fields are slow to type into key by key). */
const typeIn = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

/** The message shown under a field (MUI links it as the field's description). */
const messageOf = (label: string) => {
  const field = screen.getByRole('textbox', { name: label });
  const id = field.getAttribute('aria-describedby');
  return field.getAttribute('aria-invalid') === 'true' && id
    ? document.getElementById(id)?.textContent
    : null;
};

// A whole MUI form in jsdom is slow to render (seconds), the more so under a full, parallel run.
describe('the person form', { timeout: 120_000 }, () => {
  it('shows the core’s validation next to each field, in the row the user typed it in', async () => {
    const user = userEvent.setup();
    const workspace = await openWorkspace();
    const saved: PersonDraft[] = [];
    render(<NewPerson workspace={workspace} onSaved={(d) => saved.push(d)} />);

    await user.click(screen.getByRole('button', { name: 'Add email' }));
    // Row 1 stays empty and is left out; the bad address in row 2 is stored row 0.
    typeIn('Email 2', 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(saved).toEqual([]);
    expect(within(screen.getByRole('form')).getAllByRole('alert')[0]!.textContent).toBe(
      '2 fields need your attention.',
    );
    expect(messageOf('Family name')).toBe('Enter a given name or a family name');
    expect(messageOf('Email 2')).toBe('Enter a valid email address, such as name@example.com');
    expect(messageOf('Email')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Family name' }));
  });

  it('clears a field’s message when it is edited, and saves once the core accepts the draft', async () => {
    const user = userEvent.setup();
    const workspace = await openWorkspace();
    const saved: PersonDraft[] = [];
    render(<NewPerson workspace={workspace} onSaved={(d) => saved.push(d)} />);

    typeIn('Email', 'wrong');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(messageOf('Email')).not.toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Family name' }), 'Verbeek');
    expect(messageOf('Family name')).toBeNull();
    expect(messageOf('Email')).not.toBeNull(); // only the edited field's message goes
    // Focus stays where the user types (it jumped to the next invalid field once one error was cleared).
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Family name' }));
    expect((screen.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('wrong');

    typeIn('Email', 'annelies@voorbeeld.nl');
    expect(messageOf('Email')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved.map((d) => d.familyName)).toEqual(['Verbeek']);
    expect(screen.queryByText(/need your attention/)).toBeNull();
  });
});
