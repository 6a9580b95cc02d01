// The processors register: who receives personal data, under which agreement, where, and when the
// agreement is due for review. Admins and managers edit; everyone can read it.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { useTranslation } from 'react-i18next';
import { removeProcessor, reviewState, type ProcessorPayload } from '../../../../shared/processors';
import { ConfirmDeleteDialog } from '../../../kit/ConfirmDeleteDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import type { Registers } from '../hooks/useRegisters';
import { ProcessorDialog } from './ProcessorDialog';
import { DataTable } from '../../../ui/DataTable';

const today = () => new Date().toISOString().slice(0, 10);
const REVIEW_COLOUR = {
  ok: 'success',
  'due-soon': 'warning',
  overdue: 'error',
  'no-agreement': 'error',
} as const;

export function ProcessorsTab({ registers }: { registers: Registers }) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const { role } = useCurrentUser();
  const canEdit = role === 'admin' || role === 'manager';
  const [editing, setEditing] = useState<{ id: string; data: ProcessorPayload } | null | 'new'>(null);
  const [deleting, setDeleting] = useState<{ id: string; data: ProcessorPayload } | null>(null);
  const attention = registers.processors.filter((p) => reviewState(p.data, today()) !== 'ok');

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {t('lifecycle.processors.intro')}
        </Typography>
        {canEdit && (
          <Button variant="contained" onClick={() => setEditing('new')}>
            {t('lifecycle.processors.add')}
          </Button>
        )}
      </Box>
      {attention.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('lifecycle.processors.attention', { count: attention.length })}
        </Alert>
      )}
      {registers.processors.length === 0 ? (
        <EmptyState
          icon={<HubOutlinedIcon />}
          title={t('lifecycle.processors.empty')}
          description={t('lifecycle.processors.emptyHint')}
        />
      ) : (
        <DataTable
          label={t('lifecycle.processors.title')}
          size="small"
          columns={[
            t('lifecycle.processors.name'),
            t('lifecycle.processors.role'),
            t('lifecycle.processors.countries'),
            t('lifecycle.processors.agreement'),
            t('lifecycle.processors.review'),
            canEdit && '',
          ]}
        >
          {registers.processors.map((p) => {
            const state = reviewState(p.data, today());
            return (
              <TableRow key={p.id}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {p.data.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {p.data.service}
                  </Typography>
                </TableCell>
                <TableCell>{t(`lifecycle.roles.${p.data.role}`)}</TableCell>
                <TableCell>{p.data.countries.join(', ') || '—'}</TableCell>
                <TableCell>
                  {p.data.agreement.signedOn
                    ? `${p.data.agreement.signedOn}${p.data.agreement.version ? ` · v${p.data.agreement.version}` : ''}`
                    : '—'}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={REVIEW_COLOUR[state]}
                    label={t(`lifecycle.review.${state}`, { date: p.data.agreement.reviewOn ?? '' })}
                  />
                </TableCell>
                {canEdit && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
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
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </DataTable>
      )}
      {editing && (
        <ProcessorDialog
          open
          editing={editing === 'new' ? null : editing}
          registers={registers}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDeleteDialog
        open={!!deleting}
        title={t('lifecycle.processors.confirmDelete', { name: deleting?.data.name ?? '' })}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting) await removeProcessor(session, actor, deleting.id);
        }}
      >
        {t('lifecycle.processors.confirmDeleteBody')}
      </ConfirmDeleteDialog>
    </Box>
  );
}
