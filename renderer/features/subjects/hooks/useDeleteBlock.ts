// Why Delete is not offered for this subject (shared/store/delete-rule.ts), checked when the page
// opens and again after each change to the subject's items: the client never pushes what the sync server
// refuses, and the user is told why instead.
import { useEffect, useState } from 'react';
import { deleteBlock, type DeleteBlock } from '../../../../shared/sync';
import { useCurrentUser } from '../../sync/hooks/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';

/** undefined while checking; null when Delete is allowed. */
export const useDeleteBlock = (subjectId: string, isNew: boolean): DeleteBlock | null | undefined => {
  const { workspace: session } = useWorkspace();
  const { role, linked } = useCurrentUser();
  const [block, setBlock] = useState<DeleteBlock | null | undefined>(undefined);
  useEffect(() => {
    if (isNew) return;
    let current = true;
    const check = () =>
      void deleteBlock(session.db, subjectId, { role, linked }).then(
        (found) => current && setBlock(found),
        () => current && setBlock(null),
      );
    check();
    const subscription = session.db.items.$.subscribe((event) => {
      if (event.documentData.subjectId === subjectId) check();
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session, subjectId, isNew, role, linked]);
  return block;
};
