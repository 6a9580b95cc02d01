// A titled group of tasks with an edit dialog for any of them.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useTaskActions } from '../hooks/useTaskActions';
import type { Task } from '../../../../shared/tasks';
import { draftToTaskInput, taskToDraft } from '../task-draft';
import { TaskDialog } from './TaskDialog';
import { TaskRow } from './TaskRow';

interface Props {
  readonly title: string;
  readonly tasks: readonly Task[];
  readonly now: Date;
  readonly showSubject: boolean;
  readonly tone?: 'error' | 'primary';
}

export function TaskList({ title, tasks, now, showSubject, tone }: Props) {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const actions = useTaskActions();
  const [editing, setEditing] = useState<Task | null>(null);
  if (!tasks.length) return null;
  const id = `tasks-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 3 }}>
      <Typography id={id} variant="h3" component="h2" color={tone ?? 'text.primary'} sx={{ mb: 0.5 }}>
        {title}{' '}
        <Typography component="span" color="text.secondary">
          ({tasks.length})
        </Typography>
      </Typography>
      <Box role="list" aria-labelledby={id}>
        {tasks.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            now={now}
            showSubject={showSubject}
            onEdit={() => setEditing(task)}
          />
        ))}
      </Box>
      {editing && (
        <TaskDialog
          title={t('tasks.editTitle')}
          initial={taskToDraft(editing.data)}
          onSave={(draft) =>
            actions.update(
              editing.id,
              draftToTaskInput(draft, { ...editing.data, createdBy: editing.data.createdBy || userId }),
            )
          }
          onClose={() => setEditing(null)}
        />
      )}
    </Box>
  );
}
