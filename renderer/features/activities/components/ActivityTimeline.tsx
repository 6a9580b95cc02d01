// The timeline of calls, meetings, emails, notes and purchases of a person or organisation (with its
// people's), newest first; filter by type and text, log by hand or by dropping .eml files. Virtualised:
// only the entries in view are in the DOM, so thousands scroll smoothly.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AttachEmailOutlinedIcon from '@mui/icons-material/AttachEmailOutlined';
import HistoryRoundedIcon from '@mui/icons-material/HistoryRounded';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { deleteActivity, logActivity, saveActivity, type Activity } from '../../../../shared/activities';
import { ACTIVITY_TYPES, activitySearchText, type ActivityType } from '../../../../shared/activities';
import { notify } from '../../../kit/notification-store';
import { ConfirmDeleteDialog } from '../../../kit/ConfirmDeleteDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { SearchField } from '../../../ui/SearchField';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { draftToActivityInput, type ActivityDraft } from '../activity-draft';
import { useEmailImport } from '../hooks/useEmailImport';
import { useTimeline, useTimelineSubjects } from '../hooks/useTimeline';
import { takeLogRequest, useLogRequestStore } from '../stores/log-request-store';
import { ActivityEntry } from './ActivityEntry';
import { ActivityIcon } from './ActivityIcon';
import { EditActivityDialog } from './EditActivityDialog';
import { LogActivityForm } from './LogActivityForm';

const QUICK: readonly ActivityType[] = ['call', 'meeting', 'note'];
const searchText = new WeakMap<Activity['data'], string>();
const textOf = (a: Activity) => {
  let text = searchText.get(a.data);
  if (text === undefined) searchText.set(a.data, (text = activitySearchText(a.data)));
  return text;
};

export function ActivityTimeline({ subjectId, subjectKind }: SubjectPanelProps) {
  const { t, i18n } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const { userId } = useCurrentUser();
  const subjectIds = useTimelineSubjects(subjectId, subjectKind);
  const timeline = useTimeline(subjectIds);
  const [type, setType] = useState<ActivityType | 'all'>('all');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [logging, setLogging] = useState<ActivityType | null>(takeLogRequest);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [deleting, setDeleting] = useState<Activity | null>(null);
  const [dragging, setDragging] = useState(false);
  const email = useEmailImport(subjectId);

  // "Log a call" from the palette or a shortcut opens the form here.
  useEffect(
    () =>
      useLogRequestStore.subscribe(() => {
        const type = takeLogRequest();
        if (type) setLogging(type);
      }),
    [],
  );

  const shown = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return timeline.activities.filter(
      (a) => (type === 'all' || a.data.type === type) && (!needle || textOf(a).includes(needle)),
    );
  }, [timeline.activities, type, deferredQuery]);

  const create = (draft: ActivityDraft) =>
    logActivity(session, actor, {
      subjectId,
      input: draftToActivityInput(draft, { createdBy: userId }),
    }).then(() => notify(t('activities.logged')));
  const save = (activity: Activity) => (draft: ActivityDraft) =>
    saveActivity(session, actor, {
      id: activity.id,
      input: draftToActivityInput(draft, activity.data),
    }).then(() => notify(t('activities.saved')));
  const remove = async () => {
    if (!deleting) return;
    await deleteActivity(session, actor, deleting.id);
    notify(t('activities.deleted'));
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) void email.onDrop(event.dataTransfer.files);
  };

  const format = new Intl.NumberFormat(i18n.language);
  const filtering = type !== 'all' || deferredQuery.trim() !== '';

  return (
    <Box
      onDragOver={onDragOver}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      sx={{
        position: 'relative',
        borderRadius: 2,
        outline: dragging ? 2 : 0,
        outlineStyle: 'dashed',
        outlineColor: 'primary.main',
        outlineOffset: 4,
      }}
    >
      {!logging && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
          {QUICK.map((value) => (
            <Button
              key={value}
              variant={value === 'call' ? 'contained' : 'outlined'}
              size="small"
              startIcon={<ActivityIcon type={value} />}
              onClick={() => setLogging(value)}
            >
              {t(`activities.log.${value as 'call' | 'meeting' | 'note'}`)}
            </Button>
          ))}
          <Button
            size="small"
            variant="outlined"
            startIcon={<AttachEmailOutlinedIcon />}
            onClick={() => void email.pick()}
          >
            {t('activities.eml.add')}
          </Button>
        </Box>
      )}
      {logging && (
        <LogActivityForm key={logging} type={logging} onSave={create} onClose={() => setLogging(null)} />
      )}
      <ProblemsBanner count={timeline.problems.length} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <SearchField
          label={t('activities.filter.label')}
          placeholder={t('activities.filter.placeholder')}
          value={query}
          onChange={setQuery}
        />
        <TextField
          select
          size="small"
          label={t('activities.fields.type')}
          value={type}
          onChange={(e) => setType(e.target.value as ActivityType | 'all')}
          fullWidth={false}
          sx={{ width: 200, flex: 'none' }}
        >
          <MenuItem value="all">{t('activities.filter.all')}</MenuItem>
          {ACTIVITY_TYPES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`activities.types.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {timeline.status === 'loading'
            ? t('common.loading')
            : filtering
              ? t('activities.countFiltered', {
                  count: shown.length,
                  shown: format.format(shown.length),
                  total: format.format(timeline.activities.length),
                })
              : t('activities.count', { count: shown.length, shown: format.format(shown.length) })}
        </Typography>
      </Box>
      {timeline.status === 'failed' ? (
        <Typography color="error" role="alert">
          {t('activities.loadFailed')}
        </Typography>
      ) : timeline.status === 'ready' && timeline.activities.length === 0 ? (
        <EmptyState
          icon={<HistoryRoundedIcon />}
          title={t('activities.empty.title')}
          description={t('activities.empty.description')}
        />
      ) : timeline.status === 'ready' && shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
          {t('activities.noMatch')}
        </Typography>
      ) : (
        <TimelineList
          entries={shown}
          userId={userId}
          personOf={(a) => {
            if (subjectKind !== 'organisation' || a.subjectId === subjectId) return null;
            const person = directory.person(a.subjectId);
            return person ? { id: person.id, name: person.displayName } : null;
          }}
          onEdit={setEditing}
          onDelete={setDeleting}
        />
      )}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
        {t('activities.eml.dropHint')}
      </Typography>
      {editing && (
        <EditActivityDialog activity={editing} onSave={save(editing)} onClose={() => setEditing(null)} />
      )}
      <ConfirmDeleteDialog
        open={!!deleting}
        title={t('activities.confirmDelete.title')}
        onConfirm={remove}
        errorText={() => t('activities.deleteFailed')}
        onClose={() => setDeleting(null)}
      >
        {t('activities.confirmDelete.body')}
      </ConfirmDeleteDialog>
    </Box>
  );
}

interface ListProps {
  readonly entries: readonly Activity[];
  readonly userId: string;
  readonly personOf: (a: Activity) => { id: string; name: string } | null;
  readonly onEdit: (a: Activity) => void;
  readonly onDelete: (a: Activity) => void;
}

function TimelineList({ entries, userId, personOf, onEdit, onDelete }: ListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions every render; this component is not compiler-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => entries[index]!.id,
  });
  return (
    <Box
      ref={scroller}
      role="feed"
      aria-label={t('activities.label')}
      aria-busy={false}
      sx={{ maxHeight: 640, overflow: 'auto' }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const activity = entries[item.index]!;
          return (
            <Box
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <ActivityEntry
                activity={activity}
                mine={activity.data.createdBy === userId}
                person={personOf(activity)}
                onEdit={() => onEdit(activity)}
                onDelete={() => onDelete(activity)}
              />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
