// Cases for shared/bulk/operations.ts.
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

export const cases: OperationCases = {
  'bulk.update': {
    input: async (workspace) => ({
      recordedBy: { userId: 'local', deviceId: 'this-device' },
      selection: [(await workspace.people.create(annelies)).id],
      operation: { type: 'set-fields', tagsAdd: ['beurs-2026'] },
    }),
    audits: [{ action: 'bulk-update', kind: 'person' }],
  },
};
