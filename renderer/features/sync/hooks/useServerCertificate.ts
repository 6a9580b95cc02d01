// The sync server's TLS certificate as an admin's device reads it (GET /server/certificate): shown in
// Devices and users, and carried by every invite so the newcomer's device pins it. In the desktop app
// this answer arrives over the connection main already holds to the pinned certificate.
import { useEffect, useState } from 'react';
import { ROUTES, serverClient, type AccountLink, type ServerCertificateInfo } from '../../../../shared/sync';
import { fetchFromWindow } from '../stores/server-address';

export type CertificateState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly info: ServerCertificateInfo }
  | { readonly status: 'error' };

/** The fingerprint an invite made now carries: null while loading, after an error, or without TLS. */
export const inviteFingerprintOf = (state: CertificateState): string | null =>
  state.status === 'ready' && state.info.tls ? state.info.fingerprint256 : null;

export const useServerCertificate = (link: Pick<AccountLink, 'serverUrl' | 'token'>): CertificateState => {
  const [state, setState] = useState<CertificateState>({ status: 'loading' });
  const { serverUrl, token } = link;
  useEffect(() => {
    let live = true;
    void serverClient(fetchFromWindow, { serverUrl, token })
      .call(ROUTES.serverCertificate)
      .then((reply) => {
        if (live) setState(reply.ok ? { status: 'ready', info: reply.value } : { status: 'error' });
      });
    return () => {
      live = false;
    };
  }, [serverUrl, token]);
  return state;
};
