// Hostile and broken requests: each gets a 4xx with a clear code, changes nothing, and its content never
// reaches the logs. Run on both adapters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../shared/sync/protocol';
import type { Storage } from '../../../server/storage/types';
import { ADAPTER_NAMES, ADAPTERS, type TestDatabase } from './adapters';
import {
  b64,
  call,
  createOrganisation,
  newId,
  personRecord,
  startServer,
  value,
  type Member,
  type RunningServer,
} from './harness';

const MARKER = 'Zwanenburg-marker-7731';

describe.each(ADAPTER_NAMES)('bad input: %s', (name) => {
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;
  let admin: Member & { orgId: string };
  let other: Member & { orgId: string };
  let othersDocId: string;

  beforeAll(async () => {
    database = await ADAPTERS[name]();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage);
    admin = await createOrganisation(server.url);
    other = await createOrganisation(server.url);
    const theirs = await personRecord({ note: 'theirs' });
    othersDocId = theirs.id;
    value(
      await call(server.url, 'POST', '/sync/records/push', {
        token: other.token,
        body: [{ newDocumentState: theirs }],
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await database.destroy();
  });

  const pushRaw = (raw: string, collection = 'records', token = admin.token) =>
    call(server.url, 'POST', `/sync/${collection}/push`, { token, raw });

  const doc = (extra: object = {}) =>
    JSON.stringify({
      id: newId(),
      kind: 'person',
      subjectId: newId(),
      keyId: 'k1',
      v: 1,
      payload: MARKER,
      updatedAt: 1,
      _deleted: false,
      ...extra,
    });

  const cases: [string, () => Promise<unknown>, number, string][] = [
    ['malformed JSON', () => pushRaw(`[{"newDocumentState": ${doc()}`), 400, 'malformed-json'],
    [
      'an oversized body',
      () =>
        pushRaw(`[{"newDocumentState": ${doc({ payload: MARKER.repeat(MAX_BODY_BYTES / MARKER.length) })}}]`),
      413,
      'too-large',
    ],
    ['deep nesting', () => pushRaw(`${'['.repeat(5000)}"${MARKER}"${']'.repeat(5000)}`), 400, 'too-deep'],
    [
      'an unknown collection',
      () => pushRaw(`[{"newDocumentState": ${doc()}}]`, 'contacts'),
      404,
      'unknown-collection',
    ],
    [
      'a __proto__ key',
      () => pushRaw(`[{"newDocumentState": ${doc()}, "__proto__": {"admin": "${MARKER}"}}]`),
      400,
      'forbidden-key',
    ],
    [
      'a nested constructor key',
      () => pushRaw(`[{"newDocumentState": ${doc({ constructor: { prototype: MARKER } })}}]`),
      400,
      'forbidden-key',
    ],
    [
      'an unknown field',
      () => pushRaw(`[{"newDocumentState": ${doc({ name: MARKER })}}]`),
      400,
      'bad-request',
    ],
    [
      'a plaintext-shaped payload id',
      () => pushRaw(`[{"newDocumentState": ${doc({ id: `${MARKER}@example.nl` })}}]`),
      400,
      'bad-request',
    ],
    [
      'another organisation’s document id',
      () => pushRaw(`[{"newDocumentState": ${doc({ id: othersDocId })}}]`),
      403,
      'foreign-id',
    ],
    [
      'a forged token',
      () =>
        pushRaw(`[{"newDocumentState": ${doc()}}]`, 'records', b64(32).replace(/[+/=]/g, 'A').slice(0, 43)),
      401,
      'unauthenticated',
    ],
    ['no token', () => call(server.url, 'GET', '/sync/records/pull'), 401, 'unauthenticated'],
    [
      'a non-numeric checkpoint',
      () => call(server.url, 'GET', '/sync/records/pull?checkpoint=abc', { token: admin.token }),
      400,
      'bad-request',
    ],
    [
      'another organisation’s device',
      () => call(server.url, 'POST', `/devices/${other.deviceId}/revoke`, { token: admin.token }),
      404,
      'not-found',
    ],
    [
      'another organisation’s user',
      () =>
        call(server.url, 'PUT', `/users/${other.userId}/sealed-org-key`, {
          token: admin.token,
          body: { sealedOrgKey: b64(80) },
        }),
      404,
      'not-found',
    ],
    [
      'an erasure with an unknown field',
      () =>
        call(server.url, 'POST', '/erasures', {
          token: admin.token,
          body: { subjectId: newId(), requestId: newId(), name: MARKER },
        }),
      400,
      'bad-request',
    ],
    [
      'an erasure of a plaintext-shaped subject id',
      () =>
        call(server.url, 'POST', '/erasures', {
          token: admin.token,
          body: { subjectId: `${MARKER}@example.nl`, requestId: newId() },
        }),
      400,
      'bad-request',
    ],
    [
      'an erasure confirmation of too many subjects',
      () =>
        call(server.url, 'POST', '/erasures/confirm', {
          token: admin.token,
          body: { subjectIds: Array.from({ length: 1001 }, newId) },
        }),
      400,
      'bad-request',
    ],
    [
      'the exposure of another organisation’s device',
      () => call(server.url, 'GET', `/devices/${other.deviceId}/exposure`, { token: admin.token }),
      404,
      'not-found',
    ],
    [
      'a body that is not JSON',
      () =>
        fetch(`${server.url}/orgs`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: MARKER,
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      415,
      'unsupported-media-type',
    ],
  ];

  it.each(cases)('refuses %s with a clear code and changes nothing', async (_label, send, status, error) => {
    const before = await storage.dumpAllRows();
    expect(await send()).toEqual({ status, body: { ok: false, error } });
    expect(await storage.dumpAllRows()).toEqual(before);
  });

  it('never writes refused content, tokens or verifiers to the logs', () => {
    const logs = server.logs.join('\n');
    expect(logs).toContain('request refused');
    for (const secret of [MARKER, admin.token, other.token, admin.authVerifier])
      expect(logs).not.toContain(secret);
  });
});
