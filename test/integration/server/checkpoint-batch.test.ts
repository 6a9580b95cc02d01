// What a device's pulls served is written in batches (server/checkpoint-batch.ts), not one commit per
// pull: with a thousand live devices every edit makes each of them pull. The lost-laptop drill must still
// see the last pull, a pull from 0 still starts the device over, and closing the server loses nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse, RecordWire } from '../../../shared/sync/protocol';
import type { DeviceExposureResponse } from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
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
