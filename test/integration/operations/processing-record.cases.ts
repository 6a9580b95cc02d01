// Cases for shared/processing-record/operations.ts.
import { DEFAULT_PURPOSES } from '../../../shared/consent';
import { PURPOSE } from '../../../shared/purposes';
import { buildRopa } from '../../../shared/processing-record';
import type { Workspace } from '../../../shared/workspace';
import type { OperationCases } from './harness';

const purposes = async (workspace: Workspace) => {
  await workspace.settings(PURPOSE).seed(DEFAULT_PURPOSES);
  return (await workspace.settings(PURPOSE).list()).records;
};

export const cases: OperationCases = {
  'processing-record.addCustomField': {
    input: async (workspace) => ({
      entity: 'person',
      label: { en: 'Shoe size', nl: 'Schoenmaat' },
      category: 'professional',
      purposeIds: [(await purposes(workspace)).find((p) => p.data.active)!.id],
    }),
    audits: [{ action: 'create', kind: 'custom-field' }],
  },
  'processing-record.export': {
    input: async (workspace) => ({
      ropa: buildRopa(
        {
          controller: null,
          purposes: await purposes(workspace),
          processors: [],
          counts: { people: 0, organisations: 0, perPurpose: {}, perCategory: {} },
          devices: null,
          generatedAt: Date.UTC(2026, 9, 1),
        },
        'en',
      ),
      format: 'html',
      deliver: async () => 'ropa.html',
    }),
    audits: [{ action: 'export', kind: 'record-of-processing' }],
  },
};
