// The tasks about one person or organisation: open ones soonest first, done ones below; add a task here.
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddTaskRoundedIcon from '@mui/icons-material/AddTaskRounded';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/tasks';
import { notify } from '../../../kit/notification-store';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useNow } from '../hooks/useNow';
import { useTaskActions } from '../hooks/useTaskActions';
import type { Task } from '../../../../shared/tasks';
import { useTasks } from '../hooks/useTasks';
import { draftToTaskInput, newTaskDraft } from '../task-draft';
import { TaskDialog } from './TaskDialog';
import { TaskList } from './TaskList';

const bySoonest = (a: Task, b: Task) =>
  (a.data.dueDate ?? '9999').localeCompare(b.data.dueDate ?? '9999') ||
  (a.data.dueTime ?? '99').localeCompare(b.data.dueTime ?? '99');

export function SubjectTasks({ subjectId }: SubjectPanelProps) {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const now = useNow();
  const actions = useTaskActions();
  const { tasks, loaded } = useTasks();
  const [adding, setAdding] = useState(false);
  const { open, done } = useMemo(() => {
    const mine = tasks.filter((task) => task.subjectId === subjectId);
    return {
      open: mine.filter((task) => task.data.status === 'open').sort(bySoonest),
      done: mine
        .filter((task) => task.data.status === 'done')
        .sort((a, b) => (b.data.doneAt ?? 0) - (a.data.doneAt ?? 0)),
    };
  }, [tasks, subjectId]);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ flex: 1 }}>
          {loaded ? t('tasks.openCount', { count: open.length }) : t('common.loading')}
        </Typography>
        <Button
          variant="contained"
          size="small"
          startIcon={<AddTaskRoundedIcon />}
          onClick={() => setAdding(true)}
        >
          {t('tasks.add')}
        </Button>
      </Box>
      {loaded && !open.length && !done.length && (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {t('tasks.noneForSubject')}
        </Typography>
      )}
      <TaskList title={t('tasks.groups.open')} tasks={open} now={now} showSubject={false} />
      <TaskList title={t('tasks.groups.done')} tasks={done} now={now} showSubject={false} />
      {adding && (
        <TaskDialog
          title={t('tasks.addTitle')}
          initial={newTaskDraft(userId, localDate(new Date()))}
          onSave={(draft) =>
            actions
              .create(subjectId, draftToTaskInput(draft, { createdBy: userId }))
              .then(() => notify(t('tasks.added')))
          }
          onClose={() => setAdding(false)}
        />
      )}
    </Box>
  );
}
