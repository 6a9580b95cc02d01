// The two collections added for the CRM features replicate like records: an item about a person and an
// organisation setting made on A arrive on B and decrypt there; a sales user may read settings but the
// server refuses their push of one, and nothing changes.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { annelies } from '../../fixtures/people';
import { addMember, call, createOrganisation, value } from '../server/harness';
import type { PullResponse } from '../../../shared/sync/protocol';
import { useTwoDevices } from './two-devices';

const NOTE = { kind: 'test-note', version: 1, schema: z.object({ text: z.string() }) };
const STAGES = { kind: 'test-stages', version: 1, schema: z.object({ names: z.array(z.string()) }) };

const newDevices = useTwoDevices();

describe.each(['sqlite', 'postgres'] as const)('items and settings: %s', (adapter) => {
  it("brings the admin's compliance files to the admin's other device, and counts only local writes as pending", async () => {
    const setup = await newDevices.started(adapter);
    const { a, b } = setup;
    const person = await a.session.people.create(annelies);
    const file = await a.session.compliance(STAGES).put({ names: ['received', 'verified'] });
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();

    expect((await b.session.compliance(STAGES).get(file.id)).data.names).toEqual(['received', 'verified']);
    // Kept apart from the settings everyone reads.
    expect((await b.session.settings(STAGES).list()).records).toEqual([]);
    // What B pulled is not B's pending work; B's own edit is, until the server has it.
    expect(b.sync.status.pending).toBe(0);
    const seen: number[] = [];
    const watching = b.sync.status$.subscribe((status) => seen.push(status.pending));
    await b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
    await b.sync.awaitInSync();
    watching.unsubscribe();
    expect(Math.max(...seen)).toBe(1);
    expect(b.sync.status.pending).toBe(0);
  });

  it('brings an item and a setting made on A to B', async () => {
    const setup = await newDevices.started(adapter);
    const { a, b } = setup;
    const person = await a.session.people.create(annelies);
    const note = await a.session.items(NOTE).create(person.id, { text: 'Called about the quote' });
    const stages = await a.session.settings(STAGES).put({ names: ['Lead', 'Offer', 'Won'] });
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();

    expect((await b.session.items(NOTE).get(note.id)).data).toEqual({ text: 'Called about the quote' });
    expect((await b.session.items(NOTE).listForSubject(person.id)).records.map((item) => item.id)).toEqual([
      note.id,
    ]);
    expect((await b.session.settings(STAGES).get(stages.id)).data).toEqual({
      names: ['Lead', 'Offer', 'Won'],
    });
    const rows = (await setup.storage.dumpAllRows()).join('\n');
    expect(rows).not.toContain('Called about the quote');
    expect(rows).not.toContain('Offer');
  });

  it('lets a sales user pull settings but refuses their push of one, changing nothing', async () => {
    const setup = await newDevices(adapter);
    const { url } = setup.server;
    const admin = await createOrganisation(url);
    const sales = await addMember(url, admin, 'sales');
    const setting = {
      id: 'setting-1',
      kind: 'test-stages',
      keyId: 'org-key',
      v: 1,
      payload: 'k1' + 'A'.repeat(60),
      updatedAt: 1_764_000_000_000,
      _deleted: false,
    };
    const refused = await call(url, 'POST', '/sync/settings/push', {
      token: sales.token,
      body: [{ newDocumentState: setting }],
    });
    expect(refused).toEqual({ status: 403, body: { ok: false, error: 'forbidden' } });
    const pulled = value(
      await call<PullResponse>(url, 'GET', '/sync/settings/pull?checkpoint=0', { token: sales.token }),
    );
    expect(pulled.documents).toEqual([]);

    // The admin's push of the same setting is accepted, and the sales user reads it.
    value(
      await call(url, 'POST', '/sync/settings/push', {
        token: admin.token,
        body: [{ newDocumentState: setting }],
      }),
    );
    const after = value(
      await call<PullResponse>(url, 'GET', '/sync/settings/pull?checkpoint=0', { token: sales.token }),
    );
    expect(after.documents).toEqual([setting]);
  });
});
