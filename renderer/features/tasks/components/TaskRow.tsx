// One task in a list: tick it off, see when it is due (red when overdue), open its subject, snooze,
// edit or delete.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import AlarmRoundedIcon from '@mui/icons-material/AlarmRounded';
import MoreVertRoundedIcon from '@mui/icons-material/MoreVertRounded';
import NotificationsActiveOutlinedIcon from '@mui/icons-material/NotificationsActiveOutlined';
import { useTranslation } from 'react-i18next';
import { dueMoment } from '../../../../shared/tasks';
import { formatRoute } from '../../../kit/routing';
import { useWorkspace } from '../../../kit/workspace';
import { useTaskActions } from '../hooks/useTaskActions';
import type { Task } from '../../../../shared/tasks';
import { useFormat } from '../../../kit/useFormat';

interface Props {
  readonly task: Task;
  readonly now: Date;
  /** Show which person or organisation it is about (My day). */
  readonly showSubject: boolean;
  readonly onEdit: () => void;
}

export function TaskRow({ task, now, showSubject, onEdit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { directory } = useWorkspace();
  const actions = useTaskActions();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const d = task.data;
  const done = d.status === 'done';
  const due = dueMoment(d);
  const overdue = !done && due !== null && due < now.getTime();
  const dueText = d.dueDate ? format.date(d.dueDate) + (d.dueTime ? ` ${d.dueTime}` : '') : t('tasks.noDate');
  const person = directory.person(task.subjectId);
  const organisation = directory.organisation(task.subjectId);
  const subject = person
    ? { name: person.displayName, href: formatRoute({ name: 'person', id: person.id }) }
    : organisation
      ? { name: organisation.name, href: formatRoute({ name: 'organisation', id: organisation.id }) }
      : null;
  const close = () => setMenu(null);

  return (
    <Box
      role="listitem"
      aria-label={d.title}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Checkbox
        checked={done}
        onChange={() => void actions.toggleDone(task)}
        slotProps={{
          input: { 'aria-label': t(done ? 'tasks.reopen' : 'tasks.markDone', { title: d.title }) },
        }}
      />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography
          sx={{
            textDecoration: done ? 'line-through' : 'none',
            color: done ? 'text.secondary' : 'text.primary',
          }}
        >
          {d.title}
        </Typography>
        <Typography variant="caption" color={overdue ? 'error' : 'text.secondary'} component="div">
          {dueText}
          {d.remindAt !== null && !done && (
            <NotificationsActiveOutlinedIcon
              sx={{ fontSize: 14, ml: 0.5, verticalAlign: 'text-bottom' }}
              titleAccess={t('tasks.hasReminder')}
            />
          )}
          {showSubject && subject && (
            <>
              {' · '}
              <Link href={subject.href}>{subject.name}</Link>
            </>
          )}
        </Typography>
      </Box>
      {!done && (
        <IconButton
          size="small"
          aria-label={t('tasks.snoozeTomorrow', { title: d.title })}
          title={t('tasks.snoozeTomorrow', { title: d.title })}
          onClick={() => void actions.snooze(task, 1)}
        >
          <AlarmRoundedIcon fontSize="small" />
        </IconButton>
      )}
      <IconButton
        size="small"
        aria-label={t('tasks.actions', { title: d.title })}
        onClick={(e) => setMenu(e.currentTarget)}
      >
        <MoreVertRoundedIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={menu} open={!!menu} onClose={close}>
        <MenuItem
          onClick={() => {
            close();
            onEdit();
          }}
        >
          {t('tasks.edit')}
        </MenuItem>
        {!done && (
          <MenuItem
            onClick={() => {
              close();
              void actions.snooze(task, 7);
            }}
          >
            {t('tasks.snoozeWeek')}
          </MenuItem>
        )}
        <MenuItem
          onClick={() => {
            close();
            void actions.remove(task);
          }}
        >
          {t('tasks.delete')}
        </MenuItem>
      </Menu>
    </Box>
  );
}
