// Two territories and three users against the real server with its territory store (issue 19, point 2):
// an admin on a memory database, and two sales users whose databases (Dexie over a fake IndexedDB) are
// closed and opened again, since RxDB's open-source build keeps two client databases open at a time.
import { afterEach, beforeEach } from 'vitest';
import { getChangedDocumentsSince, type RxCollection } from 'rxdb';
import { z } from 'zod';
import {
  openPostgresTerritories,
  openSqliteTerritories,
  type TerritoryStore,
} from '../../../server/storage/territories';
import type { Storage } from '../../../server/storage/types';
import type { KluisDatabase } from '../../../shared/store/database';
import type { Fetch, Role } from '../../../shared/sync';
import type { PendingJoin } from '../../../shared/sync/join';
import { guardedFetch, refreshHeldTerritories, TerritoryGuard } from '../../../shared/territories';
import { dexieDatabase, newIndexedDb, testVault } from '../../helpers/store';
import { ADAPTERS, POSTGRES_URL, type AdapterName, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import type { Rewrite } from '../sync/lying-server';
import {
  device,
  inviteAndLetIn,
  MEMBER_PASSPHRASE,
  memoryPlace,
  ok,
  type Device,
  type Place,
} from '../sync/members';

export const NOTE = { kind: 'test-note', version: 1, schema: z.object({ text: z.string() }) };

export interface TerritoryServer {
  readonly server: RunningServer;
  readonly storage: Storage;
  readonly territories: TerritoryStore;
  readonly place: Place;
}

/** The real server with its territory store on the adapter, fresh for each test. */
export const useTerritoryServer = (adapter: AdapterName): { readonly current: TerritoryServer } => {
  let database: TestDatabase | undefined;
  let current: Omit<TerritoryServer, 'place'> | undefined;
  beforeEach(async () => {
    database = await ADAPTERS[adapter]();
    const storage = await database.open();
    await storage.migrate();
    const territories =
      adapter === 'sqlite'
        ? openSqliteTerritories(database.files!()[0]!)
        : await openPostgresTerritories({ connectionString: POSTGRES_URL, schema: database.schema! });
    await territories.migrate();
    const server = await startServer(storage, { territories });
    current = { server, storage, territories };
  });
  afterEach(async () => {
    if (current) {
      await current.server.close();
      await current.territories.close();
      await current.storage.close();
    }
    await database?.destroy();
    current = undefined;
  });
  const get = () => {
    if (!current) throw new Error('no server outside a test');
    return current;
  };
  // Registered after the server's hooks, so its databases are removed before the server closes.
  const place = memoryPlace({
    get url() {
      return get().server.url;
    },
  });
  return {
    get current() {
      return { ...get(), place };
    },
  };
};

/** A sales user's device whose database can be closed and opened again; its guard sees every pull. */
export interface FieldDevice {
  readonly idb: ReturnType<typeof newIndexedDb>;
  readonly link: Device['link'];
  /** Opens the database, unlocks it with the member's passphrase; close() closes it again. */
  open(): Promise<OpenField>;
}

export interface OpenField extends Device {
  readonly guard: TerritoryGuard;
  /** One sync through the guard, over `via` (a lying server) when given. */
  syncGuarded(via?: Fetch): Promise<void>;
  close(): Promise<void>;
}

/**
 * The field device of a member who joined on the database `name` in `idb` (`db`, open): finishes the join
 * there, locks the session and closes the database; open() opens it again.
 */
export const finishedField = async (
  place: Place,
  joined: PendingJoin,
  db: KluisDatabase,
  idb: ReturnType<typeof newIndexedDb>,
  name?: string,
): Promise<FieldDevice> => {
  ok(await joined.finish(fetch, db)).lock();
  await db.close();
  const link = joined.link;
  return {
    idb,
    link,
    async open() {
      const reopened = await dexieDatabase(idb, name);
      const unlocked = await (await testVault(reopened)).unlock(MEMBER_PASSPHRASE);
      const d = device(place, reopened, unlocked, link);
      const guard = new TerritoryGuard(unlocked, link.role);
      return {
        ...d,
        guard,
        syncGuarded: (via = fetch) => d.sync(guardedFetch(via, guard)),
        async close() {
          unlocked.lock();
          await reopened.close();
        },
      };
    },
  };
};

/**
 * A sales user (or `role`) invited by the admin and joined on a database of their own, not synced yet (the
 * admin's device pins their public key while letting them in), then closed.
 */
export const fieldUser = async (
  place: Place,
  admin: Device,
  options: { role?: Role } = {},
): Promise<FieldDevice> => {
  const idb = newIndexedDb();
  const { joined, db } = await inviteAndLetIn(place, admin, { ...options, openDb: () => dexieDatabase(idb) });
  return finishedField(place, joined, db, idb);
};

/**
 * The field device opened, its grants read (as the app does before syncing) and synced once through its
 * guard; closed again if either fails.
 */
export const openSynced = async (field: FieldDevice): Promise<OpenField> => {
  const a = await field.open();
  try {
    ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
    await a.syncGuarded();
    return a;
  } catch (error) {
    await a.close();
    throw error;
  }
};

/** The pulls of the collections given asked from the start, so a lie reaches every document held. */
export const fromStart =
  (via: Fetch, ...collections: string[]): Fetch =>
  (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (collections.some((c) => url.pathname.endsWith(`/sync/${c}/pull`)))
      url.searchParams.set('checkpoint', '0');
    return via(url.href, init);
  };

/**
 * A lie for key page pulls (`liar.lie('GET', '/sync/keys/pull', pagesWithout(id))`): every page the server
 * sends lacks the subjects given, each page changed as a real change would be so the device takes it in.
 */
export const pagesWithout =
  (...subjectIds: string[]): Rewrite =>
  (value) => ({
    ...value,
    documents: (value.documents as { payload: string }[]).map((page) => {
      const entries = JSON.parse(page.payload) as Record<string, string>;
      for (const id of subjectIds) delete entries[id];
      return { ...page, payload: JSON.stringify(entries) };
    }),
  });

/** Every document the device's store holds, tombstones included, as stored (JSON text per document). */
export const storedTexts = async (db: KluisDatabase): Promise<string[]> => {
  const texts: string[] = [];
  for (const name of ['records', 'items', 'keys', 'settings', 'audit', 'compliance', 'vault'] as const) {
    const collection = db[name] as unknown as RxCollection;
    const { documents } = await getChangedDocumentsSince(collection.storageInstance, 1_000_000);
    for (const doc of documents) texts.push(JSON.stringify(doc));
  }
  return texts;
};

/** What the server holds of one subject: its document ids and every payload (ciphertext) it stores. */
export const serverTraces = async (
  storage: Storage,
  orgId: string,
  subjectId: string,
): Promise<{ ids: string[]; payloads: string[] }> => {
  const ids: string[] = [];
  const payloads: string[] = [];
  for (const collection of ['records', 'items'] as const) {
    for (const { doc } of (await storage.pull(orgId, collection, 0, 1000)).docs) {
      const parsed = JSON.parse(doc) as { id: string; subjectId: string; payload: string; _deleted: boolean };
      if (parsed.subjectId !== subjectId || parsed._deleted) continue;
      ids.push(parsed.id);
      payloads.push(parsed.payload);
    }
  }
  for (const { doc } of (await storage.pull(orgId, 'keys', 0, 1000)).docs) {
    const parsed = JSON.parse(doc) as { payload: string; _deleted: boolean };
    if (parsed._deleted) continue;
    const entries = JSON.parse(parsed.payload) as Record<string, string>;
    if (entries[subjectId]) payloads.push(entries[subjectId]);
  }
  return { ids, payloads };
};

/** Which of the texts (ids, ciphertext) appear anywhere in the device's store. */
export const foundIn = async (db: KluisDatabase, needles: readonly string[]): Promise<string[]> => {
  const haystack = (await storedTexts(db)).join('\n');
  return needles.filter((n) => haystack.includes(n));
};
