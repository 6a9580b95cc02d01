// Importing a file's people as an operation: the plan stored in one batch (new people, merges into people
// already here, new organisations), audited as one 'import' entry naming the batch, written the moment the
// people are stored (see commitImportInSteps).
import { defineOperation } from '../workspace';
import { commitImportInSteps, type CommitInput, type CommitOptions } from './commit';

export const commitImport = defineOperation(
  'import.commit',
  async (workspace, _actor, { signal, onProgress, ...input }: CommitInput & CommitOptions, step) => ({
    result: await commitImportInSteps(workspace, input, { signal, onProgress, step }),
    audit: [],
  }),
);
