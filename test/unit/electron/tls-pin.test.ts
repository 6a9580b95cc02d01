// Certificate pinning in the desktop shell: for the pinned sync server's host Chromium is told to accept
// exactly the pinned certificate (self-signed included) and to refuse any other, even one a trusted root
// signed; every other host keeps Chromium's own verdict. Fingerprints come from real certificates.
import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../../server/tls';
import {
  createPinVerdicts,
  decideCertificate,
  originHostname,
  VERIFY,
  type CertificatePin,
} from '../../../electron/tls-pin';

/** A real certificate, with the fingerprint the server prints and the one Electron hands the proc. */
const certificate = () => {
  const x509 = new X509Certificate(makeSelfSignedCertificate(['kluis.office.example', '192.168.1.20']).cert);
  return {
    printed: x509.fingerprint256,
    electron: `sha256/${createHash('sha256').update(x509.raw).digest('base64')}`,
  };
};

const office = certificate();
const impostor = certificate();
const pin: CertificatePin = { hostname: 'kluis.office.example', fingerprint: office.printed };
const asked = (hostname: string, fingerprint: string) => ({ hostname, certificate: { fingerprint } });

describe('certificate pinning (desktop)', () => {
  it('accepts the office server’s self-signed certificate when it is the pinned one', () => {
    expect(decideCertificate(pin, asked('kluis.office.example', office.electron))).toBe(VERIFY.accept);
    expect(decideCertificate(pin, asked('KLUIS.office.example', office.electron))).toBe(VERIFY.accept);
  });

  it('refuses another certificate on the pinned address, however it is signed', () => {
    expect(decideCertificate(pin, asked('kluis.office.example', impostor.electron))).toBe(VERIFY.refuse);
    expect(decideCertificate(pin, asked('kluis.office.example', 'not a fingerprint'))).toBe(VERIFY.refuse);
    expect(decideCertificate(pin, asked('kluis.office.example', ''))).toBe(VERIFY.refuse);
  });

  it('leaves every other host to Chromium, and every host when nothing is pinned', () => {
    expect(decideCertificate(pin, asked('example.nl', impostor.electron))).toBe(VERIFY.chromium);
    expect(decideCertificate(pin, asked('kluis.office.example.evil.nl', office.electron))).toBe(
      VERIFY.chromium,
    );
    expect(decideCertificate(null, asked('kluis.office.example', impostor.electron))).toBe(VERIFY.chromium);
  });

  it('pins an IP address and an IPv6 address as the verify proc names them', () => {
    const byIp: CertificatePin = {
      hostname: originHostname('https://192.168.1.20:8443'),
      fingerprint: office.printed,
    };
    expect(decideCertificate(byIp, asked('192.168.1.20', office.electron))).toBe(VERIFY.accept);
    expect(decideCertificate(byIp, asked('192.168.1.20', impostor.electron))).toBe(VERIFY.refuse);
    const byV6: CertificatePin = {
      hostname: originHostname('https://[::1]:8443'),
      fingerprint: office.printed,
    };
    expect(decideCertificate(byV6, asked('[::1]', impostor.electron))).toBe(VERIFY.refuse);
    expect(decideCertificate(byV6, asked('::1', office.electron))).toBe(VERIFY.accept);
  });

  it('remembers a refusal on the pinned host until its certificate is accepted again or the pin changes', () => {
    const verdicts = createPinVerdicts();
    verdicts.record(decideCertificate(pin, asked('example.nl', impostor.electron)));
    expect(verdicts.refused()).toBe(false);
    verdicts.record(decideCertificate(pin, asked('kluis.office.example', impostor.electron)));
    expect(verdicts.refused()).toBe(true);
    verdicts.record(decideCertificate(pin, asked('example.nl', office.electron)));
    expect(verdicts.refused()).toBe(true);
    verdicts.record(decideCertificate(pin, asked('kluis.office.example', office.electron)));
    expect(verdicts.refused()).toBe(false);
    verdicts.record(VERIFY.refuse);
    verdicts.reset();
    expect(verdicts.refused()).toBe(false);
  });
});
