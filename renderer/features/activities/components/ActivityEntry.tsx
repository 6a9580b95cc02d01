// One entry of the timeline: what, when, with whom, and its text; the person who logged it may edit or
// delete it.
import { useState } from 'react';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import DeleteOutlineRoundedIcon from '@mui/icons-material/DeleteOutlineRounded';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../shared/activities';
import { formatRoute } from '../../../kit/routing';
import { useWorkspace } from '../../../kit/workspace';
import { ActivityIcon } from './ActivityIcon';
import { useFormat } from '../../../kit/useFormat';
import { useMemberNames } from '../../../kit/useMemberNames';

interface Props {
  readonly activity: Activity;
  readonly mine: boolean;
  /** On an organisation's timeline: the person it is about, when not the organisation itself. */
  readonly person: { id: string; name: string } | null;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

const LONG = 400;

export function ActivityEntry({ activity, mine, person, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const nameOf = useMemberNames();
  const format = useFormat();
  const [expanded, setExpanded] = useState(false);
  const { directory } = useWorkspace();
  const a = activity.data;
  const participants = a.participantIds
    .map((id) => directory.person(id)?.displayName)
    .filter((name): name is string => !!name);
  const when = format.dateTime(a.occurredAt);
  const details = [
    t(`activities.types.${a.type}`),
    a.direction ? t(`activities.direction.${a.direction}`) : null,
    a.durationMinutes !== null ? t('activities.minutes', { count: a.durationMinutes }) : null,
    a.purchase ? format.currency(a.purchase.amount, a.purchase.currency) : null,
    a.email?.from ? t('activities.from', { sender: a.email.from.name || a.email.from.address }) : null,
    participants.length ? t('activities.with', { names: participants.join(', ') }) : null,
    mine
      ? t('activities.byYou')
      : t('activities.byUser', { user: a.createdBy ? nameOf.user(a.createdBy) : '' }),
  ].filter(Boolean);
  const title = a.title || a.purchase?.product || a.body.split('\n')[0] || t(`activities.types.${a.type}`);
  const long = a.body.length > LONG;

  return (
    <Box
      role="article"
      aria-label={`${t(`activities.types.${a.type}`)}: ${title}`}
      sx={{ display: 'flex', gap: 1.5, py: 1.5, px: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Avatar sx={{ width: 32, height: 32, bgcolor: 'action.hover', color: 'primary.main' }}>
        <ActivityIcon type={a.type} />
      </Avatar>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
            {title}
          </Typography>
          {person && (
            <Chip
              size="small"
              label={person.name}
              component="a"
              href={formatRoute({ name: 'person', id: person.id })}
              clickable
            />
          )}
          <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
            <time dateTime={new Date(a.occurredAt).toISOString()}>{when}</time>
          </Typography>
        </Box>
        <Typography variant="caption" color="text.secondary">
          {details.join(' · ')}
        </Typography>
        {a.body && a.body !== title && (
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {long && !expanded ? `${a.body.slice(0, LONG)}…` : a.body}
          </Typography>
        )}
        {long && (
          <Link component="button" variant="caption" onClick={() => setExpanded((e) => !e)}>
            {expanded ? t('activities.showLess') : t('activities.showMore')}
          </Link>
        )}
      </Box>
      {mine && (
        <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
          <IconButton size="small" aria-label={t('activities.edit', { title })} onClick={onEdit}>
            <EditOutlinedIcon fontSize="small" />
          </IconButton>
          <IconButton size="small" aria-label={t('activities.delete', { title })} onClick={onDelete}>
            <DeleteOutlineRoundedIcon fontSize="small" />
          </IconButton>
        </Box>
      )}
    </Box>
  );
}
