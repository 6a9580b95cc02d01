// TLS for the server: a certificate the administrator gives (TLS_CERT, TLS_KEY), or one the server makes
// on first start and keeps in its data directory. Clients pin its SHA-256 fingerprint (printed at start,
// GET /server/certificate for admins), so a self-signed certificate is as good as a bought one here.
// Node has no API to make a certificate, so the few DER structures of an X.509 v3 certificate are
// written here (ECDSA P-256, SHA-256) and checked by node:crypto's X509Certificate in the tests.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// ---- DER, just what a certificate needs ----
const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
const tlv = (tag: number, content: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, content: Buffer) => tlv(0xa0 + n, content);
const integer = (bytes: Buffer) =>
  tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const bitString = (bytes: Buffer, unusedBits = 0) =>
  tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
const octetString = (bytes: Buffer) => tlv(0x04, bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const time = (date: Date): Buffer => {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
};

const ipBytes = (ip: string): Buffer | null => {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) return null;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  if (groups.some((g) => g.includes('.'))) return null; // IPv4-embedded forms: not needed here
  return Buffer.concat(groups.map((g) => Buffer.from(g.padStart(4, '0'), 'hex')));
};

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octetString(value));

export interface SelfSigned {
  cert: string;
  key: string;
}

/** A self-signed server certificate for these DNS names and IP addresses, valid `days` from `now`. */
export const makeSelfSignedCertificate = (
  names: readonly string[],
  now = new Date(),
  days = 3650,
): SelfSigned => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dns = [...new Set(names.filter((n) => !ipBytes(n)))];
  const ips = [
    ...new Set(
      names
        .map(ipBytes)
        .filter((b): b is Buffer => b !== null)
        .map((b) => b.toString('hex')),
    ),
  ];
  const altNames = seq(
    ...dns.map((n) => tlv(0x82, Buffer.from(n, 'ascii'))),
    ...ips.map((hex) => tlv(0x87, Buffer.from(hex, 'hex'))),
  );
  const name = seq(set(seq(oid('2.5.4.3'), utf8(`Kluis server ${dns[0] ?? ''}`.trim()))));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_SHA256,
    name,
    seq(
      time(new Date(now.getTime() - 24 * 60 * 60 * 1000)),
      time(new Date(now.getTime() + days * 86_400_000)),
    ),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
        extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)), // keyUsage: digitalSignature
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
        extension('2.5.29.17', false, altNames),
      ),
    ),
  );
  const certificate = seq(tbs, ECDSA_SHA256, bitString(sign('sha256', tbs, privateKey)));
  const base64 = certificate
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};

/** The names a generated certificate covers: localhost, this machine's name and addresses, and HOST. */
export const localNames = (host: string): string[] => {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.address.startsWith('fe80'))
    .map((a) => a!.address);
  const bound = host === '0.0.0.0' || host === '::' ? [] : [host];
  return ['localhost', os.hostname(), '127.0.0.1', '::1', ...addresses, ...bound];
};

export interface ServerCertificate {
  cert: string;
  key: string;
  source: 'configured' | 'generated';
  /** SHA-256 of the certificate's DER, as colon-separated upper-case hex (what clients pin). */
  fingerprint256: string;
  validTo: string;
}

const describe = (cert: string, key: string, source: ServerCertificate['source']): ServerCertificate => {
  const x509 = new X509Certificate(cert);
  if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error('TLS_KEY does not belong to TLS_CERT');
  return { cert, key, source, fingerprint256: x509.fingerprint256, validTo: x509.validTo };
};

/** Reads the administrator's certificate and key (PEM files). */
export const readCertificate = (certFile: string, keyFile: string): ServerCertificate =>
  describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'configured');

/**
 * The certificate kept in `<dataDir>/tls`, made on first start: the same one (and fingerprint) on every
 * later start, until an administrator deletes the files.
 */
export const loadOrMakeCertificate = (dataDir: string, names: readonly string[]): ServerCertificate => {
  const dir = path.join(dataDir, 'tls');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = makeSelfSignedCertificate(names);
    writeFileSync(keyFile, made.key, { mode: 0o600 });
    writeFileSync(certFile, made.cert, { mode: 0o644 });
  }
  return describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'generated');
};

/** An address only this machine can reach. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** What the server prints at start when it speaks plain HTTP (loopback, or ALLOW_PLAIN_HTTP=1). */
export const plainHttpNotice = (host: string): string =>
  isLoopback(host)
    ? `Plain HTTP on ${host}: reachable from this machine only.`
    : `Plain HTTP on ${host}, which other machines reach (ALLOW_PLAIN_HTTP=1): only behind a reverse proxy ` +
      'that speaks TLS, with KLUIS_TRUST_PROXY set to its address.';

export type Transport = { kind: 'plain' } | { kind: 'tls'; certificate: 'configured' | 'generated' };

/**
 * Plain HTTP only on loopback, or where ALLOW_PLAIN_HTTP says so (a TLS-terminating proxy on another
 * machine); otherwise TLS with the given certificate or a generated one.
 */
export const chooseTransport = (settings: {
  host: string;
  tlsCert: string | null;
  tlsKey: string | null;
  tlsSelfSigned: boolean;
  allowPlainHttp: boolean;
}): Transport => {
  if (settings.tlsCert && settings.tlsKey) return { kind: 'tls', certificate: 'configured' };
  if (settings.tlsSelfSigned) return { kind: 'tls', certificate: 'generated' };
  if (isLoopback(settings.host) || settings.allowPlainHttp) return { kind: 'plain' };
  return { kind: 'tls', certificate: 'generated' };
};
