// Cases for shared/directory/operations.ts: people and organisations.
import { createOrganisation, createPerson } from '../../../shared/directory';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies, zeeland } from '../../fixtures/people';
import { onRecord, type OperationCases } from './harness';

const recordedBy = { userId: 'local', deviceId: 'this-device' };
/** Saving a subject `make` stores first as `input`: its update and the field history it writes. */
const saved = (make: (workspace: Workspace) => Promise<{ id: string }>, input: object, kind: string) => ({
  input: async (workspace: Workspace) => ({ id: (await make(workspace)).id, input, recordedBy }),
  audits: [
    { action: 'update', kind },
    { action: 'update', kind: 'field-change' },
  ] as const,
});
const aPerson = (workspace: Workspace) => createPerson(workspace, LOCAL_ACTOR, annelies);
const anOrganisation = (workspace: Workspace) => createOrganisation(workspace, LOCAL_ACTOR, zeeland);

export const cases: OperationCases = {
  'people.create': { input: async () => annelies, audits: [{ action: 'create', kind: 'person' }] },
  'people.open': onRecord(aPerson, 'view', 'person'),
  'people.save': saved(aPerson, { ...annelies, jobTitle: 'Directeur' }, 'person'),
  'people.delete': onRecord(aPerson, 'delete', 'person'),
  'organisations.create': {
    input: async () => zeeland,
    audits: [{ action: 'create', kind: 'organisation' }],
  },
  'organisations.open': onRecord(anOrganisation, 'view', 'organisation'),
  'organisations.save': saved(anOrganisation, { ...zeeland, website: 'https://example.org' }, 'organisation'),
  'organisations.delete': onRecord(anOrganisation, 'delete', 'organisation'),
};
