// The audit trail as this device holds it (its own entries and those synced from others), and the chain
// verification — against the server's anchored heads when the vault is linked to a server.
import { useCallback, useState } from 'react';
import { auditTrail, verifyAuditTrail, type AuditStatus } from '../../../../shared/accountability';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useWorkspace } from '../../../kit/workspace';

export type Verification =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | ({ readonly state: 'done' } & AuditStatus)
  | { readonly state: 'failed' };

export const useAuditTrail = (limit = 300) => {
  const { workspace: session } = useWorkspace();
  const link = useSyncStore((s) => s.link);
  const trail = useLiveQuery(auditTrail, limit);
  const page = trail.status === 'ready' ? trail.value : null;
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });

  const verify = useCallback(async () => {
    setVerification({ state: 'running' });
    try {
      setVerification({ state: 'done', ...(await verifyAuditTrail(session, fetchFromWindow, link)) });
    } catch {
      setVerification({ state: 'failed' });
    }
  }, [session, link]);

  return { entries: page?.entries ?? null, total: page?.total ?? 0, verification, verify };
};
