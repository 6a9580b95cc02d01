// Saves an erasure certificate through the platform's save dialog (HTML in English or Dutch, or JSON);
// the erasure core audits the export once saved.
import { useCallback } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  exportErasureCertificate,
  type CertificateFormat,
  type ErasureCertificate,
} from '../../../../../shared/erasure';
import { notify } from '../../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../../kit/useDeliver';
import { useWorkspace } from '../../../../kit/workspace';
import { certificateHtml, certificateJson } from '../certificate-export';

export type { CertificateFormat };

export const useCertificateExport = (): ((
  certificate: ErasureCertificate,
  format: CertificateFormat,
) => Promise<void>) => {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const deliver = useDeliver(t('erasure.certificate.title'));
  return useCallback(
    async (certificate, format) => {
      try {
        const language = format === 'html-nl' ? 'nl' : 'en';
        const text =
          format === 'json'
            ? certificateJson(certificate)
            : certificateHtml(certificate, i18next.getFixedT(language), language);
        const name = await exportErasureCertificate(workspace, actor, { certificate, format, text, deliver });
        notify(t('erasure.certificate.saved', { name }));
      } catch (error) {
        if (!cancelled(error)) notify(t('erasure.certificate.exportFailed'), 'error');
      }
    },
    [workspace, actor, deliver, t],
  );
};
