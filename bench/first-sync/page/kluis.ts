// The Kluis side of the first-sync benchmark: the renderer's own stores, as the app runs them, on a fresh
// browser profile. The vault store opens the renderer's database (RxDB on Dexie/IndexedDB), the join store
// signs in on this new device (sign-in, link saved, directory loaded), and the sync store resumes sync as
// the app shell does once a session is there (the real SyncClient, conflict handlers, erasure ledger). The
// clock runs from the sign-in until the People list's count (directory.people(), as PeoplePage counts
// it) shows everyone, and until the sync status says done. Driven by bench/first-sync.ts through
// `globalThis.kluisFirstSync`; every timing is taken here with performance.now().
import '../../../renderer/platform/zod-config';
import { BrowserPlatform } from '../../../renderer/platform/browser-platform';
import { openLocalDatabase } from '../../../renderer/platform/storage';
import { useJoinStore } from '../../../renderer/features/sync/stores/join-store';
import { useSyncStore } from '../../../renderer/features/sync/stores/sync-store';
import { useVaultStore } from '../../../renderer/features/vault/stores/vault-store';
import { SNAPSHOT_ID } from '../../../shared/directory/snapshot';
import { eachChange } from '../../../shared/store';
import type { SyncStatus } from '../../../shared/sync';
import { log, summarise, watchLongTasks } from './long-tasks';

export interface FirstSyncInput {
  readonly userId: string;
  readonly passphrase: string;
  readonly people: number;
  readonly timeoutMs: number;
}

/** What the status line shows as "online, last synced …": not syncing, nothing pending, no error. */
const saysDone = (status: SyncStatus | null): boolean =>
  !!status &&
  status.online &&
  !status.syncing &&
  status.pending === 0 &&
  status.error === null &&
  status.lastSyncedAt !== null;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Searches the directory as the People list's search field does, a few queries, each timed. */
const searchAfterSync = (search: (query: string) => readonly unknown[]) =>
  ['jansen', 'de vries', 'annelies', 'voorbeeld.nl', '06 12'].map((query) => {
    const start = performance.now();
    const hits = search(query).length;
    return { query, ms: round(performance.now() - start), hits };
  });

const firstSync = async ({ userId, passphrase, people, timeoutMs }: FirstSyncInput) => {
  const vault = useVaultStore.getState();
  await vault.start({ openDatabase: openLocalDatabase, keyStore: new BrowserPlatform().keyStore });
  if (useVaultStore.getState().phase !== 'new')
    throw new Error(`expected a fresh profile, the vault is ${useVaultStore.getState().phase}`);

  const longTasks = watchLongTasks();
  const start = performance.now();
  const at = () => round(performance.now() - start);
  const failure = await useJoinStore.getState().signIn(globalThis.location.origin, userId, passphrase);
  if (failure) throw new Error(`sign-in failed: ${failure.error}`);
  const signInMs = at();
  const { session, directory } = useVaultStore.getState();
  if (!session || !directory) throw new Error('signed in, but the vault store holds no session');

  // How often the directory's encrypted snapshot is rewritten during the sync: each rewrite seals every
  // row of the list, so one per page costs time and memory that grow with the square of the people.
  let snapshotWrites = 0;
  // By bulks: RxDB's per-event `$` would keep every event it hands out (shared/store/change-events.ts).
  const snapshots = eachChange(session.db.vault, (event) => {
    if (event.documentId === SNAPSHOT_ID) snapshotWrites++;
  });

  // The list's count over time (each change of it), and the status line's first claims.
  const counts: [number, number][] = [[signInMs, directory.people().length]];
  let firstDoneClaimMs: number | null = null;
  let firstLastSyncedMs: number | null = null;
  let listMs: number | null = null;
  let doneMs: number | null = null;

  const finished = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not done after ${timeoutMs} ms: list ${directory.people().length}`)),
      timeoutMs,
    );
    const check = () => {
      const count = directory.people().length;
      if (count !== counts[counts.length - 1]![1]) counts.push([at(), count]);
      const status = useSyncStore.getState().status;
      if (status?.lastSyncedAt != null && firstLastSyncedMs === null) firstLastSyncedMs = at();
      const done = saysDone(status);
      if (done && firstDoneClaimMs === null) firstDoneClaimMs = at();
      if (listMs === null && count >= people) {
        listMs = at();
        log(`list shows ${count.toLocaleString('en')} people at ${(listMs / 1000).toFixed(1)} s`);
      }
      if (listMs !== null && done && doneMs === null) doneMs = at();
      if (listMs !== null && doneMs !== null) {
        clearTimeout(timer);
        unsubscribeList();
        unsubscribeStatus();
        resolve();
      }
    };
    const unsubscribeList = directory.subscribe(check);
    const unsubscribeStatus = useSyncStore.subscribe(check);
  });
  // The app shell resumes sync once the session is there (AppShell's effect).
  void useSyncStore.getState().resume(session);
  await finished;
  const tasks = longTasks.stop();
  snapshots.unsubscribe();
  const search = searchAfterSync((query) => directory.searchPeople(query));
  await useSyncStore.getState().stop();
  return {
    signInMs,
    listMs: listMs!,
    syncDoneMs: doneMs!,
    firstDoneClaimMs,
    firstLastSyncedMs,
    listCount: directory.people().length,
    counts,
    snapshotWrites,
    /** From the sign-in on, which includes Argon2id (at the server's KDF parameters) on this thread. */
    longTasks: summarise(tasks),
    /** Once signed in: while the sync runs and the list fills. */
    syncLongTasks: summarise(tasks, signInMs),
    search,
  };
};

Object.assign(globalThis, { kluisFirstSync: { firstSync } });
log('ready');
