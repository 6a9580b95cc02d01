// Every subject whose processing is restricted now, for the markers on lists, deal and case pages.
// Reloaded when a restriction entry is added here or arrives by sync.
import { useEffect, useState } from 'react';
import { restrictedSubjectIds, RESTRICTION } from '../../../../shared/restriction';
import { useWorkspace } from '../../../kit/workspace';

const EMPTY: ReadonlySet<string> = new Set();

export const useRestrictedIds = (): ReadonlySet<string> => {
  const { workspace: session } = useWorkspace();
  const [ids, setIds] = useState<ReadonlySet<string>>(EMPTY);
  useEffect(() => {
    let current = true;
    const reload = () =>
      restrictedSubjectIds(session).then(
        (found) => current && setIds(found),
        () => undefined, // a list keeps working without its markers
      );
    void reload();
    const subscription = session.db.items.$.subscribe((event) => {
      if ((event.documentData ?? event.previousDocumentData)?.kind === RESTRICTION.kind) void reload();
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session]);
  return ids;
};
