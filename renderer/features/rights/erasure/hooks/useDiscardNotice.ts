// How many stale changes to erased people sync discarded on this device (merge.ts counts them), kept
// current by the core query sync.discardedCount, and a way to mark the notice read. Read through
// watchQuery, not useLiveQuery: the drawer that shows it may render without an unlocked vault.
import { useCallback, useEffect, useState } from 'react';
import { clearDiscardNotice, discardedCount } from '../../../../../shared/sync';
import { watchQuery } from '../../../../../shared/workspace';
import { useVaultStore } from '../../../vault/stores/vault-store';

export const useDiscardNotice = (): { count: number; dismiss: () => void } => {
  const session = useVaultStore((s) => s.session);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!session) return undefined;
    return watchQuery(session, discardedCount, null, (result) => {
      if (result.status === 'ready') setCount(result.value);
    });
  }, [session]);
  const dismiss = useCallback(() => {
    if (session) void clearDiscardNotice(session).then(() => setCount(0));
  }, [session]);
  return { count, dismiss };
};
