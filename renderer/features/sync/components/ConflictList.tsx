// Fields where two devices disagreed while offline. Sync kept one value; the other is listed here to apply
// instead ("Use this value") or to let go ("Dismiss"); either is the core's resolveConflict, audited.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from '../../../../shared/sync';
import { useOperation } from '../../../kit/useOperation';
import { useConflicts, type Conflict } from '../hooks/useConflicts';
import { fieldKey } from './conflict-records';

const show = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) =>
        item && typeof item === 'object' && 'value' in item ? String(item.value) : show(item),
      )
      .join(', ');
  }
  if (value && typeof value === 'object') {
    return Object.values(value)
      .filter((v) => typeof v === 'string' && v)
      .join(', ');
  }
  return value === undefined || value === null ? '' : JSON.stringify(value);
};

interface Props {
  /** The subject whose conflict records are listed. */
  readonly subjectId: string;
  /** Which of them this page shows. */
  readonly shows: (conflict: Conflict) => boolean;
  /** What the notice says happened (the person's text, or the one for any other record). */
  readonly explanation: string;
  readonly onApplied: () => void;
}

export function ConflictList({ subjectId, shows, explanation, onApplied }: Props) {
  const { t } = useTranslation();
  const conflicts = useConflicts(subjectId).filter(shows);
  const label = (conflict: Conflict) => {
    const key = fieldKey(conflict);
    return key ? t(key) : conflict.field;
  };
  const resolve = useOperation(resolveConflict);
  const [failed, setFailed] = useState(false);
  if (conflicts.length === 0) return null;
  const busy = resolve.busy;

  const act = async (conflict: Conflict, useOther: boolean) => {
    setFailed(false);
    try {
      await resolve.run({ conflictId: conflict.id, useOther });
      if (useOther) onApplied();
    } catch {
      setFailed(true);
    }
  };

  return (
    <Alert severity="warning" role="region" aria-label={t('sync.conflicts.title')} sx={{ mb: 2 }}>
      <AlertTitle>{t('sync.conflicts.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {explanation}
      </Typography>
      <Stack spacing={1}>
        {conflicts.map((conflict) => {
          const field = label(conflict);
          const value = show(conflict.losingValue);
          return (
            <Box
              key={conflict.id}
              role="group"
              aria-label={field}
              sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
            >
              <Typography variant="body2" sx={{ flex: 1, minWidth: 200 }}>
                {t('sync.conflicts.other', {
                  field,
                  value: value || t('sync.conflicts.empty'),
                  interpolation: { escapeValue: false },
                })}
              </Typography>
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                disabled={busy}
                onClick={() => void act(conflict, true)}
              >
                {t('sync.conflicts.use')}
              </Button>
              <Button size="small" color="inherit" disabled={busy} onClick={() => void act(conflict, false)}>
                {t('sync.conflicts.dismiss')}
              </Button>
            </Box>
          );
        })}
      </Stack>
      {failed && (
        <Typography variant="body2" role="alert" sx={{ mt: 1 }}>
          {t('sync.conflicts.failed')}
        </Typography>
      )}
    </Alert>
  );
}
