// One filed erasure certificate: read from the compliance files, and its device list brought up to date
// from the sync server when it is opened and on request (the admin's "Check devices").
import { useCallback, useEffect, useState } from 'react';
import { ERASURE_CERTIFICATE_CONFIG, type ErasureCertificate } from '../../../../../shared/erasure';
import { useSyncStore } from '../../../sync/stores/sync-store';
import { useWorkspace } from '../../../../kit/workspace';

export type CertificateState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly certificate: ErasureCertificate };

export const useErasureCertificate = (
  certificateId: string,
): {
  state: CertificateState;
  /** Null when the vault is not linked to a server: there is nothing to check. */
  refresh: (() => Promise<boolean>) | null;
} => {
  const { workspace: session } = useWorkspace();
  const erasures = useSyncStore((s) => s.erasures);
  const [state, setState] = useState<CertificateState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    session
      .compliance(ERASURE_CERTIFICATE_CONFIG)
      .get(certificateId)
      .then(
        (c) => {
          if (!current) return;
          setState({ status: 'ready', certificate: c.data });
          // Opening the certificate asks the server once which devices confirmed since the last check.
          erasures?.refreshCertificate(c.data.subjectId).then(
            (fresh) => current && setState({ status: 'ready', certificate: fresh }),
            () => undefined,
          );
        },
        () => current && setState({ status: 'failed' }),
      );
    return () => {
      current = false;
    };
  }, [session, certificateId, erasures]);

  const subjectId = state.status === 'ready' ? state.certificate.subjectId : null;
  const refresh = useCallback(async (): Promise<boolean> => {
    if (!erasures || !subjectId) return false;
    try {
      // A queued erasure goes first, so the server can answer for it.
      await erasures.flushQueue().catch(() => undefined);
      setState({ status: 'ready', certificate: await erasures.refreshCertificate(subjectId) });
      return true;
    } catch {
      return false;
    }
  }, [erasures, subjectId]);

  return { state, refresh: erasures ? refresh : null };
};
