// Adding or editing a task: title, notes, due date and time, reminder, and who does it.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { DateField } from '../../../ui/forms/DateField';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../kit/FormDialog';
import { SelectField } from '../../../ui/forms/SelectField';
import { useDraftForm } from '../../../ui/forms/useDraftForm';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useAssignees } from '../hooks/useAssignees';
import { useMemberNames } from '../../../kit/useMemberNames';
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
  const nameOf = useMemberNames();
  const { draft, change, errors, errorText: refusal } = useDraftForm(initial);
  const errorText = useErrorText(errors);
  const error = (path: string) => ({ error: !!errorText(path), helperText: errorText(path) });

  const people = assignees.includes(draft.assigneeId) ? assignees : [...assignees, draft.assigneeId];
  return (
    <FormDialog
      open
      id="task-dialog"
      title={title}
      onSubmit={() => onSave(draft)}
      errorText={refusal(t('tasks.saveFailed'))}
      onClose={onClose}
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
        <TextField
          label={t('tasks.fields.title')}
          value={draft.title}
          onChange={(e) => change({ title: e.target.value })}
          autoFocus
          required
          sx={{ gridColumn: 'span 2' }}
          {...error('title')}
        />
        <DateField
          label={t('tasks.fields.dueDate')}
          value={draft.dueDate}
          onChange={(dueDate) => change({ dueDate })}
          {...error('dueDate')}
        />
        <DateField
          label={t('tasks.fields.dueTime')}
          type="time"
          value={draft.dueTime}
          onChange={(dueTime) => change({ dueTime })}
          {...error('dueTime')}
        />
        <DateField
          label={t('tasks.fields.remindAt')}
          type="datetime-local"
          value={draft.remindAt}
          onChange={(remindAt) => change({ remindAt })}
          {...error('remindAt')}
        />
        <SelectField
          label={t('tasks.fields.assignee')}
          value={draft.assigneeId}
          onChange={(assigneeId) => change({ assigneeId })}
          options={people}
          labelOf={(id) => (id === userId ? t('tasks.me') : nameOf.user(id))}
        />
        <TextField
          label={t('tasks.fields.notes')}
          value={draft.notes}
          onChange={(e) => change({ notes: e.target.value })}
          multiline
          minRows={2}
          sx={{ gridColumn: 'span 2' }}
          {...error('notes')}
        />
      </Box>
    </FormDialog>
  );
}
