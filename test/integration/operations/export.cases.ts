// Cases for shared/export/operations.ts.
import { zeeland } from '../../fixtures/people';
import type { OperationCases } from './harness';

export const cases: OperationCases = {
  'export.list': {
    input: async (workspace) => {
      const organisation = await workspace.organisations.create(zeeland);
      return {
        kind: 'organisation',
        recordIds: [organisation.id],
        columns: ['Name', 'Website'],
        rows: [[zeeland.name, null]],
        format: 'csvSemicolon',
        sheetName: 'Organisations',
        fileName: 'organisations-2026-12-02',
        deliver: async () => 'organisations.csv',
      };
    },
    audits: [{ action: 'export', kind: 'organisation' }],
  },
};
