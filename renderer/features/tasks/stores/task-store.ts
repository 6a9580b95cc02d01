// Every task in memory while the vault is unlocked: loaded once by the kind index (one query, decrypted
// in chunks) and kept live from the items change stream, so My day, a subject's tasks and reminders read
// them without touching the store again. Dropped on lock.
import { create } from 'zustand';
import { TASK_ITEMS, type TaskPayload } from '../../../../shared/tasks';
import type { Decrypted, RecordProblem } from '../../../../shared/store';
import type { ItemDoc } from '../../../../shared/store';
import type { Session } from '../../../../shared/vault';
import { useVaultStore } from '../../vault/stores/vault-store';

export type Task = Decrypted<TaskPayload>;

interface TaskState {
  readonly loaded: boolean;
  readonly tasks: ReadonlyMap<string, Task>;
  readonly problems: readonly RecordProblem[];
}

const empty: TaskState = { loaded: false, tasks: new Map(), problems: [] };

export const useTaskStore = create<TaskState>()(() => empty);

let current: Session | null = null;
let unsubscribe: (() => void) | undefined;

const follow = (session: Session) => {
  current = session;
  useTaskStore.setState(empty);
  const repo = session.items(TASK_ITEMS);
  let loaded = false;
  let chain = Promise.resolve();
  const pending = new Map<string, ItemDoc | null>();
  const flush = async () => {
    const batch = new Map(pending);
    pending.clear();
    const opened = await repo.openMany([...batch.values()].filter((d): d is ItemDoc => d !== null));
    if (session !== current) return;
    const tasks = new Map(useTaskStore.getState().tasks);
    for (const [id, doc] of batch) if (doc === null) tasks.delete(id);
    for (const record of opened.records) tasks.set(record.id, record);
    const problems = [
      ...useTaskStore.getState().problems.filter((p) => !batch.has(p.id)),
      ...opened.problems,
    ];
    useTaskStore.setState({ tasks, problems });
  };
  // Follow first, then load: a change made meanwhile is applied after the load, never lost.
  const subscription = session.db.items.$.subscribe((event) => {
    const doc = (event.documentData ?? event.previousDocumentData) as ItemDoc | undefined;
    if (!doc || doc.kind !== TASK_ITEMS.kind) return;
    const removed = event.operation === 'DELETE' || (doc as { _deleted?: boolean })._deleted === true;
    pending.set(event.documentId, removed ? null : doc);
    if (loaded) chain = chain.then(flush).catch(() => undefined);
  });
  unsubscribe = () => subscription.unsubscribe();
  chain = repo.loadAll().then(
    async (all) => {
      if (session !== current) return;
      useTaskStore.setState({
        loaded: true,
        tasks: new Map(all.records.map((r) => [r.id, r])),
        problems: all.problems,
      });
      loaded = true;
      if (pending.size) await flush();
    },
    () => {
      if (session === current) useTaskStore.setState({ loaded: true });
    },
  );
};

const stop = () => {
  unsubscribe?.();
  unsubscribe = undefined;
  current = null;
  useTaskStore.setState(empty);
};

const sync = (session: Session | null, unlocked: boolean) => {
  if (session && unlocked) {
    if (session !== current) {
      stop();
      follow(session);
    }
  } else if (current) stop();
};

useVaultStore.subscribe((s) => sync(s.session, s.phase === 'unlocked'));
sync(useVaultStore.getState().session, useVaultStore.getState().phase === 'unlocked');
