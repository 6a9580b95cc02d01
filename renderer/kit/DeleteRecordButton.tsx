// "Delete" on a record's page: a red button that asks first (ConfirmDeleteDialog) and deletes only when
// confirmed; the dialog shows progress and keeps a failure.
import { useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';

interface Props {
  readonly label: string;
  /** The confirmation's title and what it says. */
  readonly title: string;
  readonly body: ReactNode;
  readonly onConfirm: () => Promise<unknown>;
}

export function DeleteRecordButton({ label, title, body, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setAsking(true)}>
        {label}
      </Button>
      <ConfirmDeleteDialog open={asking} title={title} onConfirm={onConfirm} onClose={() => setAsking(false)}>
        {body}
      </ConfirmDeleteDialog>
    </>
  );
}
