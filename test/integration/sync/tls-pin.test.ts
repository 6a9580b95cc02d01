// Node clients pin the office server's certificate: the real server over TLS with the certificate it
// generates on first start; the client code (accounts, invites, replication) with a fetch that pins its
// SHA-256. Pinned, everything works; another certificate on the same address — a second server instance
// with a certificate of its own, or a bare TLS listener — is refused with 'certificate-mismatch' and gets
// nothing: no request, no credentials. Loopback only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Storage } from '../../../server/storage/types';
import { loadOrMakeCertificate, type ServerCertificate } from '../../../server/tls';
import {
  connectVault,
  formatInvite,
  inviteUser,
  joinOrganisation,
  readInvite,
  ROUTES,
  serverClient,
  sessionPendingInvites,
  signInOnNewDevice,
} from '../../../shared/sync';
import { annelies } from '../../fixtures/people';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { pinnedFetch, type PinnedFetch } from './tls-pin-fetch';
import { signInWithPassphrase, syncClient } from './two-devices';

interface Office {
  url: string;
  port: number;
  certificate: ServerCertificate;
  /** Every JSON log line the server wrote (a request it received is logged). */
  logs: string[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary data directory, removed after the test whatever happens in it. */
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kluis-tls-pin-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** The real server with the certificate it makes in its data directory, as `npm run server` does. */
const startOffice = async (port = 0): Promise<Office> => {
  const dataDir = tempDir();
  const certificate = loadOrMakeCertificate(dataDir, ['localhost', '127.0.0.1']);
  const database: TestDatabase = await ADAPTERS.sqlite();
  const storage: Storage = await database.open();
  await storage.migrate();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createApp({ storage, log: { level: 'info', stream }, tls: certificate });
  const url = await app.listen({ port, host: '127.0.0.1' });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await storage.close();
    await database.destroy();
  };
  cleanups.push(close);
  return { url, port: Number(new URL(url).port), certificate, logs, close };
};

const pinned = (fingerprint: string): PinnedFetch => {
  const fetch = pinnedFetch(fingerprint);
  cleanups.push(() => fetch.close());
  return fetch;
};

const newDb = async () => {
  const db = await memoryDatabase();
  cleanups.push(async () => {
    await db.remove();
  });
  return db;
};

/** The first admin's device: a vault connected to the office server through the pinned fetch. */
const connectAdmin = async (office: Office, fetch: PinnedFetch) => {
  const db = await newDb();
  const session = await (await linkableVault(db)).create(PASSPHRASE);
  const linked = await connectVault({ fetch, serverUrl: office.url, db, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  return { db, session, link: linked.value };
};

const requestsLogged = (logs: readonly string[]) => logs.filter((line) => line.includes('"req"')).length;

describe('a Node client pinning the office server’s certificate', () => {
  let office: Office;
  beforeEach(async () => {
    office = await startOffice();
  });

  it('with the pinned fingerprint: connects, signs in on a second device and syncs', async () => {
    expect(office.url).toMatch(/^https:/);
    const fetch = pinned(office.certificate.fingerprint256);
    const admin = await connectAdmin(office, fetch);
    const person = await admin.session.people.create(annelies);

    const dbB = await newDb();
    const signedIn = await signInWithPassphrase(fetch, office.url, dbB, admin.link.userId);

    const clients = [
      [admin.db, admin.link],
      [dbB, signedIn.link],
    ] as const;
    for (const [db, link] of clients) {
      const client = syncClient(db, link, false, { fetch });
      await client.start();
      await client.awaitInSync();
      await client.stop();
    }
    expect((await signedIn.session.people.get(person.id)).data).toEqual(person.data);
  });

  it('an invite carries the fingerprint the admin reads, and the newcomer joins pinning it', async () => {
    const adminFetch = pinned(office.certificate.fingerprint256);
    const admin = await connectAdmin(office, adminFetch);
    const certificate = await serverClient(adminFetch, admin.link).call(ROUTES.serverCertificate);
    if (!certificate.ok) throw new Error(certificate.error);
    expect(certificate.value).toMatchObject({ tls: true, source: 'generated' });
    const invited = await inviteUser(adminFetch, admin.link, 'sales', sessionPendingInvites(admin.session));
    if (!invited.ok) throw new Error(invited.error);

    const handedOver = formatInvite(invited.value.inviteCode, certificate.value.fingerprint256);
    const invite = readInvite(handedOver);
    expect(invite).toEqual({
      code: invited.value.inviteCode,
      fingerprint: office.certificate.fingerprint256,
    });
    const joined = await joinOrganisation({
      fetch: pinned(invite!.fingerprint!),
      serverUrl: office.url,
      db: await newDb(),
      userId: invited.value.userId,
      inviteCode: handedOver,
      passphrase: 'a new passphrase for the newcomer',
      kdf: { opsLimit: 1, memLimitBytes: 8192 * 1024 },
    });
    if (!joined.ok) throw new Error(joined.error);
    joined.value.discard();
  });

  it('refuses a second server with another certificate on the same address, sending it nothing', async () => {
    const fetch = pinned(office.certificate.fingerprint256);
    const admin = await connectAdmin(office, fetch);
    const { port } = office;
    await office.close();
    const impostor = await startOffice(port);
    expect(impostor.url).toBe(office.url);
    expect(impostor.certificate.fingerprint256).not.toBe(office.certificate.fingerprint256);

    const signedIn = await signInOnNewDevice({
      fetch,
      serverUrl: office.url,
      db: await newDb(),
      userId: admin.link.userId,
      passphrase: PASSPHRASE,
    });
    expect(signedIn).toEqual({ ok: false, error: 'certificate-mismatch' });
    const me = await serverClient(fetch, admin.link, { retries: 3 }).call(ROUTES.me);
    expect(me).toEqual({ ok: false, error: 'certificate-mismatch' });
    expect(requestsLogged(impostor.logs)).toBe(0);
    // The same address, trusted as the impostor's own: it answers, so it was listening all along.
    const theirs = await serverClient(pinned(impostor.certificate.fingerprint256), admin.link).call(
      ROUTES.me,
    );
    expect(theirs).toEqual({ ok: false, error: 'unauthenticated' });
    expect(requestsLogged(impostor.logs)).toBeGreaterThan(0);
  });

  it('gives a TLS listener with another certificate not one byte: no token, no verifier', async () => {
    const fetch = pinned(office.certificate.fingerprint256);
    const admin = await connectAdmin(office, fetch);
    const { port } = office;
    await office.close();
    const other = loadOrMakeCertificate(tempDir(), ['127.0.0.1']);
    const received: Buffer[] = [];
    let connections = 0;
    const listener: TlsServer = createTlsServer({ cert: other.cert, key: other.key }, (socket) => {
      socket.on('data', (bytes: Buffer) => received.push(bytes));
    });
    listener.on('connection', () => connections++);
    listener.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => listener.close(() => resolve())));

    const dbC = await newDb();
    await (await linkableVault(dbC)).create(PASSPHRASE);
    const attempts = await Promise.all([
      connectVault({ fetch, serverUrl: office.url, db: dbC, passphrase: PASSPHRASE }),
      serverClient(fetch, admin.link).call(ROUTES.listUsers),
    ]);
    expect(attempts).toEqual([
      { ok: false, error: 'certificate-mismatch' },
      { ok: false, error: 'certificate-mismatch' },
    ]);
    expect(connections).toBeGreaterThan(0);
    expect(received).toEqual([]);
  });
});
