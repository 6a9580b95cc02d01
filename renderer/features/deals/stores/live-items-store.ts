// Every item of one kind, decrypted in memory while the vault is unlocked and kept current from the
// items collection's change stream (local edits, sync, and erasures that tombstone a subject's items).
// Deals and cases each use one; nothing decrypted is written anywhere.
import type { z } from 'zod';
import { create } from 'zustand';
import type { ItemKindConfig } from '../../../../shared/store';
import type { Decrypted, RecordProblem } from '../../../../shared/store';
import type { ItemDoc } from '../../../../shared/store';
import type { Session } from '../../../../shared/vault';
import { useVaultStore } from '../../vault/stores/vault-store';

export interface LiveItemsState<P> {
  readonly session: Session | null;
  readonly byId: ReadonlyMap<string, Decrypted<P>>;
  /** The items in no particular order; a new array after every change (for memo dependencies). */
  readonly items: readonly Decrypted<P>[];
  readonly loaded: boolean;
  readonly problems: readonly RecordProblem[];
}

interface Follower {
  readonly start: (session: Session) => Promise<void>;
  readonly stop: () => void;
  /** Resolves once every change seen so far is applied (tests). */
  readonly settle: () => Promise<void>;
}

export const createLiveItemsStore = <S extends z.ZodType<Record<string, unknown>>>(
  config: ItemKindConfig<S>,
) => {
  type P = z.output<S>;
  const empty: LiveItemsState<P> = { session: null, byId: new Map(), items: [], loaded: false, problems: [] };
  const store = create<LiveItemsState<P>>()(() => empty);

  let current: Session | null = null;
  let unsubscribe: (() => void) | undefined;
  let chain: Promise<void> = Promise.resolve();
  // Changes gathered between flushes: an envelope to open, or null for a removal.
  let pending = new Map<string, ItemDoc | null>();
  let flushQueued = false;

  const apply = async (session: Session): Promise<void> => {
    const batch = pending;
    pending = new Map();
    flushQueued = false;
    if (session !== current || !batch.size) return;
    const toOpen = [...batch.values()].filter((d): d is ItemDoc => d !== null);
    const opened = await session.items(config).openMany(toOpen);
    if (session !== current) return;
    const byId = new Map(store.getState().byId);
    for (const [id, doc] of batch) if (doc === null) byId.delete(id);
    for (const record of opened.records) byId.set(record.id, record);
    const failed = new Set(opened.problems.map((p) => p.id));
    const problems = [
      ...store.getState().problems.filter((p) => !batch.has(p.id)),
      ...opened.problems.filter((p) => failed.has(p.id)),
    ];
    store.setState({ byId, items: [...byId.values()], problems });
  };

  const follower: Follower = {
    async start(session) {
      if (current === session) return chain;
      follower.stop();
      current = session;
      store.setState({ ...empty, session });
      const subscription = session.db.items.$.subscribe((event) => {
        const doc = (event.documentData ?? event.previousDocumentData) as ItemDoc | undefined;
        if (!doc || doc.kind !== config.kind) return;
        const removed = event.operation === 'DELETE' || (doc as { _deleted?: boolean })._deleted === true;
        pending.set(event.documentId, removed ? null : doc);
        if (flushQueued) return;
        flushQueued = true;
        chain = chain.then(() => apply(session)).catch(() => undefined);
      });
      unsubscribe = () => subscription.unsubscribe();
      // Follow first, then load: a change made meanwhile is applied after the load, never lost.
      chain = chain
        .then(async () => {
          const all = await session.items(config).loadAll();
          if (session !== current) return;
          const byId = new Map(all.records.map((r) => [r.id, r]));
          store.setState({ byId, items: [...byId.values()], loaded: true, problems: all.problems });
        })
        .catch(() => {
          if (session === current) store.setState({ loaded: true });
        });
      return chain;
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      current = null;
      pending = new Map();
      flushQueued = false;
      store.setState(empty);
    },
    settle: () => chain,
  };

  // Load on unlock, drop everything on lock: the palette and the board need the items at hand.
  const follow = (session: Session | null, unlocked: boolean) => {
    if (session && unlocked) void follower.start(session);
    else if (current) follower.stop();
  };
  useVaultStore.subscribe((s) => follow(s.session, s.phase === 'unlocked'));
  const initial = useVaultStore.getState();
  follow(initial.session, initial.phase === 'unlocked');

  return Object.assign(store, { follower });
};
