// After a full round of sync traffic, no row of any table (both adapters), no byte of the SQLite files and
// no log line holds a test person's name or email, a device token or an auth verifier; and once a person
// is erased, not even their ciphertext is left.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annelies, bram } from '../../fixtures/people';
import { ADAPTER_NAMES, ADAPTERS } from './adapters';
import {
  addMember,
  b64,
  call,
  createOrganisation,
  erasureOrder,
  newId,
  personRecord,
  startServer,
  value,
} from './harness';

const SECRETS = [annelies, bram].flatMap((p) => [
  p.givenName,
  p.familyName,
  ...(p.emails ?? []).map((e) => e.value),
]);

describe.each(ADAPTER_NAMES)('nothing the server stores can be read: %s', (name) => {
  it('holds only ciphertext, hashes and random ids after pushes, conflicts, deletions and revocations', async () => {
    const database = await ADAPTERS[name]();
    const storage = await database.open();
    await storage.migrate();
    const server = await startServer(storage);
    try {
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
    } finally {
      await server.close();
      await storage.close();
      await database.destroy();
    }
  });
});
