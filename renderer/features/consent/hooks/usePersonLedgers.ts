// One person's consent ledgers (basis, consent, subscriptions, objections, restriction, notices received),
// reloaded whenever an entry about them is added here or arrives by sync.
import { useEffect, useState } from 'react';
import { loadPersonLedgers, type PersonLedgers } from '../../../../shared/consent';
import { useWorkspace } from '../../../kit/workspace';

export type LedgersState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly ledgers: PersonLedgers; readonly loadedAt: number };

export const usePersonLedgers = (personId: string): LedgersState => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<LedgersState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const reload = () =>
      loadPersonLedgers(session, personId).then(
        (ledgers) => current && setState({ status: 'ready', ledgers, loadedAt: Date.now() }),
        () => current && setState({ status: 'failed' }),
      );
    void reload();
    const subscription = session.db.items.$.subscribe((event) => {
      const subjectId = (event.documentData ?? event.previousDocumentData)?.subjectId;
      if (subjectId === personId) void reload();
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session, personId]);
  return state;
};
