// Settings → Devices and users → Key rotation, for admins: when the last rotation of the page key
// finished, what waits for the next one (erasures, removals), and the rotation under way — pages
// re-wrapped on this device, pages the server still counts under the old key, devices that still hold it.
// Rotations start by themselves on this device after a removal or an erasure; "Rotate now" starts one.
import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AccountError } from '../../../../shared/sync';
import { useSyncStore } from '../stores/sync-store';
import { accountErrorKey } from './account-errors';
import { useFormat } from '../../../kit/useFormat';

export function KeyRotation() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const keys = useSyncStore((s) => s.keys);
  const keysError = useSyncStore((s) => s.keysError);
  const rotation = useSyncStore((s) => s.rotation);
  const checkKeys = useSyncStore((s) => s.checkKeys);
  const rotateNow = useSyncStore((s) => s.rotateNow);
  const [failure, setFailure] = useState<AccountError | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    void checkKeys();
  }, [checkKeys]);

  const date = (time: number) => format.dateTime(time, 'long');
  const underWay = keys?.current != null && keys.current.finishedAt === null;
  const due = keys?.due ?? [];
  const erasures = due.find((d) => d.reason === 'erasure')?.count ?? 0;
  const removals = due.find((d) => d.reason === 'removal')?.count ?? 0;

  const start = async () => {
    setStarting(true);
    setFailure(await rotateNow());
    setStarting(false);
  };

  return (
    <Stack spacing={1} aria-labelledby={headingId} component="section">
      <Typography variant="h3" id={headingId} sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {t('sync.admin.keys.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('sync.admin.keys.explain')}
      </Typography>
      {!keys && !keysError && <LinearProgress aria-label={t('sync.admin.keys.loading')} />}
      {keys && (
        <>
          <Typography variant="body2" data-testid="key-rotation-last">
            {keys.lastFinished?.finishedAt
              ? t('sync.admin.keys.lastFinished', { date: date(keys.lastFinished.finishedAt) })
              : t('sync.admin.keys.never')}
          </Typography>
          <Typography variant="body2" data-testid="key-rotation-due">
            {erasures || removals
              ? t('sync.admin.keys.due', {
                  erasures: t('sync.admin.keys.erasures', { count: erasures }),
                  removals: t('sync.admin.keys.removals', { count: removals }),
                })
              : t('sync.admin.keys.nothingDue')}
          </Typography>
          {underWay && (
            <Alert severity="info" data-testid="key-rotation-under-way">
              {t('sync.admin.keys.underWay', {
                date: date(keys.current!.createdAt),
                pages: keys.pendingPages + keys.localPending,
              })}
            </Alert>
          )}
          {!underWay && keys.devicesBehind.length > 0 && (
            <Typography variant="body2" color="text.secondary" data-testid="key-rotation-behind">
              {t('sync.admin.keys.devicesBehind', { count: keys.devicesBehind.length })}
            </Typography>
          )}
        </>
      )}
      {rotation && (
        <Stack spacing={0.5} role="status" aria-live="polite">
          <Typography variant="body2">
            {t(`sync.admin.keys.phase.${rotation.phase}`, { done: rotation.done, total: rotation.total })}
          </Typography>
          <LinearProgress
            variant={rotation.total ? 'determinate' : 'indeterminate'}
            value={rotation.total ? (100 * rotation.done) / rotation.total : 0}
            aria-label={t('sync.admin.keys.progress')}
          />
        </Stack>
      )}
      {(failure ?? keysError) && (
        <Alert severity="warning">{t(accountErrorKey(failure ?? keysError!))}</Alert>
      )}
      <div>
        <Button variant="outlined" onClick={() => void start()} disabled={starting || underWay || !!rotation}>
          {starting ? t('sync.admin.keys.rotating') : t('sync.admin.keys.rotateNow')}
        </Button>
      </div>
    </Stack>
  );
}
