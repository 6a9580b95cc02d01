// Reads the certificate a sync server presents, before the user is asked to trust it: a TLS handshake
// that sends no request, whose peer certificate's SHA-256 is what the dialog shows and main pins.
import { connect } from 'node:tls';
import { isIP } from 'node:net';
import { parseFingerprint, type CertificateFingerprint } from '../shared/platform';

export type ReadCertificate = (origin: string) => Promise<CertificateFingerprint | null>;

const TIMEOUT_MS = 10_000;

/** The fingerprint the https origin presents; null when it cannot be reached or speaks no TLS. */
export const readServerCertificate: ReadCertificate = (origin) =>
  new Promise((resolve) => {
    const url = new URL(origin);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host,
      port: Number(url.port || 443),
      // SNI only for a name, as a browser sends it.
      ...(isIP(host) ? {} : { servername: host }),
      // Nothing is trusted here: the user (or the invite) decides on the fingerprint read below.
      rejectUnauthorized: false,
      timeout: TIMEOUT_MS,
    });
    const done = (fingerprint: CertificateFingerprint | null) => {
      socket.destroy();
      resolve(fingerprint);
    };
    socket.once('secureConnect', () =>
      done(parseFingerprint(socket.getPeerX509Certificate()?.fingerprint256)),
    );
    socket.once('timeout', () => done(null));
    socket.once('error', () => done(null));
  });
