// The server over TLS, on both adapters: it serves its certificate, a client pinning the SHA-256
// fingerprint that GET /server/certificate gives admins connects, one expecting another certificate can
// tell, and plain HTTP gets nothing from the TLS port. Loopback only.
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate, type ServerCertificate } from '../../../server/tls';
import { X509Certificate } from 'node:crypto';
import { ADAPTER_NAMES } from './adapters';
import type { SignInResponse } from '../../../shared/sync';
import { addMember, call, createOrganisation, deviceKey, organisationBody, value } from './harness';
import { useServers } from './server-fixture';

const servers = useServers();

const certificate = (): ServerCertificate => {
  const made = makeSelfSignedCertificate(['localhost', '127.0.0.1']);
  const x509 = new X509Certificate(made.cert);
  return { ...made, source: 'generated', fingerprint256: x509.fingerprint256, validTo: x509.validTo };
};

/** The SHA-256 fingerprint of the certificate the server at this port presents. */
const presented = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()!.fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });

/** A JSON request over HTTPS trusting only this certificate (what a pinning client does). */
const pinned = (
  url: string,
  method: string,
  path: string,
  pem: string,
  options: { token?: string; body?: unknown } = {},
) =>
  new Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: string } }>(
    (resolve, reject) => {
      const req = httpsRequest(
        `${url}${path}`,
        {
          method,
          ca: pem,
          headers: {
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.body ? { 'content-type': 'application/json' } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }));
        },
      );
      req.on('error', reject);
      req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    },
  );

describe.each(ADAPTER_NAMES)('TLS (%s)', (adapter) => {
  const start = async (tls?: ServerCertificate) => {
    return (await servers.start(adapter, tls ? { tls } : {})).server.url;
  };

  it('serves HTTPS with its certificate, whose fingerprint admins read at GET /server/certificate', async () => {
    const tls = certificate();
    const url = await start(tls);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    expect(await presented(port)).toBe(tls.fingerprint256);
    expect(await pinned(url, 'GET', '/healthz', tls.cert)).toMatchObject({ status: 200, body: { ok: true } });
    // The admin's device reads the fingerprint (to show it and put it in invites) over the very
    // connection whose certificate it names.
    const signing = deviceKey();
    const created = await pinned(url, 'POST', '/orgs', tls.cert, {
      body: organisationBody(signing.publicKey),
    });
    expect(created.status).toBe(201);
    const token = (created.body.value as SignInResponse).token;
    expect(await pinned(url, 'GET', '/server/certificate', tls.cert, { token })).toEqual({
      status: 200,
      body: {
        ok: true,
        value: { tls: true, fingerprint256: tls.fingerprint256, source: 'generated', validTo: tls.validTo },
      },
    });
    expect(await pinned(url, 'GET', '/server/certificate', tls.cert)).toMatchObject({
      status: 401,
      body: { ok: false, error: 'unauthenticated' },
    });
  });

  it('refuses a client that pins another certificate, and gives plain HTTP nothing', async () => {
    const url = await start(certificate());
    const other = certificate();
    await expect(pinned(url, 'GET', '/healthz', other.cert)).rejects.toThrow(/self-signed|certificate/);
    await expect(fetch(url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('answers the fingerprint to admins only, and says when there is no TLS', async () => {
    // The admin route over plain HTTP on loopback: the same answer shape, tls false.
    const url = await start();
    const admin = await createOrganisation(url);
    const member = await addMember(url, admin, 'manager');
    expect(value(await call(url, 'GET', '/server/certificate', { token: admin.token }))).toEqual({
      tls: false,
      fingerprint256: null,
      source: null,
      validTo: null,
    });
    expect(await call(url, 'GET', '/server/certificate', { token: member.token })).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
  });
});
