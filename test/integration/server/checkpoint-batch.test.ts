// What a device's pulls served is written in batches (server/checkpoint-batch.ts), not one commit per
// pull: with a thousand live devices every edit makes each of them pull. The lost-laptop drill must still
// see the last pull, a pull from 0 still starts the device over, and closing the server loses nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { batchCheckpoints } from '../../../server/checkpoint-batch';
import type { CheckpointEntry, Storage } from '../../../server/storage/types';
import type { PullResponse, RecordWire } from '../../../shared/sync/protocol';
import type { DeviceExposureResponse } from '../../../shared/sync';
import { ADAPTER_NAMES, adminRow, deviceRow, useTestDatabase } from './adapters';
import { addMember, b64, call, createOrganisation, newId, value, type Member } from './harness';
import { useServerFixture } from './server-fixture';

const record = (): RecordWire => ({
  id: newId(),
  kind: 'person',
  subjectId: newId(),
  keyId: `page-${newId()}`,
  v: 1,
  payload: b64(64),
  updatedAt: Date.now(),
  _deleted: false,
});

describe.each(ADAPTER_NAMES)('device checkpoints written in batches: %s', (name) => {
  // An interval no test reaches: only a read by the drill or closing the server writes the batch.
  const fixture = useServerFixture(name, { checkpointIntervalMs: 3_600_000 });
  const url = () => fixture.server.url;
  let admin: Member;
  let sales: Member;

  const pull = async (checkpoint: number, limit: number) =>
    value(
      await call<PullResponse>(url(), 'GET', `/sync/records/pull?checkpoint=${checkpoint}&limit=${limit}`, {
        token: sales.token,
      }),
    ).checkpoint;

  beforeEach(async () => {
    admin = await createOrganisation(url());
    sales = await addMember(url(), admin, 'sales');
    const rows = [record(), record(), record()].map((doc) => ({ newDocumentState: doc }));
    value(await call(url(), 'POST', '/sync/records/push', { token: admin.token, body: rows }));
  });

  it('shows the drill the last pull, though no pull wrote it yet', async () => {
    const first = await pull(0, 2);
    const last = await pull(first, 10);
    expect(last).toBeGreaterThan(first);
    expect(await fixture.storage.deviceCheckpoints(sales.deviceId)).toEqual({});

    const report = value(
      await call<DeviceExposureResponse>(url(), 'GET', `/devices/${sales.deviceId}/exposure`, {
        token: admin.token,
      }),
    );
    expect(report.checkpoints).toEqual({ records: last });
    expect(await fixture.storage.deviceCheckpoints(sales.deviceId)).toEqual({ records: last });
  });

  it('writes what waits when the server closes, and a pull from 0 starts the device over', async () => {
    const last = await pull(await pull(0, 2), 10);
    await fixture.server.close(); // flushes: the device's checkpoint is not lost with the process
    expect(await fixture.storage.deviceCheckpoints(sales.deviceId)).toEqual({ records: last });
  });

  it('lets a pull from 0 move the checkpoint down, and later pulls up again, in one batch', async () => {
    const last = await pull(await pull(0, 2), 10);
    const restarted = await pull(0, 1);
    expect(restarted).toBeLessThan(last);
    const report = value(
      await call<DeviceExposureResponse>(url(), 'GET', `/devices/${sales.deviceId}/exposure`, {
        token: admin.token,
      }),
    );
    expect(report.checkpoints).toEqual({ records: restarted });
    await pull(restarted, 1);
    await fixture.server.close();
    expect((await fixture.storage.deviceCheckpoints(sales.deviceId)).records).toBeGreaterThan(restarted);
  });
});

describe('a checkpoint batch whose write fails', () => {
  const database = useTestDatabase('sqlite');
  const entry = (deviceId: string, checkpoint: number, restart = false): CheckpointEntry => ({
    deviceId,
    collection: 'records',
    checkpoint,
    restart,
    at: checkpoint,
  });

  /** The real storage, but its first write of checkpoints fails (a full disk, a lost connection). */
  const failingOnce = (storage: Storage) => {
    const calls: number[] = [];
    return {
      calls,
      recordCheckpoints: async (entries: readonly CheckpointEntry[]) => {
        calls.push(entries.length);
        if (calls.length === 1) throw new Error('disk full');
        await storage.recordCheckpoints(entries);
      },
    };
  };

  it('keeps the failed batch, merges later pulls into it and writes it at the next interval', async () => {
    const storage = await database.open();
    await storage.createOrganisation('org1', adminRow(), 1);
    for (const id of ['d1', 'd2', 'd3']) await storage.insertDevice(deviceRow(id));
    const failing = failingOnce(storage);
    const errors: unknown[] = [];
    const batch = batchCheckpoints(failing, 20, (error) => errors.push(error));

    batch.record(entry('d1', 7));
    batch.record(entry('d2', 9));
    batch.record(entry('d3', 12));
    await batch.flush();
    expect(errors).toHaveLength(1);
    expect(await storage.deviceCheckpoints('d1')).toEqual({});

    // Since the failure: d1 pulled further, d2 started over (a newer restart wins), d3 is behind.
    batch.record(entry('d1', 8));
    batch.record(entry('d2', 2, true));
    batch.record(entry('d3', 10));
    await expect.poll(() => failing.calls.length).toBe(2);
    await batch.flush();
    expect(await storage.deviceCheckpoints('d1')).toEqual({ records: 8 });
    expect(await storage.deviceCheckpoints('d2')).toEqual({ records: 2 });
    expect(await storage.deviceCheckpoints('d3')).toEqual({ records: 12 });
    await batch.close();
  });

  it('retries on its own, with no later pull and no flush', async () => {
    const storage = await database.open();
    await storage.createOrganisation('org1', adminRow(), 1);
    await storage.insertDevice(deviceRow('d1'));
    const failing = failingOnce(storage);
    const batch = batchCheckpoints(failing, 20);
    batch.record(entry('d1', 5));
    await expect.poll(() => storage.deviceCheckpoints('d1')).toEqual({ records: 5 });
    expect(failing.calls).toEqual([1, 1]);
    await batch.close();
  });
});
