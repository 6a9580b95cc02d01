// What a user does with what sync left on this device: the conflicts two devices' offline edits made
// (merge.ts keeps each losing value in a conflict record of the subject), listed live and resolved —
// by writing the other value into its record, or by letting it go. Resolving is the user's change to
// the record: it is audited (record ids and the field's name only, never the values). And what an admin
// does with the organisation's members: change a role or a status on the server. And the names members
// give themselves and their devices.
import type { z } from 'zod';
import { ACTIVITY_ITEMS } from '../activities';
import { CASE_CONFIG, CASE_ENTRY_CONFIG } from '../cases';
import { DEAL_CONFIG } from '../deals';
import type { ItemKindConfig, RecordDoc } from '../store';
import { recordAddress } from '../store';
import { TASK_ITEMS } from '../tasks';
import type { Session } from '../vault';
import { defineOperation } from '../workspace';
import { defineQuery } from '../workspace';
import { changeMemberOnServer, type MemberChangeInput } from './admin';
import { CONFLICT_KIND, type ConflictPayload } from './merge';
import { noteMemberRemoval } from './member-removals';
import { MEMBER_NAME_CONFIG, MEMBER_NAME_KIND, memberNameId, type NamedKind } from './member-names';

export interface Conflict extends ConflictPayload {
  /** The conflict record's own id. */
  readonly id: string;
  /** The subject whose records disagreed. */
  readonly subjectId: string;
}

type AnyItemConfig = ItemKindConfig<z.ZodType<Record<string, unknown>>>;

const ITEM_CONFIGS: ReadonlyMap<string, AnyItemConfig> = new Map(
  [ACTIVITY_ITEMS, TASK_ITEMS, DEAL_CONFIG, CASE_CONFIG, CASE_ENTRY_CONFIG].map(
    (config) => [config.kind, config as unknown as AnyItemConfig] as const,
  ),
);

/** Items shown with their subject's conflicts: they have no page of their own. */
export const SUBJECT_ITEM_KINDS: ReadonlySet<string> = new Set([
  ACTIVITY_ITEMS.kind,
  TASK_ITEMS.kind,
  CASE_ENTRY_CONFIG.kind,
]);

const openConflict = async (session: Session, doc: RecordDoc): Promise<Conflict | null> => {
  try {
    const key = await session.dataKey(doc.subjectId, doc.keyId);
    const payload = session.cipher.openJson(
      doc.payload,
      key,
      recordAddress(doc.id, doc.subjectId, doc.keyId),
    ) as ConflictPayload;
    return { ...payload, id: doc.id, subjectId: doc.subjectId };
  } catch {
    return null; // A conflict whose key is gone (erased subject) has nothing left to show.
  }
};

/** Every conflict of one subject: its own fields and those of its items (deals, cases, activities...). */
export const subjectConflicts = defineQuery(
  'sync.conflicts',
  [{ collection: 'records', kinds: [CONFLICT_KIND] }],
  async (workspace, subjectId: string): Promise<readonly Conflict[]> => {
    const docs = await workspace.db.records.find({ selector: { subjectId, kind: CONFLICT_KIND } }).exec();
    const open = await Promise.all(docs.map((doc) => openConflict(workspace, doc.toJSON() as RecordDoc)));
    return open.filter((c): c is Conflict => c !== null);
  },
);

/** Writes the losing value into its record; the repository validates it as any other edit. */
const applyConflict = async (workspace: Session, conflict: Conflict): Promise<void> => {
  const change = <T>(current: T): T => ({ ...current, [conflict.field]: conflict.losingValue });
  if (conflict.recordKind === 'person') await workspace.people.update(conflict.recordId, change);
  else if (conflict.recordKind === 'organisation')
    await workspace.organisations.update(conflict.recordId, change);
  else {
    const config = ITEM_CONFIGS.get(conflict.recordKind);
    if (!config) throw new Error(`No item kind ${conflict.recordKind}`);
    await workspace.items(config).update(conflict.recordId, change);
  }
};

export interface ResolveConflictInput {
  readonly conflictId: string;
  /** True: the other device's value replaces the kept one; false: it is let go. */
  readonly useOther: boolean;
}

/** Resolves one conflict: applies the other value (or not) and removes the conflict record. */
export const resolveConflict = defineOperation(
  'sync.resolveConflict',
  async (workspace, _actor, { conflictId, useOther }: ResolveConflictInput) => {
    const doc = await workspace.db.records.findOne(conflictId).exec();
    if (!doc || doc.kind !== CONFLICT_KIND) throw new Error('No such conflict');
    const conflict = await openConflict(workspace, doc.toJSON() as RecordDoc);
    if (conflict && useOther) await applyConflict(workspace, conflict);
    await doc.remove();
    return {
      result: undefined,
      audit: {
        action: 'update',
        kind: conflict?.recordKind ?? CONFLICT_KIND,
        recordIds: conflict ? [conflict.recordId] : [conflictId],
        details: {
          conflict: useOther ? 'applied' : 'dismissed',
          ...(conflict ? { field: conflict.field } : {}),
        },
      },
    };
  },
);

/**
 * Changes a member's role or status on the server (admins): audited as a 'role-change' once the server
 * made it; a change the server refuses changes nothing and leaves no entry.
 */
export const changeMember = defineOperation(
  'sync.changeMember',
  async (workspace, _actor, input: MemberChangeInput) => {
    const done = await changeMemberOnServer(input);
    // A removal is noted in the synced settings: the links the member's devices could read retire.
    if (done.result.ok && input.change.kind === 'remove')
      await noteMemberRemoval(workspace, input.userId, Date.now());
    return done;
  },
  { roles: ['admin'], mayChangeNothing: true },
);

export interface SetNameInput {
  readonly of: NamedKind;
  /** The user id ('local' for a vault not linked to a server) or the server's device id. */
  readonly id: string;
  readonly name: string;
}

/**
 * Names a member or a device (member-names.ts): stored encrypted with the organisation key and synced.
 * Audited by id only; the name is personal data and stays out of the trail. The server accepts the
 * document from a member's device for that member and that device only (write-rules.ts isOwnNameDoc).
 */
export const setName = defineOperation(
  'sync.setName',
  async (workspace, _actor, { of, id, name }: SetNameInput) => {
    const saved = await workspace.settings(MEMBER_NAME_CONFIG).put({ name }, memberNameId(of, id));
    return {
      result: saved.data.name,
      audit: { action: 'update', kind: MEMBER_NAME_KIND, recordIds: [id], details: { of } },
    };
  },
);
