// Cases for shared/sync/operations.ts: resolving a conflict that sync left on a person, changing a
// member's role on the server, and naming oneself.
import { recordAddress } from '../../../shared/store';
import { CONFLICT_KIND, CONFLICT_VERSION, type ConflictPayload } from '../../../shared/sync';
import type { Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

/** A conflict record as merge.ts leaves it: the other device's job title for a person. */
const aConflict = async (workspace: Workspace): Promise<string> => {
  const person = await workspace.people.create(annelies);
  const doc = await workspace.db.records.findOne(person.id).exec();
  if (!doc) throw new Error('The person was not stored');
  const id = `conflict-${person.id}`;
  const payload: ConflictPayload = {
    recordId: person.id,
    recordKind: 'person',
    field: 'jobTitle',
    losingValue: 'Inkoper',
    winningValue: annelies.jobTitle,
    losingUpdatedAt: doc.updatedAt - 1,
    winningUpdatedAt: doc.updatedAt,
  };
  const key = await workspace.dataKey(doc.subjectId, doc.keyId);
  await workspace.db.records.insert({
    id,
    kind: CONFLICT_KIND,
    subjectId: doc.subjectId,
    keyId: doc.keyId,
    v: CONFLICT_VERSION,
    payload: workspace.cipher.sealJson(payload, key, recordAddress(id, doc.subjectId, doc.keyId)),
    updatedAt: doc.updatedAt,
  });
  return id;
};

export const cases: OperationCases = {
  'sync.resolveConflict': {
    input: async (workspace) => ({ conflictId: await aConflict(workspace), useOther: true }),
    audits: [{ action: 'update', kind: 'person' }],
  },
  'sync.changeMember': {
    // This walk runs without a server: the stand-in answers the role change as the server does (what the
    // real server answers, and that its entry is written, test/integration/sync/members.test.ts checks).
    input: async () => ({
      fetch: async () =>
        new Response(
          JSON.stringify({
            ok: true,
            value: { id: 'user-b', role: 'service', status: 'active', revoked: 0 },
          }),
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
      link: { serverUrl: 'https://kluis.example', token: 'token' },
      userId: 'user-b',
      change: { kind: 'role', role: 'service' },
    }),
    audits: [{ action: 'role-change', kind: 'user' }],
  },
  'sync.setName': {
    input: async () => ({ of: 'user', id: 'local', name: 'Anna de Vries' }),
    audits: [{ action: 'update', kind: 'member-name' }],
  },
};
