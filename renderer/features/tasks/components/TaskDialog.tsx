// Adding or editing a task: title, notes, due date and time, reminder, and who does it.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ValidationError } from '../../../../shared/store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useAssignees } from '../hooks/useAssignees';
import type { TaskDraft } from '../task-draft';

interface Props {
  readonly title: string;
  readonly initial: TaskDraft;
  readonly onSave: (draft: TaskDraft) => Promise<unknown>;
  readonly onClose: () => void;
}

export function TaskDialog({ title, initial, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const assignees = useAssignees();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const errorText = useErrorText(errors);
  const error = (path: string) => ({ error: !!errorText(path), helperText: errorText(path) });
  const change = (next: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await onSave(draft);
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(toFieldErrors(e.issues));
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const people = assignees.includes(draft.assigneeId) ? assignees : [...assignees, draft.assigneeId];
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="task-dialog-title"
    >
      <Box component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)}>
        <DialogTitle id="task-dialog-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr', pt: '8px !important' }}>
          <TextField
            label={t('tasks.fields.title')}
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            autoFocus
            required
            sx={{ gridColumn: 'span 2' }}
            {...error('title')}
          />
          <TextField
            label={t('tasks.fields.dueDate')}
            type="date"
            value={draft.dueDate}
            onChange={(e) => change({ dueDate: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            {...error('dueDate')}
          />
          <TextField
            label={t('tasks.fields.dueTime')}
            type="time"
            value={draft.dueTime}
            onChange={(e) => change({ dueTime: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            {...error('dueTime')}
          />
          <TextField
            label={t('tasks.fields.remindAt')}
            type="datetime-local"
            value={draft.remindAt}
            onChange={(e) => change({ remindAt: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            {...error('remindAt')}
          />
          <TextField
            select
            label={t('tasks.fields.assignee')}
            value={draft.assigneeId}
            onChange={(e) => change({ assigneeId: e.target.value })}
          >
            {people.map((id) => (
              <MenuItem key={id} value={id}>
                {id === userId ? t('tasks.me') : id}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('tasks.fields.notes')}
            value={draft.notes}
            onChange={(e) => change({ notes: e.target.value })}
            multiline
            minRows={2}
            sx={{ gridColumn: 'span 2' }}
            {...error('notes')}
          />
          {failed && (
            <Alert severity="error" sx={{ gridColumn: 'span 2' }}>
              {t('tasks.saveFailed')}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
