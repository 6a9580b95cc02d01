// Reminders while the app is open: when a task's reminder time comes, the notice bar says so. Mounted
// once in the shell; it renders nothing.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { remindersDue } from '../../../../shared/tasks';
import { notify } from '../../../kit/notification-store';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useTasks } from '../hooks/useTasks';

const CHECK_EVERY_MS = 15_000;
/** A reminder that fell due just before the app opened is still worth showing. */
const GRACE_MS = 60_000;

export function TaskReminders() {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const checkedUpTo = useRef(0);
  const { tasks, loaded } = useTasks();
  const latest = useRef({ tasks, loaded });
  useEffect(() => {
    latest.current = { tasks, loaded };
  }, [tasks, loaded]);

  useEffect(() => {
    if (!checkedUpTo.current) checkedUpTo.current = Date.now() - GRACE_MS;
    const check = () => {
      // Until the tasks are loaded there is nothing to compare; the window stays open meanwhile.
      if (!latest.current.loaded) return;
      const now = Date.now();
      const due = remindersDue(latest.current.tasks, userId, checkedUpTo.current, now);
      checkedUpTo.current = now;
      if (due.length === 1) notify(t('tasks.reminder', { title: due[0]!.data.title }), 'info');
      else if (due.length > 1) notify(t('tasks.reminders', { count: due.length }), 'info');
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [t, userId]);

  return null;
}
