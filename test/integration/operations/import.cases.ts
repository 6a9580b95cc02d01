// Cases for shared/import/operations.ts.
import type { OperationCases } from './harness';
import { importPerson } from '../../fixtures/import-person';

export const cases: OperationCases = {
  'import.commit': {
    input: async () => ({
      file: 'klanten.csv',
      obtainedOn: '2026-11-20',
      purpose: { name: 'Sales follow-up', lawfulBasis: 'legitimate_interests' },
      plan: {
        create: [
          {
            rows: [2],
            person: importPerson('Ruud', 'Hof'),
          },
        ],
        merge: [],
        mergedWithinFile: 0,
        skipped: [],
      },
    }),
    audits: [{ action: 'import', kind: 'person' }],
  },
};
