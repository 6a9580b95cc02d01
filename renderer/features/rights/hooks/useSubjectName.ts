// Who a request is from: the person in the directory, the unmatched requester's name, or — after an
// erasure — a neutral placeholder (the register keeps the request, not the name).
import { useTranslation } from 'react-i18next';
import type { SubjectRequestPayload } from '../../../../shared/requests';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

export const useSubjectName = (): ((request: SubjectRequestPayload) => string) => {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  useDirectoryVersion(directory);
  return (request) =>
    request.subjectId
      ? (directory.person(request.subjectId)?.displayName ?? t('rights.list.subjectGone'))
      : `${request.requester?.name ?? ''} (${t('rights.list.unmatched')})`;
};
