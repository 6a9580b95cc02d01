// Exports one consent event as a Kantara Consent Receipt v1.1 or an ISO/IEC TS 27560 record (built by the
// consent core) through the platform's save dialog; the export is written to the audit trail.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPersonLedgers } from '../../../../shared/consent';
import { toIso27560Record, toKantaraReceipt } from '../../../../shared/consent';
import {
  CONSENT_EVENT,
  ControllerPayload,
  type ConsentEventPayload,
  type LedgerEntry,
} from '../../../../shared/consent';
import { notify } from '../../../kit/notification-store';
import { usePlatform } from '../../../platform/platform-context';
import { useWorkspace } from '../../../kit/workspace';
import type { ReceiptFormat } from '../receipt-export';
import type { ConsentSettings } from './useConsentSettings';

export const useReceiptExport = (
  personId: string,
  settings: ConsentSettings,
): ((entry: LedgerEntry<ConsentEventPayload>, format: ReceiptFormat) => void) => {
  const { t, i18n } = useTranslation();
  const { workspace: session } = useWorkspace();
  const platform = usePlatform();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  return useCallback(
    (entry, format) =>
      void (async () => {
        try {
          const purpose = settings.purposes.find((p) => p.id === entry.data.purposeId);
          if (!purpose) throw new Error('purpose not in the register');
          const controller = settings.controller?.data ?? ControllerPayload.parse({ name: '-' });
          const notice = settings.notices.find((n) => n.id === entry.data.noticeId);
          const options = { language, ...(notice?.data.url ? { policyUrl: notice.data.url } : {}) } as const;
          const person = await session.people.get(personId);
          const receipt =
            format === 'kantara'
              ? toKantaraReceipt(entry, person, purpose, controller, options)
              : toIso27560Record(
                  entry,
                  (await loadPersonLedgers(session, personId)).consents.filter(
                    (e) => e.data.purposeId === purpose.id,
                  ),
                  person,
                  purpose,
                  controller,
                  options,
                );
          const saved = await platform.saveFile({
            title: t(`consent.receipts.${format}`),
            suggestedName: `consent-${format === 'kantara' ? 'receipt' : 'record-27560'}-${entry.id}.json`,
            filters: [{ name: 'JSON', extensions: ['json'] }],
            bytes: new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`),
          });
          if (!saved.ok) throw new Error(saved.error);
          if (!saved.value) return;
          await session.audit.record({
            action: 'export',
            kind: CONSENT_EVENT.kind,
            recordIds: [personId, entry.id],
            purposeId: purpose.id,
            details: { format },
          });
          notify(t('consent.receipts.saved', { name: saved.value }));
        } catch {
          notify(t('consent.receipts.failed'), 'error');
        }
      })(),
    [session, platform, personId, settings, language, t],
  );
};
