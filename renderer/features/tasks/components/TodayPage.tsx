// My day: the signed-in user's overdue, today's and upcoming tasks, ticked off, snoozed or opened here.
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import EventAvailableRoundedIcon from '@mui/icons-material/EventAvailableRounded';
import { useTranslation } from 'react-i18next';
import { selectMyDay } from '../../../../shared/tasks';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useNow } from '../hooks/useNow';
import { useTasks } from '../hooks/useTasks';
import { TaskList } from './TaskList';
import { useFormat } from '../../../kit/useFormat';

export function TodayPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { userId } = useCurrentUser();
  const now = useNow();
  const { tasks, loaded, problems } = useTasks();
  const day = useMemo(() => selectMyDay(tasks, userId, now), [tasks, userId, now]);
  const nothing =
    !day.overdue.length &&
    !day.today.length &&
    !day.upcoming.length &&
    !day.someday.length &&
    !day.doneToday.length;
  const date = format.date(now, 'full');

  return (
    <Box>
      <PageHeader title={t('nav.today')} subtitle={date} />
      <ProblemsBanner count={problems.length} />
      {loaded && nothing ? (
        <EmptyState
          icon={<EventAvailableRoundedIcon />}
          title={t('tasks.today.emptyTitle')}
          description={t('tasks.today.emptyDescription')}
        />
      ) : (
        <>
          <TaskList
            title={t('tasks.groups.overdue')}
            tasks={day.overdue}
            now={now}
            showSubject
            tone="error"
          />
          <TaskList title={t('tasks.groups.today')} tasks={day.today} now={now} showSubject tone="primary" />
          <TaskList title={t('tasks.groups.upcoming')} tasks={day.upcoming} now={now} showSubject />
          <TaskList title={t('tasks.groups.someday')} tasks={day.someday} now={now} showSubject />
          <TaskList title={t('tasks.groups.doneToday')} tasks={day.doneToday} now={now} showSubject />
        </>
      )}
    </Box>
  );
}
