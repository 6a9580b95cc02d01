// What a user does with a task: create, edit, tick off (and undo), snooze, delete — each a core
// operation. Ticking, snoozing and deleting say so in the notice bar; a failure changes nothing.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createTask,
  deleteTask,
  saveTask,
  snoozeTaskBy,
  toggleTaskDone,
  type Task,
  type TaskInput,
} from '../../../../shared/tasks';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';

export const useTaskActions = () => {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  return useMemo(() => {
    const attempt = async (run: () => Promise<unknown>, done: string) => {
      try {
        await run();
        notify(done);
      } catch {
        notify(t('tasks.failed'), 'error');
      }
    };
    return {
      create: (subjectId: string, input: TaskInput) => createTask(workspace, actor, { subjectId, input }),
      update: (id: string, input: TaskInput) => saveTask(workspace, actor, { id, input }),
      toggleDone: (task: Task) =>
        attempt(
          () => toggleTaskDone(workspace, actor, task.id),
          task.data.status === 'done' ? t('tasks.reopened') : t('tasks.done', { title: task.data.title }),
        ),
      snooze: (task: Task, days: number) =>
        attempt(() => snoozeTaskBy(workspace, actor, { id: task.id, days }), t('tasks.snoozed')),
      remove: (task: Task) => attempt(() => deleteTask(workspace, actor, task.id), t('tasks.deleted')),
    };
  }, [workspace, actor, t]);
};
