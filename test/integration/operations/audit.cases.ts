// Cases for shared/audit/operations.ts.
import type { OperationCases } from './harness';

export const cases: OperationCases = {
  'audit.sign-in': {
    input: () => Promise.resolve(undefined),
    audits: [{ action: 'sign-in', kind: 'session' }],
  },
};
