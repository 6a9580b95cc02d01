// The invite as handed over carries the server certificate's fingerprint for the newcomer's device to pin;
// an invite from before (a bare code) still reads, without one; a fingerprint cut short is no invite.
// Fingerprints read the same in the server's, Electron's and the invite's forms.
import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../../../server/tls';
import { parseFingerprint, sameFingerprint } from '../../../../shared/platform';
import { formatInvite, readInvite } from '../../../../shared/sync';

const x509 = new X509Certificate(makeSelfSignedCertificate(['localhost']).cert);
const PRINTED = x509.fingerprint256;
const CODE = 'Qm9vbXMgYW5kIGRvb21zIGFuZCBsb29t';

describe('invite text', () => {
  it('carries the fingerprint in 43 characters after a dot, and reads back the code and the pin', () => {
    const text = formatInvite(CODE, PRINTED);
    expect(text).toMatch(/^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/);
    expect(readInvite(`  ${text}\n`)).toEqual({ code: CODE, fingerprint: PRINTED });
  });

  it('reads an old invite without a fingerprint, and makes one for a server without TLS', () => {
    expect(readInvite(CODE)).toEqual({ code: CODE, fingerprint: null });
    expect(formatInvite(CODE, null)).toBe(CODE);
  });

  it('is no invite with a fingerprint cut short, extra parts, or a code that is not one', () => {
    const text = formatInvite(CODE, PRINTED);
    expect(readInvite(text.slice(0, -3))).toBeNull();
    expect(readInvite(`${text}.more`)).toBeNull();
    expect(readInvite('not an invite code')).toBeNull();
    expect(readInvite('')).toBeNull();
  });

  it('reads a fingerprint the same in the server’s, Electron’s and the invite’s forms', () => {
    const electron = `sha256/${createHash('sha256').update(x509.raw).digest('base64')}`;
    const bare = PRINTED.replace(/:/g, '').toLowerCase();
    const invite = formatInvite(CODE, PRINTED).split('.')[1];
    for (const form of [electron, bare, invite, PRINTED.toLowerCase()]) {
      expect(parseFingerprint(form)).toBe(PRINTED);
    }
    expect(sameFingerprint(electron, PRINTED)).toBe(true);
    expect(sameFingerprint('sha256/AAAA', PRINTED)).toBe(false);
    expect(parseFingerprint('AB:CD')).toBeNull();
  });
});
