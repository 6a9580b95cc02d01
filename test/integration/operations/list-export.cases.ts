// Cases for shared/list-export/operations.ts.
import { DEFAULT_PURPOSES } from '../../../shared/consent';
import { PURPOSE } from '../../../shared/purposes';
import { zeeland } from '../../fixtures/people';
import type { OperationCases } from './harness';

export const cases: OperationCases = {
  'listExport.export': {
    input: async (workspace) => {
      await workspace.settings(PURPOSE).seed(DEFAULT_PURPOSES);
      const purpose = (await workspace.settings(PURPOSE).list()).records[0]!;
      const organisation = await workspace.organisations.create(zeeland);
      return {
        kind: 'organisation',
        recordIds: [organisation.id],
        purposeId: purpose.id,
        channel: purpose.data.channels[0] ?? 'email',
        format: 'csvSemicolon',
        column: (c: string) => c,
        sheetName: 'Organisations',
        fileName: 'organisations-2026-12-02',
        deliver: async () => 'organisations.csv',
      };
    },
    audits: [{ action: 'export', kind: 'organisation' }],
  },
};
