// Cases for shared/cases/operations.ts.
import { addCaseEntry, createCase, type CaseInput } from '../../../shared/cases';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { zeeland } from '../../fixtures/people';
import { onRecord, onSave, type OperationCases } from './harness';

const caseInput = async (workspace: Workspace): Promise<CaseInput> => {
  const organisation = await workspace.organisations.create(zeeland);
  return { subject: 'Factuur klopt niet', organisationId: organisation.id };
};

const aCase = async (workspace: Workspace) => createCase(workspace, LOCAL_ACTOR, await caseInput(workspace));

export const cases: OperationCases = {
  'cases.create': { input: caseInput, audits: [{ action: 'create', kind: 'case' }] },
  'cases.open': onRecord(aCase, 'view', 'case'),
  'cases.save': onSave(aCase, (data) => ({ ...data, subject: 'Factuur klopt nog steeds niet' }), 'case'),
  'cases.setStatus': {
    input: async (workspace) => ({ id: (await aCase(workspace)).id, status: 'resolved' }),
    audits: [{ action: 'update', kind: 'case' }],
  },
  'cases.addEntry': {
    input: async (workspace) => ({
      caseId: (await aCase(workspace)).id,
      entry: { type: 'reply', body: 'We kijken ernaar', authorId: 'local' },
    }),
    audits: [
      { action: 'create', kind: 'case-entry' },
      { action: 'update', kind: 'case' },
    ],
  },
  'cases.delete': {
    input: async (workspace) => {
      const c = await aCase(workspace);
      await addCaseEntry(workspace, LOCAL_ACTOR, {
        caseId: c.id,
        entry: { type: 'note', body: 'Intern', authorId: 'local' },
      });
      return c.id;
    },
    audits: [{ action: 'delete', kind: 'case' }],
  },
};
