// The form-dialog kit as a user meets it: Save runs the work with progress shown and the dialog held open
// until it is done; a failure keeps the dialog and what was typed, and says what went wrong; Cancel closes;
// nothing is submitted twice or before the form may be. One test saves through a real core operation.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../../shared/store';
import { createDeal, type DealInput } from '../../../../shared/deals';
import {
  ConfirmDialog,
  FormDialog,
  refuseIf,
  type FormDialogProps,
} from '../../../../renderer/kit/FormDialog';
import { useOperation } from '../../../../renderer/kit/useOperation';
import { zeeland } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

/** A promise the test settles by hand, to look at the dialog while the work runs. */
const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

type Props = Pick<FormDialogProps, 'onSubmit' | 'errorText' | 'canSubmit'> & {
  readonly onClose?: () => void;
};

/** A dialog with one field, opened and closed by its parent as a screen does. */
function NoteDialog({ onClose, ...props }: Props) {
  const [open, setOpen] = useState(true);
  const [note, setNote] = useState('');
  return (
    <FormDialog
      {...props}
      open={open}
      title="New note"
      onClose={() => {
        onClose?.();
        setOpen(false);
      }}
    >
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </FormDialog>
  );
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });
const cancelButton = () => screen.getByRole('button', { name: 'Cancel' });
const dialogGone = () => waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

describe('FormDialog', () => {
  it('runs onSubmit on Save, shows progress with both buttons disabled while it runs, then closes', async () => {
    const user = userEvent.setup();
    const work = deferred();
    const onSubmit = vi.fn(() => work.promise);
    const onClose = vi.fn();
    render(<NoteDialog onSubmit={onSubmit} onClose={onClose} />);
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(saveButton());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect((saveButton() as HTMLButtonElement).disabled).toBe(true);
    expect((cancelButton() as HTMLButtonElement).disabled).toBe(true);
    expect(onClose).not.toHaveBeenCalled();

    await act(async () => work.resolve());
    expect(onClose).toHaveBeenCalledTimes(1);
    await dialogGone();
  });

  it('cannot be submitted again, nor closed with Escape, while it is busy', async () => {
    const work = deferred();
    const onSubmit = vi.fn(() => work.promise);
    const onClose = vi.fn();
    render(<NoteDialog onSubmit={onSubmit} onClose={onClose} />);
    const form = saveButton().closest('form')!;

    fireEvent.submit(form);
    fireEvent.submit(form);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();

    await act(async () => work.resolve());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog open with what was typed and shows the error when the work fails', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <NoteDialog
        onSubmit={() => Promise.reject(new Error('disk full'))}
        onClose={onClose}
        errorText={(error) => `Not saved: ${(error as Error).message}`}
      />,
    );
    await user.type(screen.getByLabelText('Note'), 'Call back on Monday');
    await user.click(saveButton());

    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: disk full');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('Call back on Monday');
    expect((saveButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says "could not save" when no errorText is given, and clears the error on the next try', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(undefined);
    const onClose = vi.fn();
    render(<NoteDialog onSubmit={onSubmit} onClose={onClose} />);

    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save; try again.');
    await user.click(saveButton());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('closes on Cancel without submitting', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    const onClose = vi.fn();
    render(<NoteDialog onSubmit={onSubmit} onClose={onClose} />);

    await user.click(cancelButton());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    await dialogGone();
  });

  it('disables Save and ignores Enter while canSubmit is false', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<NoteDialog onSubmit={onSubmit} canSubmit={false} />);

    expect((saveButton() as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Note'), 'x{Enter}');
    fireEvent.submit(saveButton().closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows the words of a check the form makes itself, whatever errorText says', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <NoteDialog
        onSubmit={async () => refuseIf(true, 'Choose a date that is not in the future.')}
        onClose={onClose}
        errorText={() => 'Not saved'}
      />,
    );
    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a date that is not in the future.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows a problem found outside submitting, with its intro above the fields', () => {
    render(
      <FormDialog
        open
        title="Attach"
        intro="Add a file as evidence."
        error="The file is too large."
        onSubmit={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText('Add a file as evidence.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('The file is too large.');
  });

  it('confirms an action through the same busy and error handling', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(() => Promise.resolve());
    const onClose = vi.fn();
    render(
      <ConfirmDialog
        open
        title="Delete deal?"
        confirmLabel="Delete"
        onConfirm={onConfirm}
        onClose={onClose}
        destructive
      >
        This cannot be undone.
      </ConfirmDialog>,
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

/** A deal dialog as a feature builds it: the kit's dialog over a real core operation. */
function NewDealDialog({ organisationId, onClose }: { organisationId: string; onClose: () => void }) {
  const { run } = useOperation(createDeal);
  const [title, setTitle] = useState('');
  const input: DealInput = { title, organisationId, stageId: 'lead', value: 0, ownerId: 'local' };
  return (
    <FormDialog
      open
      title="New deal"
      onSubmit={() => run(input)}
      onClose={onClose}
      errorText={(error) => (error instanceof ValidationError ? 'Check the title' : null)}
    >
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
    </FormDialog>
  );
}

describe('FormDialog over a real operation', () => {
  it('shows the core’s refusal, then stores and closes once the input is valid', async () => {
    const user = userEvent.setup();
    const workspace = await openWorkspace();
    const organisation = await workspace.organisations.create(zeeland);
    const onClose = vi.fn();
    render(<NewDealDialog organisationId={organisation.id} onClose={onClose} />);

    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Check the title');
    expect(onClose).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Title'), 'Dijkonderhoud 2027');
    await user.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const { entries } = await workspace.audit.entries();
    expect(entries.filter((e) => e.kind === 'deal').map((e) => e.action)).toEqual(['create']);
  });
});
