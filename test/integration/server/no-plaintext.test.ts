// What the real client pushes through the real server, in every collection the server stores: no row of
// any table (both adapters), no byte of the SQLite files and no log line holds a name, an email, a phone
// number, a note, a setting, a compliance file or an audit entry's contents, a device token or an auth
// verifier — while the scan does find each collection's documents, as the client stored them. And after
// the server's own operations (conflicts, deletions, revocations, an erasure) on envelopes the test
// harness builds: not even an erased person's ciphertext is left.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTIONS, type Collection } from '../../../shared/sync/protocol';
import { annelies, bram, zeeland } from '../../fixtures/people';
import { PASSPHRASE } from '../../helpers/store';
import { admin, fixturePlace, join, MEMBER_PASSPHRASE } from '../sync/members';
import { ADAPTER_NAMES } from './adapters';
import { useServerFixture, useServers } from './server-fixture';
import {
  addMember,
  b64,
  call,
  createOrganisation,
  erasureOrder,
  newId,
  personRecord,
  value,
} from './harness';

const SECRETS = [annelies, bram].flatMap((p) => [
  p.givenName,
  p.familyName,
  ...(p.emails ?? []).map((e) => e.value),
]);

const NOTE = { kind: 'test-note', version: 1, schema: z.object({ text: z.string() }) };
const TEXT = { kind: 'test-text', version: 1, schema: z.object({ text: z.string() }) };
const CLIENT_SECRETS = {
  note: 'Belde over de offerte, wil terugbellen',
  setting: 'Nieuwsbrief voor vaste klanten',
  compliance: 'Verzoek tot inzage van mevrouw Verbeek',
  audit: 'geheim-kenmerk-7731',
  edit: 'Hoofd Inkoop',
};

describe.each(ADAPTER_NAMES)('what the real client pushes, the server cannot read: %s', (name) => {
  const fixture = useServerFixture(name);
  const place = fixturePlace(fixture, { appSync: true });

  it('holds every collection the client pushed, as ciphertext, and no name, text, token or verifier', async () => {
    let personId = '';
    const a = await admin(place, 0, {
      seed: async (session) => {
        const org = await session.organisations.create(zeeland);
        const person = await session.people.create({ ...annelies, organisationId: org.id });
        personId = person.id;
        await session.people.create(bram);
        await session.items(NOTE).create(person.id, { text: CLIENT_SECRETS.note });
        await session.settings(TEXT).put({ text: CLIENT_SECRETS.setting });
        await session.compliance(TEXT).put({ text: CLIENT_SECRETS.compliance });
        await session.audit.record({
          action: 'view',
          kind: 'person',
          recordIds: [person.id],
          details: { reference: CLIENT_SECRETS.audit },
        });
      },
    });
    // A member edits through their own device (their push is scanned too); the admin deletes someone.
    const m = await join(place, a);
    await m.session.people.update(personId, (p) => ({ ...p, jobTitle: CLIENT_SECRETS.edit }));
    await m.sync();
    const bramId = (await a.session.people.loadAll()).records.find((p) => p.data.givenName === 'Bram')!.id;
    await a.session.people.remove(bramId);
    await a.sync();
    expect((await a.session.people.get(personId)).data.jobTitle).toBe(CLIENT_SECRETS.edit);

    const rows = (await fixture.storage.dumpAllRows()).join('\n');
    // The scan sees what the clients pushed: in every collection, each document the admin's device holds
    // is on the server, its payload exactly as the client stored it.
    for (const collection of COLLECTIONS) {
      const local = (await a.db[collection as Collection].find().exec()).map(
        (d) => d.toJSON() as { id: string; payload: string },
      );
      expect(local.length, collection).toBeGreaterThan(0);
      const onServer = (await fixture.storage.pull(a.link.orgId, collection, 0, 1000)).docs.map(
        (d) => JSON.parse(d.doc) as { id: string; payload: string },
      );
      for (const doc of local) {
        expect(onServer.find((s) => s.id === doc.id)?.payload, `${collection} ${doc.id}`).toBe(doc.payload);
        expect(rows).toContain(doc.id);
      }
    }

    const files = (fixture.database.files?.() ?? [])
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'));
    const logs = fixture.server.logs.join('\n');
    const secrets = [
      ...[annelies, bram].flatMap((p) => [
        p.givenName,
        p.familyName,
        ...(p.emails ?? []).map((e) => e.value),
        ...(p.phones ?? []).map((e) => e.value),
      ]),
      zeeland.name,
      ...Object.values(CLIENT_SECRETS),
      PASSPHRASE,
      MEMBER_PASSPHRASE,
      a.link.token,
      m.link.token,
    ];
    for (const haystack of [rows, ...files, logs]) {
      for (const secret of secrets) expect(haystack).not.toContain(secret);
    }
  });
});

describe.each(ADAPTER_NAMES)('nothing the server stores can be read: %s', (name) => {
  const servers = useServers();

  it('holds no erased ciphertext, token or verifier after conflicts, deletions, revocations and an erasure on harness-built envelopes', async () => {
    const { database, storage, server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    const sales = await addMember(server.url, admin, 'sales');
    const push = (token: string, body: unknown, collection = 'records') =>
      call<unknown[]>(server.url, 'POST', `/sync/${collection}/push`, { token, body });
    const [a, b] = [await personRecord(annelies), await personRecord(bram)];
    value(await push(sales.token, [{ newDocumentState: a }, { newDocumentState: b }]));
    value(
      await push(
        admin.token,
        [{ newDocumentState: { id: newId(), keyId: 'org-1', payload: b64(96), _deleted: false } }],
        'keys',
      ),
    );
    const edited = {
      ...(await personRecord({ ...annelies, jobTitle: 'Directeur' }, a.id)),
      subjectId: a.subjectId,
    };
    value(await push(admin.token, [{ newDocumentState: edited, assumedMasterState: a }]));
    expect(
      value(await push(sales.token, [{ newDocumentState: { ...a, updatedAt: 2 }, assumedMasterState: a }])),
    ).toHaveLength(1);
    value(await push(sales.token, [{ newDocumentState: { ...b, _deleted: true }, assumedMasterState: b }]));
    value(await call(server.url, 'POST', `/devices/${sales.deviceId}/revoke`, { token: admin.token }));
    expect(
      value(
        await call<{ documents: unknown[] }>(server.url, 'GET', '/sync/records/pull', {
          token: admin.token,
        }),
      ).documents,
    ).toHaveLength(2);
    // Erasure and the lost-laptop drill write the ledger, confirmations and device checkpoints too.
    value(
      await call(server.url, 'POST', '/erasures', {
        token: admin.token,
        body: erasureOrder(admin.signing, admin.orgId, a.subjectId, newId()),
      }),
    );
    value(
      await call(server.url, 'POST', '/erasures/confirm', {
        token: admin.token,
        body: { subjectIds: [a.subjectId] },
      }),
    );
    value(await call(server.url, 'GET', `/devices/${sales.deviceId}/exposure`, { token: admin.token }));

    const rows = (await storage.dumpAllRows()).join('\n');
    expect(rows).toContain(a.id); // the scan does see the documents
    // Not even the ciphertext of the erased person is left on the server.
    for (const gone of [a.payload, edited.payload]) expect(rows).not.toContain(gone);
    const files = (database.files?.() ?? [])
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'));
    const logs = server.logs.join('\n');
    // Nor in the embedded database's files: freed space is zeroed and the log emptied after an erasure.
    for (const file of files)
      for (const gone of [a.payload, edited.payload]) expect(file).not.toContain(gone);
    for (const haystack of [rows, ...files, logs]) {
      for (const secret of [...SECRETS, admin.token, sales.token, admin.authVerifier, sales.authVerifier]) {
        expect(haystack).not.toContain(secret);
      }
    }
  });
});
