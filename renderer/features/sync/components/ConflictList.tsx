// Fields where two devices disagreed while offline. Sync kept one value; the other is listed here to apply
// instead ("Use this value") or to let go ("Dismiss"). The caller says how a value is written back.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/vault';
import type { Conflict } from '../hooks/useConflicts';

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
  readonly session: Session;
  readonly conflicts: readonly Conflict[];
  /** What the notice says happened (the person's text, or the one for any other record). */
  readonly explanation: string;
  /** The field's name as the form shows it. */
  readonly label: (conflict: Conflict) => string;
  /** Writes the losing value into its record. */
  readonly apply: (conflict: Conflict) => Promise<void>;
  readonly onApplied: () => void;
}

export function ConflictList({ session, conflicts, explanation, label, apply, onApplied }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (conflicts.length === 0) return null;

  const dismiss = async (conflict: Conflict) => {
    await session.db.records.findOne(conflict.id).remove();
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const use = (conflict: Conflict) =>
    act(async () => {
      await apply(conflict);
      await dismiss(conflict);
      onApplied();
    });

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
                onClick={() => void use(conflict)}
              >
                {t('sync.conflicts.use')}
              </Button>
              <Button
                size="small"
                color="inherit"
                disabled={busy}
                onClick={() => void act(() => dismiss(conflict))}
              >
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
