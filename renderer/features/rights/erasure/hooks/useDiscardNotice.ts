// How many stale changes to erased people sync discarded on this device (merge.ts counts them), kept
// current from the vault collection, and a way to mark the notice read.
import { useCallback, useEffect, useState } from 'react';
import { DISCARD_NOTICE_ID, clearDiscardNotice, discardNotice } from '../../../../../shared/sync';
import { useVaultStore } from '../../../vault/stores/vault-store';

export const useDiscardNotice = (): { count: number; dismiss: () => void } => {
  const session = useVaultStore((s) => s.session);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!session) return undefined;
    let current = true;
    const read = () =>
      void discardNotice(session).then(
        (notice) => current && setCount(notice.count),
        () => undefined,
      );
    read();
    const changes = session.db.vault.$.subscribe((event) => {
      if (event.documentId === DISCARD_NOTICE_ID) read();
    });
    return () => {
      current = false;
      changes.unsubscribe();
    };
  }, [session]);
  const dismiss = useCallback(() => {
    if (session) void clearDiscardNotice(session).then(() => setCount(0));
  }, [session]);
  return { count, dismiss };
};
