// What a user does with a task: create, edit, tick off (and undo), snooze, delete. Each says so in the
// notice bar; a failure changes nothing.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, localDate, snoozeTask, TASK_ITEMS, type TaskInput } from '../../../../shared/tasks';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import type { Task } from '../stores/task-store';

export const useTaskActions = () => {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  return useMemo(() => {
    const repo = session.items(TASK_ITEMS);
    const attempt = async (run: () => Promise<unknown>, done: string) => {
      try {
        await run();
        notify(done);
      } catch {
        notify(t('tasks.failed'), 'error');
      }
    };
    return {
      create: (subjectId: string, input: TaskInput) => repo.create(subjectId, input),
      update: (id: string, input: TaskInput) => repo.update(id, () => input),
      toggleDone: (task: Task) =>
        attempt(
          () =>
            repo.update(task.id, (c) =>
              c.status === 'done'
                ? { ...c, status: 'open', doneAt: null }
                : { ...c, status: 'done', doneAt: Date.now() },
            ),
          task.data.status === 'done' ? t('tasks.reopened') : t('tasks.done', { title: task.data.title }),
        ),
      snooze: (task: Task, days: number) => {
        const from =
          task.data.dueDate && task.data.dueDate > localDate(new Date())
            ? task.data.dueDate
            : localDate(new Date());
        const to = addDays(from, days);
        return attempt(() => repo.update(task.id, (c) => snoozeTask(c, to)), t('tasks.snoozed'));
      },
      remove: (task: Task) => attempt(() => repo.remove(task.id), t('tasks.deleted')),
    };
  }, [session, t]);
};
