// The unlock benchmark's helper page, served beside the built app on the same origin, so it reaches the
// app's own IndexedDB database. It creates the vault as the app does (the renderer's vault store on the
// renderer's database), stores N generated people through the product's createMany, and locks, which
// writes the directory snapshot as the app does on lock. It also drops that snapshot (an unlock after a
// crash), times Argon2id alone, and runs the anchor: the same N people as plaintext rows in a plain Dexie
// table, opened, read and sorted, with the first screen painted. Driven by bench/unlock.mjs through
// `globalThis.kluisUnlock`; every timing is taken here with performance.now().
import '../../../renderer/platform/zod-config';
import Dexie from 'dexie';
import { BrowserPlatform } from '../../../renderer/platform/browser-platform';
import { openLocalDatabase } from '../../../renderer/platform/storage';
import { useVaultStore } from '../../../renderer/features/vault/stores/vault-store';
import { SNAPSHOT_ID } from '../../../shared/directory';
import { IMPORT_CHUNK } from '../../../shared/store/subject-repository';
import { Vault } from '../../../shared/vault/vault';
import { comparePeople, familySortName } from '../../../shared/directory';
import { generatePeople } from '../../people-generator';

const ANCHOR_DB = 'kluis-bench-unlock-anchor';
/** Rows of the first screen: what the People grid shows at 1080 pixels. */
const SCREEN = 25;

const now = (): number => performance.now();
const log = (message: string): void => console.log(`[bench] ${message}`);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** The app's vault with `count` people, stored as the app stores them, then locked (snapshot written). */
const seed = async ({ count, seed, passphrase }: { count: number; seed: number; passphrase: string }) => {
  const vault = useVaultStore.getState();
  await vault.start({ openDatabase: openLocalDatabase, keyStore: new BrowserPlatform().keyStore });
  if (useVaultStore.getState().phase !== 'new')
    throw new Error(`expected a fresh profile, the vault is ${useVaultStore.getState().phase}`);
  await useVaultStore.getState().create(passphrase);
  const { session, directory } = useVaultStore.getState();
  if (!session || !directory) throw new Error('created, but no session');
  const people = generatePeople(count, seed);
  let start = now();
  let next = 10_000;
  await session.people.createMany(people, {
    onProgress: ({ done }) => {
      for (; done >= next; next += 10_000) log(`stored ${next.toLocaleString('en')} people`);
    },
  });
  const insertMs = now() - start;
  await directory.settle();
  start = now();
  await useVaultStore.getState().lock();
  const lockMs = now() - start;

  // The anchor's rows: the same people as plaintext, in a plain Dexie table (primary key only).
  const raw = new Dexie(ANCHOR_DB);
  raw.version(1).stores({ people: 'id, sortName' });
  await raw.open();
  const rows = people.map((person, i) => ({
    id: `p${i}`,
    sortName: `${familySortName(person.familyName ?? '')} ${person.givenName ?? ''}`.toLowerCase(),
    ...person,
  }));
  for (let at = 0; at < rows.length; at += IMPORT_CHUNK)
    await raw.table('people').bulkPut(rows.slice(at, at + IMPORT_CHUNK));
  raw.close();
  return { people: count, insertMs: round(insertMs), lockMs: round(lockMs) };
};

/** An unlock after a crash: the app's database without its directory snapshot. */
const dropSnapshot = async () => {
  const db = await openLocalDatabase();
  const doc = await db.vault.findOne(SNAPSHOT_ID).exec();
  const dropped = !!doc;
  await doc?.remove();
  await db.close();
  return { dropped };
};

/** Argon2id and the key unwrapping alone: Vault.unlock on the app's database. */
const kdf = async ({ passphrase }: { passphrase: string }) => {
  const db = await openLocalDatabase();
  const vault = await Vault.open(db);
  const start = now();
  const session = await vault.unlock(passphrase);
  const ms = now() - start;
  session.lock();
  await db.close();
  return { ms: round(ms) };
};

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

interface AnchorRow {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
}

const paint = async (rows: readonly AnchorRow[]) => {
  const list = document.createElement('div');
  list.setAttribute('role', 'grid');
  for (const row of rows.slice(0, SCREEN)) {
    const line = document.createElement('div');
    line.setAttribute('role', 'row');
    line.textContent = `${row.givenName} ${row.familyName}`;
    list.append(line);
  }
  document.body.replaceChildren(list);
  await frame();
  await frame();
};

const openAnchor = async () => {
  const raw = new Dexie(ANCHOR_DB);
  raw.version(1).stores({ people: 'id, sortName' });
  await raw.open();
  return raw;
};

/**
 * The anchor: a plaintext store of the same people, as an app without encryption would keep them, with an
 * index on the name the list sorts by: open it, read the first screen in that order, paint it. Also, as a
 * second yardstick, reading every row and sorting them as the list does (what the directory must do).
 */
const anchor = async () => {
  let start = now();
  let raw = await openAnchor();
  const screen = (await raw.table('people').orderBy('sortName').limit(SCREEN).toArray()) as AnchorRow[];
  await paint(screen);
  const firstListMs = now() - start;
  raw.close();

  start = now();
  raw = await openAnchor();
  const rows = (await raw.table('people').toArray()) as AnchorRow[];
  const sorted = [...rows].sort((a, b) => comparePeople(a as never, b as never));
  await paint(sorted);
  const readAllMs = now() - start;
  raw.close();
  return { firstListMs: round(firstListMs), readAllMs: round(readAllMs), rows: rows.length };
};

Object.assign(globalThis, { kluisUnlock: { seed, dropSnapshot, kdf, anchor } });
log('ready');
