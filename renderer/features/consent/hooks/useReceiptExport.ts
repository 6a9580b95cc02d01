// Exports one consent event as a Kantara Consent Receipt v1.1 or an ISO/IEC TS 27560 record through the
// platform's save dialog; the consent core builds it and audits the export.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportConsentReceipt,
  type ConsentEventPayload,
  type ReceiptFormat,
} from '../../../../shared/consent';
import type { LedgerEntry } from '../../../../shared/purposes';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';

export const useReceiptExport = (
  personId: string,
): ((entry: LedgerEntry<ConsentEventPayload>, format: ReceiptFormat) => void) => {
  const { t, i18n } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const deliver = useDeliver();
  return useCallback(
    (entry, format) =>
      void exportConsentReceipt(workspace, actor, {
        personId,
        eventId: entry.id,
        format,
        language,
        deliver: (file) => deliver({ ...file, title: t(`consent.receipts.${format}`) }),
      })
        .then((name) => notify(t('consent.receipts.saved', { name })))
        .catch((error: unknown) => {
          if (!cancelled(error)) notify(t('consent.receipts.failed'), 'error');
        }),
    [workspace, actor, personId, language, deliver, t],
  );
};
