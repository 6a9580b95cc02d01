// Certificate pinning for the sync server: Chromium asks main about every server certificate
// (session.setCertificateVerifyProc), and this decides. For the pinned sync server's host only the pinned
// certificate is accepted — self-signed or not, and whatever a root a laptop trusts (a hotel's or a
// company's intercepting proxy) says about another. Every other host keeps Chromium's own verdict.
import { parseFingerprint, type CertificateFingerprint } from '../shared/platform';

/** What the verify proc's callback takes (Electron's session.setCertificateVerifyProc). */
export const VERIFY = {
  /** Accept the certificate. */
  accept: 0,
  /** Refuse it: the connection fails. */
  refuse: -2,
  /** Use Chromium's own verification. */
  chromium: -3,
} as const;
export type VerifyResult = (typeof VERIFY)[keyof typeof VERIFY];

/** The pinned sync server: its host (the verify proc is not told the port) and certificate. */
export interface CertificatePin {
  readonly hostname: string;
  readonly fingerprint: CertificateFingerprint;
}

/** The part of Electron's verify request this looks at. */
export interface VerifyRequest {
  readonly hostname: string;
  /** Electron writes it "sha256/<base64>". */
  readonly certificate: { readonly fingerprint: string };
}

/** `[::1]` and `::1` are the same host; host names compare without case. */
export const pinHostname = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** The host an origin names, as the verify proc will see it. */
export const originHostname = (origin: string): string => pinHostname(new URL(origin).hostname);

/** Remembers whether the pinned host's last certificate was refused, for the renderer to word it. */
export interface PinVerdicts {
  record(result: VerifyResult): void;
  refused(): boolean;
  /** A new pin: what the old one refused says nothing about it. */
  reset(): void;
}

export const createPinVerdicts = (): PinVerdicts => {
  let refused = false;
  return {
    record(result) {
      if (result === VERIFY.refuse) refused = true;
      else if (result === VERIFY.accept) refused = false;
    },
    refused: () => refused,
    reset() {
      refused = false;
    },
  };
};

export const decideCertificate = (pin: CertificatePin | null, request: VerifyRequest): VerifyResult => {
  if (!pin || pinHostname(request.hostname) !== pinHostname(pin.hostname)) return VERIFY.chromium;
  const presented = parseFingerprint(request.certificate.fingerprint);
  return presented !== null && presented === parseFingerprint(pin.fingerprint)
    ? VERIFY.accept
    : VERIFY.refuse;
};
