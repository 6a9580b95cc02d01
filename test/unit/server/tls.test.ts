import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config';
import {
  chooseTransport,
  isLoopback,
  loadOrMakeCertificate,
  makeSelfSignedCertificate,
  plainHttpNotice,
} from '../../../server/tls';

describe('the self-signed certificate', () => {
  it('is a valid X.509 v3 server certificate for the names and addresses given, signed by its own key', () => {
    const made = makeSelfSignedCertificate([
      'localhost',
      'kluis.office.lan',
      '127.0.0.1',
      '::1',
      '192.168.1.20',
    ]);
    const x509 = new X509Certificate(made.cert);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(made.key))).toBe(true);
    expect(x509.checkHost('kluis.office.lan')).toBe('kluis.office.lan');
    expect(x509.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkHost('evil.example')).toBeUndefined();
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000);
    expect(x509.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('is made once and kept in the data directory, the key readable by the server only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kluis-tls-'));
    try {
      const first = loadOrMakeCertificate(dir, ['localhost']);
      const again = loadOrMakeCertificate(dir, ['localhost']);
      expect(first.source).toBe('generated');
      expect(again.fingerprint256).toBe(first.fingerprint256);
      expect(statSync(path.join(dir, 'tls', 'key.pem')).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plain HTTP or TLS', () => {
  const choose = (env: NodeJS.ProcessEnv) => {
    const config = readConfig(env, '/srv');
    if (!config.ok) throw new Error(config.error);
    return chooseTransport(config.value);
  };

  it('serves plain HTTP on loopback only, unless ALLOW_PLAIN_HTTP=1', () => {
    expect(choose({})).toEqual({ kind: 'plain' });
    expect(choose({ HOST: 'localhost' })).toEqual({ kind: 'plain' });
    expect(choose({ HOST: '0.0.0.0' })).toEqual({ kind: 'tls', certificate: 'generated' });
    expect(choose({ HOST: '192.168.1.20' })).toEqual({ kind: 'tls', certificate: 'generated' });
    expect(choose({ HOST: '::' })).toEqual({ kind: 'tls', certificate: 'generated' });
    expect(choose({ HOST: '0.0.0.0', ALLOW_PLAIN_HTTP: '1' })).toEqual({ kind: 'plain' });
  });

  it('uses TLS_CERT and TLS_KEY when given, and a generated certificate on loopback with TLS_SELF_SIGNED=1', () => {
    expect(choose({ HOST: '0.0.0.0', TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' })).toEqual({
      kind: 'tls',
      certificate: 'configured',
    });
    expect(choose({ TLS_SELF_SIGNED: '1' })).toEqual({ kind: 'tls', certificate: 'generated' });
    expect(readConfig({ TLS_CERT: 'c.pem' }, '/').ok).toBe(false);
    expect(readConfig({ ALLOW_PLAIN_HTTP: 'yes' }, '/').ok).toBe(false);
  });

  it('tells the administrator at start whether plain HTTP is reachable from other machines', () => {
    expect(plainHttpNotice('127.0.0.1')).toBe('Plain HTTP on 127.0.0.1: reachable from this machine only.');
    // ALLOW_PLAIN_HTTP=1 on an address others reach: not "this machine only".
    for (const host of ['0.0.0.0', '192.168.1.20']) {
      expect(plainHttpNotice(host)).not.toContain('this machine only');
      expect(plainHttpNotice(host)).toContain('other machines reach');
      expect(plainHttpNotice(host)).toContain('reverse proxy that speaks TLS');
    }
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'kluis.lan'].some(isLoopback)).toBe(false);
  });
});
