// Saves an erasure certificate through the platform's save dialog (HTML in English or Dutch, or JSON),
// and writes the export to the audit trail.
import { useCallback } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErasureCertificate } from '../../../../../shared/erasure';
import { notify } from '../../../../kit/notification-store';
import { usePlatform } from '../../../../platform/platform-context';
import { useWorkspace } from '../../../../kit/workspace';
import { certificateHtml, certificateJson } from '../certificate-export';

export type CertificateFormat = 'html-en' | 'html-nl' | 'json';

export const useCertificateExport = (): ((
  certificate: ErasureCertificate,
  format: CertificateFormat,
) => Promise<void>) => {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const platform = usePlatform();
  return useCallback(
    async (certificate, format) => {
      try {
        const html = format !== 'json';
        const language = format === 'html-nl' ? 'nl' : 'en';
        const text = html
          ? certificateHtml(certificate, i18next.getFixedT(language), language)
          : certificateJson(certificate);
        const saved = await platform.saveFile({
          title: t('erasure.certificate.title'),
          suggestedName: `erasure-certificate-${certificate.requestId}${html ? `-${language}.html` : '.json'}`,
          filters: [html ? { name: 'HTML', extensions: ['html'] } : { name: 'JSON', extensions: ['json'] }],
          bytes: new TextEncoder().encode(text),
        });
        if (!saved.ok) throw new Error(saved.error);
        if (!saved.value) return;
        await session.audit.record({
          action: 'export',
          kind: 'erasure-certificate',
          recordIds: [certificate.subjectId],
          requestId: certificate.requestId,
          details: { format },
        });
        notify(t('erasure.certificate.saved', { name: saved.value }));
      } catch {
        notify(t('erasure.certificate.exportFailed'), 'error');
      }
    },
    [session, platform, t],
  );
};
