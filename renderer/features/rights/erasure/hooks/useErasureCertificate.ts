// One filed erasure certificate, live: read from the compliance files and shown anew whenever it changes
// (another admin's device, a sync). While devices are still to confirm their purge, its device list is
// asked of the sync server when it is opened, every half minute after, and on request ("Check devices"),
// so the admin sees the other devices confirm as they do.
import { useCallback, useEffect } from 'react';
import { erasureCertificate, type ErasureCertificate } from '../../../../../shared/erasure';
import { useLiveQuery } from '../../../../kit/useLiveQuery';
import { useSyncStore } from '../../../sync/stores/sync-store';

export type CertificateState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly certificate: ErasureCertificate };

/** How often an open certificate with devices still to confirm asks the server again. */
export const CERTIFICATE_RECHECK_MS = 30_000;

const waiting = (c: ErasureCertificate): boolean =>
  c.ledger !== 'local-only' &&
  (c.ledger === 'queued' || c.checkedAt === null || c.devices.some((d) => d.confirmedAt === null));

export const useErasureCertificate = (
  certificateId: string,
): {
  state: CertificateState;
  /** Null when the vault is not linked to a server: there is nothing to check. */
  refresh: (() => Promise<boolean>) | null;
} => {
  const erasures = useSyncStore((s) => s.erasures);
  const result = useLiveQuery(erasureCertificate, certificateId);
  const certificate = result.status === 'ready' ? result.value : null;
  const subjectId = certificate?.subjectId ?? null;
  const pending = certificate ? waiting(certificate) : false;

  // The refreshed device list is written to the certificate, which the live query then shows.
  const refresh = useCallback(async (): Promise<boolean> => {
    if (!erasures || !subjectId) return false;
    try {
      // A queued erasure goes first, so the server can answer for it.
      await erasures.flushQueue().catch(() => undefined);
      await erasures.refreshCertificate(subjectId);
      return true;
    } catch {
      return false;
    }
  }, [erasures, subjectId]);

  useEffect(() => {
    if (!erasures || !subjectId) return;
    void refresh();
  }, [erasures, subjectId, refresh]);
  useEffect(() => {
    if (!pending || !erasures) return;
    const timer = setInterval(() => void refresh(), CERTIFICATE_RECHECK_MS);
    return () => clearInterval(timer);
  }, [pending, erasures, refresh]);

  const state: CertificateState =
    result.status === 'loading'
      ? { status: 'loading' }
      : result.status === 'failed' || !result.value
        ? { status: 'failed' }
        : { status: 'ready', certificate: result.value };
  return { state, refresh: erasures ? refresh : null };
};
