// A property test with fixed seeds: several clients create, edit, delete, retry and pull in random order
// against the real server; a plain model of the master states predicts every conflict, and in the end a
// fresh pull equals the model with one strictly increasing sequence per accepted write.
import { describe, expect, it } from 'vitest';
import type { KeyWire, PullResponse } from '../../../shared/sync/protocol';
import { ADAPTER_NAMES } from './adapters';
import { deviceKey, call, createOrganisation, value } from './harness';
import { useServerFixture } from './server-fixture';

/** mulberry32: a small seeded generator, so a failure replays exactly. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Client {
  token: string;
  known: Map<string, KeyWire>;
  checkpoint: number;
  lastPush?: { newDocumentState: KeyWire; assumedMasterState: KeyWire | null }[];
}

describe.each(ADAPTER_NAMES)('random sync traffic: %s', (name) => {
  const fixture = useServerFixture(name);
  const url = () => fixture.server.url;

  it.each([1, 2, 3])('matches the model of master states (seed %i)', async (seed) => {
    const next = random(seed);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
    const admin = await createOrganisation(url());
    const tokens = [admin.token];
    for (let i = 0; i < 2; i += 1) {
      const signedIn = value(
        await call<{ token: string }>(url(), 'POST', '/auth/sign-in', {
          body: { userId: admin.userId, authVerifier: admin.authVerifier, signingKey: deviceKey().publicKey },
        }),
      );
      tokens.push(signedIn.token);
    }
    const clients: Client[] = tokens.map((token) => ({ token, known: new Map(), checkpoint: 0 }));
    const model = new Map<string, KeyWire>();
    let accepted = 0;
    let conflicted = 0;
    let counter = 0;

    const push = async (client: Client, rows: NonNullable<Client['lastPush']>) => {
      const expected = rows.flatMap(({ newDocumentState: doc, assumedMasterState: assumed }) => {
        const master = model.get(doc.id);
        if (master && JSON.stringify(master) === JSON.stringify(doc)) return [];
        if (master && JSON.stringify(master) !== JSON.stringify(assumed)) return [master];
        model.set(doc.id, doc);
        accepted += 1;
        return [];
      });
      const conflicts = value(
        await call<KeyWire[]>(url(), 'POST', '/sync/keys/push', { token: client.token, body: rows }),
      );
      expect(conflicts).toEqual(expected);
      conflicted += conflicts.length;
      for (const doc of conflicts) client.known.set(doc.id, doc);
      for (const { newDocumentState } of rows)
        if (!conflicts.some((c) => c.id === newDocumentState.id))
          client.known.set(newDocumentState.id, newDocumentState);
      client.lastPush = rows;
    };

    for (let step = 0; step < 120; step += 1) {
      const client = pick(clients);
      const action = next();
      const known = [...client.known.values()];
      if (action < 0.3 || known.length === 0) {
        const doc = {
          id: `d${seed}x${counter++}`,
          keyId: 'org-key',
          payload: `k1${counter}`,
          _deleted: false,
        };
        await push(client, [{ newDocumentState: doc, assumedMasterState: null }]);
      } else if (action < 0.6) {
        const base = pick(known);
        await push(client, [
          { newDocumentState: { ...base, payload: `k1${counter++}` }, assumedMasterState: base },
        ]);
      } else if (action < 0.7) {
        const base = pick(known);
        await push(client, [{ newDocumentState: { ...base, _deleted: true }, assumedMasterState: base }]);
      } else if (action < 0.8 && client.lastPush) {
        // The response was lost: the same push again.
        await push(client, client.lastPush);
      } else {
        const pulled = value(
          await call<PullResponse>(url(), 'GET', `/sync/keys/pull?checkpoint=${client.checkpoint}`, {
            token: client.token,
          }),
        );
        for (const doc of pulled.documents as KeyWire[]) client.known.set(doc.id, doc);
        client.checkpoint = pulled.checkpoint;
      }
    }

    const final = value(
      await call<PullResponse>(url(), 'GET', '/sync/keys/pull?checkpoint=0&limit=1000', {
        token: admin.token,
      }),
    );
    expect(conflicted).toBeGreaterThan(0); // the traffic did exercise conflicts
    expect(final.checkpoint).toBe(accepted);
    expect(new Map((final.documents as KeyWire[]).map((doc) => [doc.id, doc]))).toEqual(model);
    // Each document appears once, at the sequence of its last write.
    expect(final.documents).toHaveLength(model.size);
  });
});
