// This device's first sync in words, while it runs: "First sync: 4,000 of 10,010 records · about 12
// seconds left". Null once it has finished (and on a device that synced before).
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/sync';

/** Under a minute and a half in seconds, above in minutes (rounded up: never "0 seconds left"). */
const timeLeft = (remainingMs: number) => {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return seconds < 90
    ? { key: 'sync.status.secondsLeft' as const, count: seconds }
    : { key: 'sync.status.minutesLeft' as const, count: Math.ceil(seconds / 60) };
};

export const useFirstSyncText = (status: SyncStatus | null): string | null => {
  const { t, i18n } = useTranslation();
  const progress = status?.firstSync;
  if (!progress) return null;
  const format = new Intl.NumberFormat(i18n.language);
  const received = format.format(progress.received);
  const parts = [
    progress.total === null
      ? t('sync.status.firstSyncCounting', { received })
      : t('sync.status.firstSync', { received, total: format.format(progress.total) }),
  ];
  if (progress.remainingMs !== null) {
    const left = timeLeft(progress.remainingMs);
    parts.push(t(left.key, { count: left.count }));
  }
  return parts.join(' · ');
};
