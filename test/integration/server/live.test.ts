// Live replication: the Server-Sent Events stream announces each accepted write's checkpoint, on both
// adapters; with PostgreSQL a write to one server instance reaches a client of another via LISTEN/NOTIFY.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { ADAPTER_NAMES, POSTGRES_URL } from './adapters';
import { addMember, call, createOrganisation, openStream, personRecord, value } from './harness';
import { useServers } from './server-fixture';

const servers = useServers();

describe.each(ADAPTER_NAMES)('live stream: %s', (name) => {
  it('sends the current checkpoint on connect and a new one after each accepted write', async () => {
    const { server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    const stranger = await createOrganisation(server.url);
    const stream = await openStream(server.url, admin.token);
    servers.later(() => stream.close());
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    // Another organisation's write is not announced to this one.
    value(
      await call(server.url, 'POST', '/sync/records/push', {
        token: stranger.token,
        body: [{ newDocumentState: await personRecord({}) }],
      }),
    );
    const doc = await personRecord({});
    value(
      await call(server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: doc }],
      }),
    );
    expect(await stream.next()).toEqual({ checkpoint: 1 });
  });

  it('refuses a stream to a revoked device', async () => {
    const { server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    value(await call(server.url, 'POST', `/devices/${admin.deviceId}/revoke`, { token: admin.token }));
    expect(await call(server.url, 'GET', '/sync/stream', { token: admin.token })).toEqual({
      status: 401,
      body: { ok: false, error: 'device-revoked', wipe: true },
    });
  });
});

describe.each(ADAPTER_NAMES)('a live stream whose device is revoked: %s', (name) => {
  it('is told to wipe and closed at the next heartbeat', async () => {
    const { server } = await servers.start(name, { streamHeartbeatMs: 50 });
    const admin = await createOrganisation(server.url);
    const laptop = await addMember(server.url, admin, 'sales');
    const stream = await openStream(server.url, laptop.token);
    servers.later(() => stream.close());
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    value(await call(server.url, 'POST', `/devices/${laptop.deviceId}/revoke`, { token: admin.token }));
    expect(await stream.next()).toEqual({ refused: { ok: false, error: 'device-revoked', wipe: true } });
    await expect(stream.next()).rejects.toThrow('stream ended');
  });
});

describe('two server instances on one PostgreSQL database', () => {
  it('announce a write pushed to one instance on the other instance’s stream', async () => {
    const { a, b } = await servers.twoInstances();
    const admin = await createOrganisation(a.server.url);
    const stream = await openStream(b.server.url, admin.token);
    servers.later(() => stream.close());
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    const doc = await personRecord({});
    value(
      await call(a.server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: doc }],
      }),
    );
    expect(await stream.next()).toEqual({ checkpoint: 1 });
    const pulled = value(
      await call<{ documents: unknown[] }>(b.server.url, 'GET', '/sync/records/pull?checkpoint=0', {
        token: admin.token,
      }),
    );
    expect(pulled.documents).toEqual([doc]);
  });
});

describe('PostgreSQL LISTEN connection', () => {
  it('reconnects after it is cut and tells live clients to pull, then announces new writes again', async () => {
    const { database, a, b } = await servers.twoInstances();
    const admin = await createOrganisation(a.server.url);
    const doc = await personRecord({});
    value(
      await call(a.server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: doc }],
      }),
    );
    const stream = await openStream(b.server.url, admin.token);
    servers.later(() => stream.close());
    expect(await stream.next()).toEqual({ checkpoint: 1 });

    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    // Both instances' LISTEN connections are cut, as by a database restart or a network failure.
    const cut = await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1',
      [`LISTEN kluis_writes_${database.schema}`],
    );
    await client.end();
    expect(cut.rowCount).toBe(2);
    expect(await stream.next()).toEqual({ checkpoint: 1 });
    value(
      await call(a.server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: await personRecord({}) }],
      }),
    );
    expect(await stream.next()).toEqual({ checkpoint: 2 });
  });
});
