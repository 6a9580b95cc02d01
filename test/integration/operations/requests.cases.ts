// Cases for the operations of the data subject rights: shared/requests, access, portability and erasure
// operations.ts.
import { DEFAULT_CONTROLLER, DEFAULT_PURPOSES, PURPOSE_SALES_SERVICE } from '../../../shared/consent';
import { CONTROLLER, CONTROLLER_ID, PURPOSE, recordBasis } from '../../../shared/purposes';
import { createRequest, verifyIdentity } from '../../../shared/requests';
import type { ErasureCertificate } from '../../../shared/erasure';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCase, OperationCases } from './harness';

/** A request about a new person, its identity verified (what answering it needs) unless said otherwise. */
const aRequest = async (
  workspace: Workspace,
  right: 'access' | 'portability' | 'erasure',
  verified = true,
) => {
  const person = await workspace.people.create(annelies);
  if (right === 'portability') {
    // Art. 20 applies to data held on consent or a contract.
    await workspace.settings(PURPOSE).seed(DEFAULT_PURPOSES);
    await recordBasis(workspace, LOCAL_ACTOR, {
      recordedBy: { userId: 'local', deviceId: 'this-device' },
      personId: person.id,
      purposeId: PURPOSE_SALES_SERVICE,
      basis: 'contract',
    });
  }
  const request = await createRequest(workspace, LOCAL_ACTOR, {
    subjectId: person.id,
    right,
    receivedOn: '2026-11-20',
    channel: 'email',
  });
  if (verified) await verifyIdentity(workspace, LOCAL_ACTOR, { id: request.id, method: 'id_document' });
  return { subjectId: person.id, requestId: request.id };
};

const certificate: ErasureCertificate = {
  requestId: 'r0000000000000000000001',
  subjectId: 's0000000000000000000001',
  subjectKind: 'person',
  erasedAt: Date.UTC(2026, 10, 20),
  erasedBy: 'local',
  erased: { person: 1 },
  kept: [],
  ledger: 'local-only',
  devices: [],
  checkedAt: null,
};

/** A change to a request filed for the case: its input names the request, and it is audited as an update. */
const change = (fields: Readonly<Record<string, unknown>>): OperationCase => ({
  input: async (workspace) => ({ id: (await aRequest(workspace, 'access', false)).requestId, ...fields }),
  audits: [{ action: 'update', kind: 'subject-request' }],
});

export const cases: OperationCases = {
  'requests.create': {
    input: async () => ({
      subjectId: null,
      requester: { name: 'R. Vos' },
      right: 'access',
      receivedOn: '2026-11-20',
      channel: 'post',
    }),
    audits: [{ action: 'create', kind: 'subject-request' }],
  },
  'requests.verify': change({ method: 'known_contact_details' }),
  'requests.extend': change({ months: 1, reasons: 'Many records', at: Date.UTC(2026, 10, 21) }),
  'requests.setStatus': change({ status: 'verifying' }),
  'requests.decide': change({ outcome: 'refused', reasons: 'Manifestly unfounded' }),
  'requests.recordSent': change({ what: 'Letter', channel: 'post' }),
  'requests.link': change({ fieldChangeIds: ['change0001'] }),
  'erasure.erase': {
    input: async (workspace) => {
      const { subjectId, requestId } = await aRequest(workspace, 'erasure');
      return { subjectId, requestId };
    },
    // The erasure, and the erasure request it closes with the certificate linked.
    audits: [
      { action: 'erasure', kind: 'person' },
      { action: 'update', kind: 'subject-request' },
    ],
  },
  'requests.open': {
    input: async (workspace) => (await aRequest(workspace, 'access')).requestId,
    audits: [{ action: 'view', kind: 'subject-request' }],
  },
  'access.export': {
    input: async (workspace) => {
      // The report names the controller: the organisation must be named first.
      await workspace
        .settings(CONTROLLER)
        .put({ ...DEFAULT_CONTROLLER, name: 'Voorbeeld BV' }, CONTROLLER_ID);
      return { ...(await aRequest(workspace, 'access')), deliver: async () => 'access.zip' };
    },
    audits: [{ action: 'export', kind: 'access-package' }],
  },
  'portability.export': {
    input: async (workspace) => ({
      ...(await aRequest(workspace, 'portability')),
      deliver: async () => 'portable.zip',
    }),
    audits: [{ action: 'export', kind: 'portable-data' }],
  },
  'erasure.exportCertificate': {
    input: async () => ({ certificate, format: 'json', text: '{}', deliver: async () => 'certificate.json' }),
    audits: [{ action: 'export', kind: 'erasure-certificate' }],
  },
};
