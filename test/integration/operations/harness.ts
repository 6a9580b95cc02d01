// What each area's operation cases share: a real workspace (RxDB memory storage, real libsodium) and the
// shape of one case. Every `*.cases.ts` file beside this one exports `cases` for the operations of its area;
// every-operation.test.ts runs them all and fails for an operation that has no case.
import { afterEach, beforeEach } from 'vitest';
import type { AuditAction } from '../../../shared/audit';
import type { KluisDatabase } from '../../../shared/store';
import { LOCAL_ACTOR, type Actor, type Workspace } from '../../../shared/workspace';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { annelies } from '../../fixtures/people';

export interface OperationCase {
  /** Prepares what the operation needs (records it acts on) and returns its input. */
  readonly input: (workspace: Workspace) => Promise<unknown>;
  /** The audit entries the operation must leave: action and kind of each. */
  readonly audits: readonly { readonly action: AuditAction; readonly kind: string }[];
  /** Who performs it; the local admin by default. */
  readonly actor?: Actor;
}

export type OperationCases = Readonly<Record<string, OperationCase>>;

/** The id of a person stored first, for operations on items about a subject. */
export const aSubject = async (workspace: Workspace) => (await workspace.people.create(annelies)).id;

/** The input of an operation that stores `input` about a subject: a person stored first. */
export const aboutASubject =
  <I>(input: I) =>
  async (workspace: Workspace) => ({ subjectId: await aSubject(workspace), input });

/** The case of an operation on one record: its input is the id of a record `make` creates first. */
export const onRecord = (
  make: (workspace: Workspace) => Promise<{ id: string }>,
  action: AuditAction,
  kind: string,
): OperationCase => ({ input: async (workspace) => (await make(workspace)).id, audits: [{ action, kind }] });

/** The case of saving a record `make` creates first, its data changed by `change`: one update of `kind`. */
export const onSave = <T>(
  make: (workspace: Workspace) => Promise<{ id: string; data: T }>,
  change: (data: T) => T,
  kind: string,
): OperationCase => ({
  input: async (workspace) => {
    const record = await make(workspace);
    return { id: record.id, input: change(record.data) };
  },
  audits: [{ action: 'update', kind }],
});

export const openWorkspace = async (): Promise<{ workspace: Workspace; db: KluisDatabase }> => {
  const db = await memoryDatabase();
  const workspace = await (await testVault(db)).create(PASSPHRASE);
  return { workspace, db };
};

export const DEFAULT_ACTOR = LOCAL_ACTOR;

/**
 * A workspace of its own for each test of the describe block that calls this, locked and removed after
 * the test (the territory apply tests): read `workspace` and `db` inside the test.
 */
export const workspacePerTest = (): { readonly workspace: Workspace; readonly db: KluisDatabase } => {
  let opened: { workspace: Workspace; db: KluisDatabase } | undefined;
  beforeEach(async () => {
    opened = await openWorkspace();
  });
  afterEach(async () => {
    opened!.workspace.lock();
    await opened!.db.remove();
  });
  return {
    get workspace() {
      return opened!.workspace;
    },
    get db() {
      return opened!.db;
    },
  };
};
