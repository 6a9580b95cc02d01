// On a person's page: fields where two devices disagreed while offline. Sync kept one value; the other is
// listed here to apply instead ("Use this value") or to let go ("Dismiss").
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PersonInput } from '../../../../shared/domain/person';
import type { Session } from '../../../../shared/vault/session';
import { useConflicts, type Conflict } from '../hooks/useConflicts';

const FIELD_KEYS = {
  givenName: 'fields.givenName',
  familyName: 'fields.familyName',
  jobTitle: 'fields.jobTitle',
  emails: 'fields.email',
  phones: 'fields.phone',
  address: 'fields.address',
  organisationId: 'fields.organisation',
  tags: 'fields.tags',
  notes: 'fields.notes',
} as const;

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
  readonly personId: string;
  /** Called after a losing value was applied, so the page can reload the person. */
  readonly onApplied: () => void;
}

export function ConflictNotice({ session, personId, onApplied }: Props) {
  const { t } = useTranslation();
  const conflicts = useConflicts(session, personId).filter((c) => c.recordId === personId);
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

  const apply = (conflict: Conflict) =>
    act(async () => {
      await session.people.update(
        conflict.recordId,
        (current) => ({ ...current, [conflict.field]: conflict.losingValue }) as PersonInput,
      );
      await dismiss(conflict);
      onApplied();
    });

  return (
    <Alert severity="warning" role="region" aria-label={t('sync.conflicts.title')} sx={{ mb: 2 }}>
      <AlertTitle>{t('sync.conflicts.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('sync.conflicts.explanation')}
      </Typography>
      <Stack spacing={1}>
        {conflicts.map((conflict) => {
          const key = (FIELD_KEYS as Partial<Record<string, (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS]>>)[
            conflict.field
          ];
          const field = key ? t(key) : conflict.field;
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
                onClick={() => void apply(conflict)}
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
