// What the admin's device shows about the server certificate joining devices pin: the fingerprint exactly
// as the server printed it (so the two can be compared), where it came from and until when; and, for a
// server without TLS, that invites carry no fingerprint.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServerCertificate } from '../../../../renderer/features/sync/components/ServerCertificate';
import { inviteFingerprintOf } from '../../../../renderer/features/sync/hooks/useServerCertificate';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');
const ready = {
  status: 'ready',
  info: { tls: true, fingerprint256: FINGERPRINT, source: 'generated', validTo: 'Nov 28 10:00:00 2036 GMT' },
} as const;
const plain = {
  status: 'ready',
  info: { tls: false, fingerprint256: null, source: null, validTo: null },
} as const;

describe('the server certificate in Devices and users', () => {
  it('shows the fingerprint as the server printed it, its origin and its end date', () => {
    render(<ServerCertificate certificate={ready} />);
    expect(screen.getByTestId('server-fingerprint').textContent).toBe(FINGERPRINT);
    expect(screen.getByText(/The server made this certificate itself\. Valid until .*2036/)).toBeTruthy();
    expect(inviteFingerprintOf(ready)).toBe(FINGERPRINT);
  });

  it('says a server without TLS gives invites no fingerprint, and invites then carry none', () => {
    render(<ServerCertificate certificate={plain} />);
    expect(screen.getByText(/does not use TLS, so invites carry no certificate fingerprint/)).toBeTruthy();
    expect(inviteFingerprintOf(plain)).toBeNull();
    expect(inviteFingerprintOf({ status: 'error' })).toBeNull();
    expect(inviteFingerprintOf({ status: 'loading' })).toBeNull();
  });
});
