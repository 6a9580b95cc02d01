// Why Delete is not offered for a person or organisation (shared/sync/delete-rule.ts), live: checked
// again after each change to the subject's items, so the client never pushes what the server refuses.
// And where each person's data came from, for filtering people by source.
import { PERSON_KIND } from '../people';
import type { SourceMethod } from '../people';
import type { Role } from '../workspace';
import { deleteBlock, type DeleteBlock } from '../sync';
import { defineQuery } from '../workspace';

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

/** Where each person's data came from (the bulk selection's source filter), by person id. */
export const peopleSources = defineQuery(
  'directory.peopleSources',
  [{ collection: 'records', kinds: [PERSON_KIND] }],
  async (workspace): Promise<Map<string, SourceMethod>> => {
    const { records } = await workspace.people.loadAll();
    return new Map(records.map((p) => [p.id, p.data.source.method]));
  },
);
