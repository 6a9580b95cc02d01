// The two exports a request can ask for — the access package (Art. 15) and the portable data (Art. 20) —
// built, saved through the platform (save dialog in Electron, a download in the browser) and audited by
// the core, then recorded as sent on the request only once the file was actually saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportAccessPackage } from '../../../../shared/access';
import { exportPortableData, NotPortableError } from '../../../../shared/portability';
import { recordSent, RequestRuleError, type SubjectRequest } from '../../../../shared/requests';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';

export interface ExportProgress {
  readonly kind: 'access' | 'portability';
  readonly done: number;
  readonly total: number;
}

export const useRequestExports = (request: SubjectRequest) => {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const deliverAccess = useDeliver(t('rights.actions.access'));
  const deliverPortable = useDeliver(t('rights.actions.portability'));
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const subjectId = request.data.subjectId;

  const run = async (
    kind: ExportProgress['kind'],
    exported: (subjectId: string) => Promise<string>,
    sentKey: 'rights.sent.accessPackage' | 'rights.sent.portableData',
  ) => {
    if (!subjectId || progress) return;
    setProgress({ kind, done: 0, total: 1 });
    try {
      const name = await exported(subjectId);
      await recordSent(workspace, actor, {
        id: request.id,
        what: t(sentKey, { name }),
        channel: request.data.channel,
      });
      notify(t('rights.actions.saved', { name }));
    } catch (error) {
      if (cancelled(error)) return;
      const key =
        error instanceof NotPortableError
          ? 'rights.actions.notPortable'
          : error instanceof RequestRuleError
            ? (`rights.errors.${error.code}` as const)
            : 'rights.actions.failed';
      notify(t(key), 'error');
    } finally {
      setProgress(null);
    }
  };

  const produceAccess = () =>
    run(
      'access',
      (id) =>
        exportAccessPackage(workspace, actor, {
          subjectId: id,
          requestId: request.id,
          onProgress: ({ done, total }) => setProgress({ kind: 'access', done, total }),
          deliver: deliverAccess,
        }),
      'rights.sent.accessPackage',
    );

  const exportPortable = () =>
    run(
      'portability',
      (id) =>
        exportPortableData(workspace, actor, {
          subjectId: id,
          requestId: request.id,
          deliver: deliverPortable,
        }),
      'rights.sent.portableData',
    );

  return { progress, produceAccess, exportPortable };
};
