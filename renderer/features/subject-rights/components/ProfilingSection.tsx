// On the Privacy tab: the person's choice about automated decisions and profiling (Art. 22, 21(2)), its
// ledger, and recording an opt-out or a later opt-in with how the person told us.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { profilingStatus, recordProfilingChoice } from '../../../../shared/objection';
import { notify } from '../../../kit/notification-store';
import { MethodConfirmDialog } from '../../consent/components/MethodConfirmDialog';
import { useActor } from '../../consent/hooks/useActor';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { useWorkspace } from '../../../kit/workspace';
import type { SubjectRights } from '../hooks/useSubjectRights';
import { PanelSection } from '../../../ui/PanelSection';

interface Props {
  readonly personId: string;
  readonly rights: SubjectRights;
}

export function ProfilingSection({ personId, rights }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const status = profilingStatus(rights.profiling, rights.loadedAt);
  const next = status.allowed ? 'opted_out' : 'opted_in';
  return (
    <PanelSection
      id="privacy-profiling"
      title={t('subjectRights.profiling.title')}
      intro={t('subjectRights.profiling.intro')}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          color={status.allowed ? 'default' : 'warning'}
          data-testid="profiling-state"
          label={
            status.allowed
              ? t('subjectRights.profiling.allowed')
              : t('subjectRights.profiling.optedOut', { since: format.date(status.entry!.data.at) })
          }
        />
        <Box sx={{ flex: 1 }} />
        <Button size="small" color={status.allowed ? 'warning' : 'primary'} onClick={() => setOpen(true)}>
          {t(`subjectRights.profiling.record.${next}`)}
        </Button>
      </Box>
      {rights.profiling.length > 0 && (
        <Stack
          component="ul"
          spacing={0.5}
          sx={{ m: 0, pl: 2.5 }}
          aria-label={t('subjectRights.profiling.ledger')}
        >
          {[...rights.profiling].reverse().map(({ id, data }) => (
            <Typography component="li" variant="body2" key={id}>
              {t(`subjectRights.profiling.entry.${data.type}`, {
                at: format.dateTime(data.at),
                method: t(`consent.methods.${data.method}`),
              })}
              {data.note && ` — ${data.note}`}
            </Typography>
          ))}
        </Stack>
      )}
      {open && (
        <MethodConfirmDialog
          title={t(`subjectRights.profiling.record.${next}`)}
          confirmLabel={t(`subjectRights.profiling.record.${next}`)}
          color={next === 'opted_out' ? 'warning' : 'primary'}
          noteLabel={t('subjectRights.profiling.note')}
          onConfirm={async (method, note) => {
            await recordProfilingChoice(session, workspaceActor, {
              recordedBy: actor,
              personId,
              type: next,
              method,
              note,
            });
            notify(t(`subjectRights.profiling.recorded.${next}`));
          }}
          onClose={() => setOpen(false)}
        >
          {t(`subjectRights.profiling.body.${next}`)}
        </MethodConfirmDialog>
      )}
    </PanelSection>
  );
}
