// Why Delete is not offered for a person or organisation (shared/sync/delete-rule.ts), live: checked
// again after each change to the subject's items, so the client never pushes what the server refuses.
import type { Role } from '../workspace/roles';
import { deleteBlock, type DeleteBlock } from '../sync/delete-rule';
import { defineQuery } from '../workspace/query';

export const subjectDeleteBlock = defineQuery(
  'directory.deleteBlock',
  [{ collection: 'items' }],
  (
    workspace,
    {
      subjectId,
      role,
      linked,
    }: { readonly subjectId: string; readonly role: Role; readonly linked: boolean },
  ): Promise<DeleteBlock | null> => deleteBlock(workspace.db, subjectId, { role, linked }),
);
