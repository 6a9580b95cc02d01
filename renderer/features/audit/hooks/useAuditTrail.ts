// The audit trail as this device holds it (its own entries and those synced from others), and the chain
// verification — against the server's anchored heads when the vault is linked to a server.
import { useCallback, useState } from 'react';
import type { Anchor, ChainReport } from '../../../../shared/audit';
import { auditTrail } from '../../../../shared/accountability';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useWorkspace } from '../../../kit/workspace';

export type Verification =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly report: ChainReport; readonly anchored: boolean }
  | { readonly state: 'failed' };

const fetchAnchors = async (serverUrl: string, token: string): Promise<Anchor[] | null> => {
  try {
    const response = await globalThis.fetch(`${serverUrl.replace(/\/+$/, '')}/audit/anchors`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok: boolean; value?: Anchor[] };
    return body.ok && Array.isArray(body.value) ? body.value : null;
  } catch {
    return null;
  }
};

export const useAuditTrail = (limit = 300) => {
  const { workspace: session } = useWorkspace();
  const link = useSyncStore((s) => s.link);
  const trail = useLiveQuery(auditTrail, limit);
  const page = trail.status === 'ready' ? trail.value : null;
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });

  const verify = useCallback(async () => {
    setVerification({ state: 'running' });
    try {
      const anchors = link ? await fetchAnchors(link.serverUrl, link.token) : null;
      const report = await session.audit.verify(anchors ?? []);
      setVerification({ state: 'done', report, anchored: anchors !== null });
    } catch {
      setVerification({ state: 'failed' });
    }
  }, [session, link]);

  return { entries: page?.entries ?? null, total: page?.total ?? 0, verification, verify };
};
