// Why Delete is not offered for this subject (shared/sync/delete-rule.ts), checked when the page opens
// and again after each change to the subject's items: the client never pushes what the sync server
// refuses, and the user is told why instead.
import { subjectDeleteBlock } from '../../../../shared/directory';
import type { DeleteBlock } from '../../../../shared/sync';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useCurrentUser } from '../../../kit/useCurrentUser';

/** undefined while checking; null when Delete is allowed. */
export const useDeleteBlock = (subjectId: string, isNew: boolean): DeleteBlock | null | undefined => {
  const { role, linked } = useCurrentUser();
  const result = useLiveQuery(subjectDeleteBlock, { subjectId: isNew ? '' : subjectId, role, linked });
  if (isNew) return undefined;
  return result.status === 'ready' ? result.value : result.status === 'failed' ? null : undefined;
};
