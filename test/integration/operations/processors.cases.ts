// Cases for shared/processors/operations.ts.
import { toBase64 } from '../../../shared/crypto';
import { saveProcessor } from '../../../shared/processors';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { OperationCases } from './harness';

const mailer = { name: 'Mailer BV', countries: ['NL'] };
const agreement = {
  name: 'dpa.txt',
  sha256: '0'.repeat(64),
  data: toBase64(new TextEncoder().encode('DPA')),
};

export const cases: OperationCases = {
  'processors.save': {
    input: async () => ({ id: null, input: mailer }),
    audits: [{ action: 'create', kind: 'processor' }],
  },
  'processors.remove': {
    input: async (workspace) => (await saveProcessor(workspace, LOCAL_ACTOR, { id: null, input: mailer })).id,
    audits: [{ action: 'delete', kind: 'processor' }],
  },
  'processors.saveDocument': {
    input: async (workspace) => ({
      processorId: (
        await saveProcessor(workspace, LOCAL_ACTOR, {
          id: null,
          input: { ...mailer, agreement: { file: agreement } },
        })
      ).id,
      documentId: null,
      deliver: async () => 'dpa.txt',
    }),
    audits: [{ action: 'export', kind: 'processor-document' }],
  },
};
