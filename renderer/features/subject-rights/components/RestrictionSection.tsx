// On the Privacy tab: whether processing is restricted (Art. 18), since when and why, its history, and
// the buttons to record or lift a restriction.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { fieldLabel } from '../field-labels';
import type { SubjectRights } from '../hooks/useSubjectRights';
import { RestrictionDialog } from './RestrictionDialog';
import { PanelSection } from '../../../ui/PanelSection';

interface Props {
  readonly personId: string;
  readonly rights: SubjectRights;
}

export function RestrictionSection({ personId, rights }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState<'restrict' | 'lift' | null>(null);
  const { restriction, restrictions } = rights;
  return (
    <PanelSection
      id="privacy-restriction"
      title={t('subjectRights.restriction.title')}
      intro={t('subjectRights.restriction.intro')}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          color={restriction.restricted ? 'warning' : 'default'}
          label={
            restriction.restricted && restriction.entry
              ? t('subjectRights.restriction.since', { since: format.date(restriction.entry.data.at) })
              : t('subjectRights.restriction.none')
          }
          data-testid="restriction-state"
        />
        <Box sx={{ flex: 1 }} />
        {restriction.restricted ? (
          <Button size="small" onClick={() => setOpen('lift')}>
            {t('subjectRights.restriction.lift')}
          </Button>
        ) : (
          <Button size="small" color="warning" variant="outlined" onClick={() => setOpen('restrict')}>
            {t('subjectRights.restriction.record')}
          </Button>
        )}
      </Box>
      {restrictions.length > 0 && (
        <Stack
          component="ul"
          spacing={0.5}
          sx={{ m: 0, pl: 2.5 }}
          aria-label={t('subjectRights.restriction.ledger')}
        >
          {restrictions.map(({ id, data }) => (
            <Typography component="li" variant="body2" key={id}>
              {t(`subjectRights.restriction.entry.${data.type}`, {
                at: format.dateTime(data.at),
                reason: t(`subjectRights.restriction.reasons.${data.reason}`),
              })}
              {data.type === 'restricted' && (data.editableFields?.length ?? 0) > 0 && (
                <>
                  {' — '}
                  {t('subjectRights.restriction.editableList', {
                    fields: (data.editableFields ?? []).map((f) => fieldLabel(t, f)).join(', '),
                  })}
                </>
              )}
              {data.note && ` — ${data.note}`}
            </Typography>
          ))}
        </Stack>
      )}
      {open && (
        <RestrictionDialog
          personId={personId}
          mode={open}
          currentReason={restriction.entry?.data.reason}
          onClose={() => setOpen(null)}
        />
      )}
    </PanelSection>
  );
}
