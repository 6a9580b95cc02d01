// The two exports a request can ask for — the access package (Art. 15) and the portable data (Art. 20) —
// built in shared/, saved through the platform (save dialog in Electron, a download in the browser),
// audited under the request and recorded as sent only once the file was actually saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditAccessExport, produceAccessPackage } from '../../../../shared/access';
import { collectPortableData, NotPortableError, portabilityZip } from '../../../../shared/portability';
import { recordSent, type SubjectRequest } from '../../../../shared/requests';
import { notify } from '../../../kit/notification-store';
import { usePlatform } from '../../../platform/platform-context';
import { useWorkspace } from '../../../kit/workspace';

export interface ExportProgress {
  readonly kind: 'access' | 'portability';
  readonly done: number;
  readonly total: number;
}

export const useRequestExports = (request: SubjectRequest) => {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const platform = usePlatform();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const subjectId = request.data.subjectId;
  const day = new Date().toISOString().slice(0, 10);

  const save = async (bytes: Uint8Array, suggestedName: string, title: string): Promise<string | null> => {
    const saved = await platform.saveFile({
      title,
      suggestedName,
      filters: [{ name: 'ZIP', extensions: ['zip'] }],
      bytes,
    });
    if (!saved.ok) throw new Error(saved.error);
    return saved.value;
  };

  const produceAccess = async () => {
    if (!subjectId || progress) return;
    setProgress({ kind: 'access', done: 0, total: 1 });
    try {
      const { bytes, data } = await produceAccessPackage(session, subjectId, {
        requestId: request.id,
        onProgress: ({ done, total }) => setProgress({ kind: 'access', done, total }),
      });
      const name = await save(bytes, `access-package-${day}-${request.id}.zip`, t('rights.actions.access'));
      if (!name) return;
      await auditAccessExport(session, data);
      await recordSent(session, request.id, {
        what: t('rights.sent.accessPackage', { name }),
        channel: request.data.channel,
      });
      notify(t('rights.actions.saved', { name }));
    } catch {
      notify(t('rights.actions.failed'), 'error');
    } finally {
      setProgress(null);
    }
  };

  const exportPortable = async () => {
    if (!subjectId || progress) return;
    setProgress({ kind: 'portability', done: 0, total: 1 });
    try {
      const data = await collectPortableData(session, subjectId);
      const name = await save(
        portabilityZip(data),
        `portable-data-${day}-${request.id}.zip`,
        t('rights.actions.portability'),
      );
      if (!name) return;
      await session.audit.record({
        action: 'export',
        kind: 'portable-data',
        recordIds: [subjectId],
        requestId: request.id,
        details: { format: 'json+csv+vcard' },
      });
      await recordSent(session, request.id, {
        what: t('rights.sent.portableData', { name }),
        channel: request.data.channel,
      });
      notify(t('rights.actions.saved', { name }));
    } catch (error) {
      notify(
        t(error instanceof NotPortableError ? 'rights.actions.notPortable' : 'rights.actions.failed'),
        'error',
      );
    } finally {
      setProgress(null);
    }
  };

  return { progress, produceAccess, exportPortable };
};
