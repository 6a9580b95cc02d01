// Events that carry a small push's documents (StreamEvent, `GET /sync/stream?documents=1`), on both
// adapters and across two PostgreSQL instances: what is carried, with which `previous`; what is only
// announced (too large, a collection the device may not pull, a stream that did not ask); and that a
// device revoked after connecting gets no document.
import { describe, expect, it } from 'vitest';
import { readServerEvents } from '../../../shared/sync/event-stream';
import {
  CARRY_MAX_BYTES,
  type CarriedEvent,
  type Collection,
  type SettingWire,
  type StreamEvent,
  type SyncDocument,
} from '../../../shared/sync/protocol';
import { ADAPTER_NAMES } from './adapters';
import { addMember, call, createOrganisation, newId, openStream, personRecord, value } from './harness';
import { useServers } from './server-fixture';

const servers = useServers();

type Message = StreamEvent | { refused: unknown } | 'ended';

/** A stream that asked for documents, read with the client's own parser. */
const openCarrying = async (url: string, token: string) => {
  const controller = new AbortController();
  const response = await fetch(`${url}/sync/stream?documents=1`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  const queued: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  const put = (m: Message) => {
    const take = waiting.shift();
    if (take) take(m);
    else queued.push(m);
  };
  void readServerEvents(response.body, {
    checkpoint: (event) => put(event),
    refused: (reply) => put({ refused: reply }),
  }).then(
    () => put('ended'),
    () => put('ended'),
  );
  servers.later(() => controller.abort());
  return {
    next: (): Promise<Message> => {
      const m = queued.shift();
      return m ? Promise.resolve(m) : new Promise((resolve) => waiting.push(resolve));
    },
  };
};

const push = async (url: string, token: string, collection: string, doc: object) =>
  value(await call(url, 'POST', `/sync/${collection}/push`, { token, body: [{ newDocumentState: doc }] }));

/** What a stream that asked for documents gets for one small push: the document, and the previous
 * sequence of its collection. */
const carrying = (
  checkpoint: number,
  collection: Collection,
  previous: number,
  doc: SyncDocument,
): CarriedEvent => ({
  checkpoint,
  collection,
  previous,
  documents: [doc],
});

const setting = (payload = 'k1abc'): SettingWire => ({
  id: newId(),
  kind: 'breach',
  keyId: 'org-key',
  v: 1,
  payload,
  updatedAt: 1_764_000_000_000,
  _deleted: false,
});

describe.each(ADAPTER_NAMES)('events carrying documents: %s', (name) => {
  it('carry a push’s documents with the collection’s previous sequence; a large one is announced', async () => {
    const { server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    const stream = await openCarrying(server.url, admin.token);
    const plain = await openStream(server.url, admin.token);
    servers.later(() => plain.close());
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    expect(await plain.next()).toEqual({ checkpoint: 0 });

    const first = await personRecord({ name: 'Annelies' });
    await push(server.url, admin.token, 'records', first);
    expect(await stream.next()).toEqual(carrying(1, 'records', 0, first));
    // A stream that did not ask gets the checkpoint alone, as before.
    expect(await plain.next()).toEqual({ checkpoint: 1 });

    // A write of another collection between two records: the next record's previous is the record's.
    const other = setting();
    await push(server.url, admin.token, 'settings', other);
    expect(await stream.next()).toEqual(carrying(2, 'settings', 0, other));
    const second = await personRecord({ name: 'Bram' });
    await push(server.url, admin.token, 'records', second);
    expect(await stream.next()).toEqual(carrying(3, 'records', 1, second));

    // What a pull from the previous checkpoint answers is what the event carried.
    const pulled = value(
      await call<{ documents: unknown[]; checkpoint: number }>(
        server.url,
        'GET',
        '/sync/records/pull?checkpoint=1',
        { token: admin.token },
      ),
    );
    expect(pulled).toEqual({ documents: [second], checkpoint: 3 });

    // Too large to carry: announced only, the device pulls it.
    const large = { ...(await personRecord({})), payload: 'k'.repeat(CARRY_MAX_BYTES + 1) };
    await push(server.url, admin.token, 'records', large);
    expect(await stream.next()).toEqual({ checkpoint: 4 });
  });

  it('announce only, to a role that may not pull the collection', async () => {
    const { server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    const sales = await addMember(server.url, admin, 'sales');
    const stream = await openCarrying(server.url, sales.token);
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    await push(server.url, admin.token, 'compliance', setting());
    expect(await stream.next()).toEqual({ checkpoint: 1 });
    const doc = await personRecord({});
    await push(server.url, admin.token, 'records', doc);
    expect(await stream.next()).toEqual(carrying(2, 'records', 0, doc));
  });

  it('give a device revoked after it connected no document: its stream is refused and ends', async () => {
    // No heartbeat comes in this test: the write's own check refuses the device.
    const { server } = await servers.start(name, { streamHeartbeatMs: 600_000 });
    const admin = await createOrganisation(server.url);
    const laptop = await addMember(server.url, admin, 'sales');
    const stream = await openCarrying(server.url, laptop.token);
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    value(await call(server.url, 'POST', `/devices/${laptop.deviceId}/revoke`, { token: admin.token }));
    await push(server.url, admin.token, 'records', await personRecord({}));
    expect(await stream.next()).toEqual({ refused: { ok: false, error: 'device-revoked', wipe: true } });
    expect(await stream.next()).toBe('ended');
  });
});

describe('two server instances on one PostgreSQL database', () => {
  it('carry a push to one instance on the other instance’s stream', async () => {
    const { a, b } = await servers.twoInstances();
    const admin = await createOrganisation(a.server.url);
    const stream = await openCarrying(b.server.url, admin.token);
    expect(await stream.next()).toEqual({ checkpoint: 0 });
    const doc = await personRecord({});
    await push(a.server.url, admin.token, 'records', doc);
    expect(await stream.next()).toEqual(carrying(1, 'records', 0, doc));
    // Small enough to carry, but past NOTIFY's payload limit once escaped again: announced by its sequence.
    await push(a.server.url, admin.token, 'records', {
      ...(await personRecord({})),
      payload: '"'.repeat(CARRY_MAX_BYTES / 2 - 200),
    });
    expect(await stream.next()).toEqual({ checkpoint: 2 });
  });
});
