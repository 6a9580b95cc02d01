// Turns a SyncStatus into one sentence for people: what is happening, what waits, and when it last worked.
import { useTranslation } from 'react-i18next';
import type { SyncErrorCode, SyncStatus } from '../../../../shared/sync';
import { useFormat } from '../../../kit/useFormat';
import { useFirstSyncText } from './useFirstSyncText';

const ERROR_KEYS = {
  unauthenticated: 'sync.error.unauthenticated',
  'token-expired': 'sync.error.token-expired',
  'device-revoked': 'sync.error.device-revoked',
  forbidden: 'sync.error.forbidden',
  'awaiting-org-key': 'sync.error.awaiting-org-key',
  'too-many-attempts': 'sync.error.too-many-attempts',
  internal: 'sync.error.internal',
  'bad-response': 'sync.error.bad-response',
  'certificate-mismatch': 'sync.error.certificate-mismatch',
  'request-timeout': 'sync.error.request-timeout',
  'too-many-streams': 'sync.error.too-many-streams',
  'quota-exceeded': 'sync.error.quota-exceeded',
  'storage-full': 'sync.error.storage-full',
} as const satisfies Partial<Record<SyncErrorCode, string>>;

type ErrorKey = (typeof ERROR_KEYS)[keyof typeof ERROR_KEYS] | 'sync.error.other';

export const useSyncStatusText = (status: SyncStatus | null): string => {
  const { t } = useTranslation();
  const format = useFormat();
  const firstSync = useFirstSyncText(status);
  if (!status) return t('sync.status.connecting');
  const parts: string[] = [];
  if (status.error && status.error !== 'offline') {
    parts.push(
      t((ERROR_KEYS as Partial<Record<SyncErrorCode, ErrorKey>>)[status.error] ?? 'sync.error.other'),
    );
  } else if (!status.online) {
    parts.push(t('sync.status.offline'));
  } else if (firstSync) {
    parts.push(firstSync);
  } else if (status.syncing) {
    parts.push(t('sync.status.syncing'));
  } else if (status.lastSyncedAt === null) {
    parts.push(t('sync.status.connecting'));
  } else {
    parts.push(t('sync.status.online'));
  }
  if (status.pending > 0) parts.push(t('sync.status.pending', { count: status.pending }));
  if (status.lastSyncedAt !== null) {
    const time = format.time(status.lastSyncedAt);
    parts.push(t('sync.status.lastSynced', { time }));
  }
  return parts.join(' · ');
};
