// A case's timeline, oldest first, reloaded when an entry about the case's subject changes (a colleague's
// reply arriving by sync included).
import { useEffect, useState } from 'react';
import { CASE_ENTRY_KIND } from '../../../../shared/cases';
import type { ItemDoc } from '../../../../shared/store';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { loadCaseEntries, type CaseEntry, type ServiceCase } from '../case-actions';

export const useCaseEntries = (serviceCase: ServiceCase | undefined): CaseEntry[] | null => {
  const { session } = useUnlockedVault();
  const [entries, setEntries] = useState<CaseEntry[] | null>(null);
  const id = serviceCase?.id;
  const subjectId = serviceCase?.subjectId;
  useEffect(() => {
    if (!id || !subjectId) return;
    let cancelled = false;
    const reload = () =>
      void loadCaseEntries(session, { id, subjectId } as ServiceCase).then((loaded) => {
        if (!cancelled) setEntries(loaded);
      });
    reload();
    const subscription = session.db.items.$.subscribe((event) => {
      const doc = (event.documentData ?? event.previousDocumentData) as ItemDoc | undefined;
      if (doc?.kind === CASE_ENTRY_KIND && doc.subjectId === subjectId) reload();
    });
    return () => {
      cancelled = true;
      subscription.unsubscribe();
    };
  }, [session, id, subjectId]);
  return id ? entries : null;
};
