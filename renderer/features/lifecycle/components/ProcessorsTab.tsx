// The processors register: who receives personal data, under which agreement, where, and when the
// agreement is due for review. Admins and managers edit; everyone can read it.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { useTranslation } from 'react-i18next';
import { removeProcessor, reviewState, type ProcessorPayload } from '../../../../shared/processors';
import { ConfirmDeleteDialog } from '../../../kit/ConfirmDeleteDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useFormat } from '../../../kit/useFormat';
import { useOperation } from '../../../kit/useOperation';
import type { Registers } from '../hooks/useRegisters';
import { ProcessorDialog } from './ProcessorDialog';
import { ColumnTable } from '../../../ui/ColumnTable';
import { TabIntro } from '../../consent/components/TabIntro';

const today = () => new Date().toISOString().slice(0, 10);
const REVIEW_COLOUR = {
  ok: 'success',
  'due-soon': 'warning',
  overdue: 'error',
  'no-agreement': 'error',
} as const;

export function ProcessorsTab({ registers }: { registers: Registers }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useOperation(removeProcessor);
  const { role } = useCurrentUser();
  const canEdit = role === 'admin' || role === 'manager';
  const [editing, setEditing] = useState<{ id: string; data: ProcessorPayload } | null | 'new'>(null);
  const [deleting, setDeleting] = useState<{ id: string; data: ProcessorPayload } | null>(null);
  const live =
    editing && editing !== 'new' ? registers.processors.find((p) => p.id === editing.id) : undefined;
  const attention = registers.processors.filter((p) => reviewState(p.data, today()) !== 'ok');

  return (
    <Stack spacing={2}>
      <TabIntro
        text={t('lifecycle.processors.intro')}
        add={canEdit && { label: t('lifecycle.processors.add'), onClick: () => setEditing('new') }}
      />
      {attention.length > 0 && (
        <Alert severity="warning">{t('lifecycle.processors.attention', { count: attention.length })}</Alert>
      )}
      {registers.processors.length === 0 ? (
        <EmptyState
          icon={<HubOutlinedIcon />}
          title={t('lifecycle.processors.empty')}
          description={t('lifecycle.processors.emptyHint')}
        />
      ) : (
        <ColumnTable
          label={t('lifecycle.processors.title')}
          size="small"
          rows={registers.processors}
          rowKey={(p) => p.id}
          columns={[
            {
              header: t('lifecycle.processors.name'),
              cell: ({ data }) => (
                <>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {data.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {data.service}
                  </Typography>
                </>
              ),
            },
            { header: t('lifecycle.processors.role'), cell: ({ data }) => t(`lifecycle.roles.${data.role}`) },
            {
              header: t('lifecycle.processors.countries'),
              cell: ({ data }) => data.countries.join(', ') || '—',
            },
            {
              header: t('lifecycle.processors.agreement'),
              cell: ({ data: { agreement } }) =>
                agreement.signedOn
                  ? `${agreement.signedOn}${agreement.version ? ` · v${agreement.version}` : ''}`
                  : '—',
            },
            {
              header: t('lifecycle.processors.review'),
              cell: ({ data }) => {
                const state = reviewState(data, today());
                return (
                  <Chip
                    size="small"
                    color={REVIEW_COLOUR[state]}
                    label={t(`lifecycle.review.${state}`, {
                      date: data.agreement.reviewOn ? format.date(data.agreement.reviewOn) : '',
                    })}
                  />
                );
              },
            },
            canEdit && {
              header: '',
              align: 'right',
              sx: { whiteSpace: 'nowrap' },
              cell: (p) => (
                <>
                  <IconButton
                    aria-label={t('lifecycle.processors.editNamed', { name: p.data.name })}
                    onClick={() => setEditing(p)}
                  >
                    <EditOutlinedIcon />
                  </IconButton>
                  <IconButton
                    aria-label={t('lifecycle.processors.deleteNamed', { name: p.data.name })}
                    onClick={() => setDeleting(p)}
                  >
                    <DeleteOutlineIcon />
                  </IconButton>
                </>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <ProcessorDialog
          // The register as it is now, and afresh when it changes: a save that has just landed may not
          // have reached the row that was clicked, and the dialog must not save the older agreement back.
          key={live ? `${live.id}:${live.updatedAt}` : 'new'}
          open
          editing={editing === 'new' ? null : (live ?? editing)}
          registers={registers}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDeleteDialog
        open={!!deleting}
        title={t('lifecycle.processors.confirmDelete', { name: deleting?.data.name ?? '' })}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting) await remove.run(deleting.id);
        }}
      >
        {t('lifecycle.processors.confirmDeleteBody')}
      </ConfirmDeleteDialog>
    </Stack>
  );
}
