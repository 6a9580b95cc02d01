// Cases for shared/reports/operations.ts.
import type { OperationCases } from './harness';

export const cases: OperationCases = {
  'reports.export': {
    input: async () => ({
      filter: { from: '2026-01-01', to: '2026-12-31', ownerId: null, currency: 'EUR' },
      format: 'xlsx',
      texts: {
        title: (id: string) => id,
        column: (_id: string, column: string) => column,
        owner: (userId: string) => userId,
        stage: (stageId: string) => stageId,
        outcome: (outcome: string) => outcome,
        status: (status: string) => status,
        age: (age: string) => age,
        noReason: '-',
      },
      language: 'en',
      title: 'Reports',
      scope: '2026',
      fileName: 'reports-2026',
      deliver: async () => 'reports-2026.xlsx',
    }),
    audits: [{ action: 'export', kind: 'report' }],
  },
};
