// Cases for shared/directory/operations.ts: people and organisations.
import { createOrganisation, createPerson } from '../../../shared/directory';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies, zeeland } from '../../fixtures/people';
import { onRecord, type OperationCases } from './harness';

const recordedBy = { userId: 'local', deviceId: 'this-device' };
const aPerson = (workspace: Workspace) => createPerson(workspace, LOCAL_ACTOR, annelies);
const anOrganisation = (workspace: Workspace) => createOrganisation(workspace, LOCAL_ACTOR, zeeland);

export const cases: OperationCases = {
  'people.create': { input: async () => annelies, audits: [{ action: 'create', kind: 'person' }] },
  'people.open': onRecord(aPerson, 'view', 'person'),
  'people.save': {
    input: async (workspace) => ({
      id: (await aPerson(workspace)).id,
      input: { ...annelies, jobTitle: 'Directeur' },
      recordedBy,
    }),
    audits: [
      { action: 'update', kind: 'person' },
      { action: 'update', kind: 'field-change' },
    ],
  },
  'people.delete': onRecord(aPerson, 'delete', 'person'),
  'organisations.create': {
    input: async () => zeeland,
    audits: [{ action: 'create', kind: 'organisation' }],
  },
  'organisations.open': onRecord(anOrganisation, 'view', 'organisation'),
  'organisations.save': {
    input: async (workspace) => ({
      id: (await anOrganisation(workspace)).id,
      input: { ...zeeland, website: 'https://example.org' },
      recordedBy,
    }),
    audits: [
      { action: 'update', kind: 'organisation' },
      { action: 'update', kind: 'field-change' },
    ],
  },
  'organisations.delete': onRecord(anOrganisation, 'delete', 'organisation'),
};
