// Cases for shared/processors/operations.ts.
import { saveProcessor } from '../../../shared/processors';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { OperationCases } from './harness';

const mailer = { name: 'Mailer BV', countries: ['NL'] };

export const cases: OperationCases = {
  'processors.save': {
    input: async () => ({ id: null, input: mailer }),
    audits: [{ action: 'create', kind: 'processor' }],
  },
  'processors.remove': {
    input: async (workspace) => (await saveProcessor(workspace, LOCAL_ACTOR, { id: null, input: mailer })).id,
    audits: [{ action: 'delete', kind: 'processor' }],
  },
};
