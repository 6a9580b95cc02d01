// Territory-share benchmark (issue 19, "Tests that prove it"): a sales device whose territory holds a
// share (BENCH_SHARE, 5% by default) of N people (BENCH_PEOPLE, 100,000) syncs that share in time
// proportional to it, not to the whole. The real server (server/app.ts with its territory store, on the
// embedded SQLite default) over HTTP on 127.0.0.1; the real client code (shared/sync, shared/vault,
// shared/territories and the app's territory sync, renderer/features/sync/stores/territory-sync.ts) in
// Node with RxDB's memory storage — the sync bench's stand-in, not the app's IndexedDB.
//
// Set-up (not timed): an admin's vault creates the people in bulk (createMany), every person tagged for
// NORTH (the share, spread evenly) or SOUTH (the rest); the admin invites a sales user, defines the two
// territories by tag (NORTH's member is the sales user, SOUTH has none) and applies the rules, a key
// page's worth of subjects at a time; the admin's documents are then written straight into the server's
// storage, as the sync bench does (client-server.ts seedAccount). Timed, BENCH_RUNS times (3), each on a
// fresh device: (a) the sales user signs in and syncs until in sync, (b) the admin does the same. Prints
// both medians, the ratio of times and of shares, and writes bench/results/territory-share-latest.json.
// Run through bench/territory-share.mjs (esbuild bundle). Asserts nothing: a missed target is reported.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app';
import { openSqliteStorage } from '../server/storage/sqlite';
import { openSqliteTerritories } from '../server/storage/territories';
import type { Storage } from '../server/storage/types';
import { territorySync } from '../renderer/features/sync/stores/territory-sync';
import { KDF_FLOOR } from '../shared/crypto/kdf';
import { ErasureSync } from '../shared/erasure/erasure-sync';
import type { PersonInput } from '../shared/people/person';
import type { KluisDatabase } from '../shared/store/database';
import { keyPageEntries } from '../shared/store/data-keys';
import { KEY_PAGE_SIZE } from '../shared/store/subject-repository';
import { joinOrganisation, type AccountLink } from '../shared/sync';
import { connectVault, signInOnNewDevice } from '../shared/sync/account';
import { completeInvites, inviteUser } from '../shared/sync/admin';
import { memberPins } from '../shared/sync/member-pins';
import { conflictHandlersFor } from '../shared/sync/merge';
import { sessionPendingInvites } from '../shared/sync/pending-invites';
import { applyTerritoryRules, defineTerritory } from '../shared/territories';
import type { Session } from '../shared/vault/session';
import { Vault } from '../shared/vault/vault';
import { memoryDatabase, syncClient, unwrap, writeToServer } from './client-server';
import { benchSize, PASSPHRASE } from './env.mjs';
import { median, round, writeBenchResults } from './figures';
import { generatePeople } from './people-generator';

const share = Number.parseFloat(process.env.BENCH_SHARE ?? '');
const config = {
  ...benchSize(),
  share: Number.isFinite(share) && share > 0 && share < 1 ? share : 0.05,
  passphrase: PASSPHRASE,
  memberPassphrase: 'een ander wachtwoord voor de verkoper',
};

const CLIENT = "Node + RxDB memory storage (the sync bench's stand-in), not the app's IndexedDB";
const TARGET = 'sales time <= 2 x (share x admin time) + fixed overhead (the sales sign-in)';
const loadBefore = os.loadavg().map((l) => round(l));

/** Whether the measured code (shared/, server/, renderer/, bench/) had uncommitted changes, and which. */
const treeBefore = (() => {
  try {
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'shared', 'server', 'renderer', 'bench'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean)
      .filter((line) => !line.slice(3).startsWith('bench/results/'));
    return { clean: dirty.length === 0, dirty };
  } catch {
    return { clean: false, dirty: ['git status failed'] };
  }
})();
const head = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const log = (line: string) => console.log(`[territory-share] ${line}`);

/** Every person tagged for NORTH or SOUTH; NORTH's are spread evenly through the list. */
const taggedPeople = (): { people: PersonInput[]; north: boolean[] } => {
  const north: boolean[] = [];
  const people = generatePeople(config.people, config.seed).map((p, i) => {
    const inNorth = Math.floor((i + 1) * config.share) > Math.floor(i * config.share);
    north.push(inNorth);
    return { ...p, tags: [inNorth ? 'gebied-noord' : 'gebied-zuid'] };
  });
  return { people, north };
};

/** A fetch that counts pull requests and the bytes of their answers. */
const countingFetch = () => {
  const counts = { pulls: 0, pullBytes: 0 };
  const counted: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/sync\/[a-z]+\/pull/.test(url)) return response;
    const body = await response.arrayBuffer();
    counts.pulls++;
    counts.pullBytes += body.byteLength;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { counts, fetch: counted };
};

/** The organisation: the admin's vault with the people, the sales user joined, territories applied. */
const seed = async (storage: Storage, serverUrl: string) => {
  const { people, north } = taggedPeople();
  const db = await memoryDatabase('bench-admin');
  let joinDb: KluisDatabase | undefined = await memoryDatabase('bench-join');
  try {
    const session = await (await Vault.open(db, KDF_FLOOR)).create(config.passphrase);
    const link = unwrap(await connectVault({ fetch, serverUrl, db, passphrase: config.passphrase }));
    let t = performance.now();
    const ids = (await session.people.createMany(people)).map((p) => p.id);
    const createMs = performance.now() - t;
    log(`created ${ids.length} people on the admin's vault in ${(createMs / 1000).toFixed(1)} s`);

    // The sales user: invited, joined on a device of their own (at the KDF floor, so another device can
    // sign in with the passphrase), let in by the admin's device.
    const pending = sessionPendingInvites(session);
    const invited = unwrap(await inviteUser(fetch, link, 'sales', pending, memberPins(session.db)));
    const joined = unwrap(
      await joinOrganisation({
        fetch,
        serverUrl,
        db: joinDb,
        userId: invited.userId,
        inviteCode: invited.inviteCode,
        passphrase: config.memberPassphrase,
        kdf: KDF_FLOOR,
      }),
    );
    const signer = await session.deviceSigner();
    unwrap(
      await completeInvites(
        fetch,
        link,
        pending,
        () => ({
          orgKey: session.orgKey,
          orgKeyId: session.orgKeyId,
          signer,
          pageKey: session.epochPageKey,
        }),
        memberPins(session.db),
      ),
    );
    unwrap(await joined.finish(fetch, joinDb)).lock();
    await joinDb.remove();
    joinDb = undefined;

    // Two territories by tag; the rules applied a key page's worth of subjects at a time.
    t = performance.now();
    const ctx = { fetch, link, session };
    const territory = async (name: string, tag: string, members: string[]) =>
      unwrap(
        await defineTerritory(ctx, {
          name,
          rules: { owners: [], countries: [], tags: [tag], postalRanges: [] },
          members,
          managers: [],
        }),
      );
    const northTerritory = await territory('Noord', 'gebied-noord', [joined.link.userId]);
    await territory('Zuid', 'gebied-zuid', []);
    const subjects = ids.map((id, i) => ({
      id,
      north: north[i]!,
      facts: { ownerId: null, address: null, tags: people[i]!.tags ?? [] },
    }));
    let moved = 0;
    for (const group of [subjects.filter((s) => s.north), subjects.filter((s) => !s.north)]) {
      for (let i = 0; i < group.length; i += KEY_PAGE_SIZE) {
        const applied = await applyTerritoryRules(ctx, group.slice(i, i + KEY_PAGE_SIZE));
        moved += applied.subjectIds.length;
      }
    }
    const applyMs = performance.now() - t;
    log(`territories defined, ${moved} people moved by the rules in ${(applyMs / 1000).toFixed(1)} s`);

    t = performance.now();
    const { documents } = await writeToServer(storage, link.orgId, db);
    const writeMs = performance.now() - t;
    log(`${documents} documents written to the server in ${(writeMs / 1000).toFixed(1)} s`);
    return {
      admin: link,
      sales: joined.link,
      northTag: northTerritory.data.tag,
      northIds: new Set(subjects.filter((s) => s.north).map((s) => s.id)),
      southIds: new Set(subjects.filter((s) => !s.north).map((s) => s.id)),
      setup: { createMs: round(createMs), applyMs: round(applyMs), writeMs: round(writeMs), documents },
    };
  } finally {
    await joinDb?.remove();
    await db.remove();
  }
};

/** What a synced device holds: records, items and key pages, and the subjects they name. */
const holdings = async (db: KluisDatabase) => {
  const subjects = new Set<string>();
  const withRecords = new Set<string>();
  const records = await db.records.find().exec();
  const items = await db.items.find().exec();
  const keys = await db.keys.find().exec();
  for (const doc of records) withRecords.add(doc.subjectId);
  for (const doc of [...records, ...items]) subjects.add(doc.subjectId);
  for (const page of keys) for (const id of Object.keys(keyPageEntries(page.payload))) subjects.add(id);
  return { records: records.length, items: items.length, keyPages: keys.length, subjects, withRecords };
};

interface Run {
  signInMs: number;
  syncMs: number;
  totalMs: number;
  records: number;
  keyPages: number;
  pulls: number;
  pullBytes: number;
}

/**
 * A fresh device signs in as `link`'s user and syncs until in sync, as the app starts its sync (its
 * conflict handlers, the erasure ledger's and the territories' catch-up, the territory guard on every
 * pull, the identifier naming the territories held). Timed from the sign-in to in sync.
 */
const firstSync = async (link: AccountLink, passphrase: string) => {
  const db = await memoryDatabase('bench');
  const counting = countingFetch();
  try {
    const t0 = performance.now();
    const signedIn = unwrap(
      await signInOnNewDevice({ fetch, serverUrl: link.serverUrl, db, userId: link.userId, passphrase }),
    );
    const signInMs = performance.now() - t0;
    const session: Session = signedIn.session;
    const territory = await territorySync(session, signedIn.link, counting.fetch);
    const erasures = new ErasureSync({ session, fetch, link: signedIn.link });
    const sync = syncClient(db, signedIn.link, false, {
      fetch: territory.fetch,
      identifier: `${signedIn.link.serverUrl}|${signedIn.link.deviceId}${territory.identifierSuffix}`,
      conflictHandlers: await conflictHandlersFor(session),
      writer: { userId: signedIn.link.userId, deviceId: signedIn.link.deviceId },
      firstArrivals: territory.firstArrivals,
      catchUp: async () => {
        await territory.catchUp();
        await erasures.catchUp();
      },
    });
    await sync.start();
    await sync.awaitInSync();
    const totalMs = performance.now() - t0;
    await sync.stop();
    const held = await holdings(db);
    session.lock();
    return {
      signInMs: round(signInMs),
      syncMs: round(totalMs - signInMs),
      totalMs: round(totalMs),
      records: held.records,
      keyPages: held.keyPages,
      pulls: counting.counts.pulls,
      pullBytes: counting.counts.pullBytes,
      subjects: held.subjects,
      withRecords: held.withRecords,
    };
  } finally {
    await db.remove();
  }
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-territory-share-'));
const file = path.join(dir, 'kluis.sqlite');
const storage = openSqliteStorage(file);
await storage.migrate();
const territories = openSqliteTerritories(file);
await territories.migrate();
const app = createApp({ storage, territories, log: false });
const serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });

const sales: Run[] = [];
const admin: Run[] = [];
const leaks: number[] = [];
const missingNorth: number[] = [];
let setup: Awaited<ReturnType<typeof seed>>['setup'];
let northCount: number;
try {
  const organisation = await seed(storage, serverUrl);
  setup = organisation.setup;
  northCount = organisation.northIds.size;
  for (let run = 0; run < config.runs; run++) {
    const s = await firstSync(organisation.sales, config.memberPassphrase);
    const leaked = [...s.subjects].filter((id) => organisation.southIds.has(id)).length;
    const missing = [...organisation.northIds].filter((id) => !s.withRecords.has(id)).length;
    leaks.push(leaked);
    missingNorth.push(missing);
    const { subjects: _s, withRecords: _w, ...salesRun } = s;
    sales.push(salesRun);
    log(
      `run ${run + 1}: sales device ${(s.totalMs / 1000).toFixed(2)} s (sign-in ${(s.signInMs / 1000).toFixed(2)} s), ` +
        `${s.records} records, ${s.keyPages} key pages, ${s.pulls} pulls, ${(s.pullBytes / 1e6).toFixed(1)} MB; ` +
        `${leaked} of SOUTH's subjects held, ${missing} of NORTH's people without their record`,
    );
    const a = await firstSync(organisation.admin, config.passphrase);
    const { subjects: _a, withRecords: _aw, ...adminRun } = a;
    admin.push(adminRun);
    log(
      `run ${run + 1}: admin device ${(a.totalMs / 1000).toFixed(2)} s (sign-in ${(a.signInMs / 1000).toFixed(2)} s), ` +
        `${a.records} records, ${a.keyPages} key pages, ${a.pulls} pulls, ${(a.pullBytes / 1e6).toFixed(1)} MB`,
    );
  }
} finally {
  await app.close();
  await territories.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}

const med = (runs: Run[], field: keyof Run) => median(runs.map((r) => r[field]));
const salesMs = med(sales, 'totalMs');
const adminMs = med(admin, 'totalMs');
const salesSignInMs = med(sales, 'signInMs');
const salesRecords = med(sales, 'records');
const adminRecords = med(admin, 'records');
// The territory's share of the people, and the share of the records the sales device ended up holding.
const territoryShare = northCount / config.people;
const shareHeld = salesRecords / adminRecords;
const allowedMs = round(2 * territoryShare * adminMs + salesSignInMs);
// Only a complete share, and nothing of the other territory, counts: a sync that stops early is fast.
const complete = Math.max(...missingNorth) === 0 && Math.max(...leaks) === 0;
const met = complete && salesMs <= allowedMs;
const scaleNote =
  config.people === 100_000
    ? undefined
    : `measured at ${config.people.toLocaleString('en')} people, not 100,000`;

console.log('');
console.log(
  `Kluis territory-share benchmark — ${config.people.toLocaleString('en')} people, NORTH ${(config.share * 100).toFixed(1)}% ` +
    `(${northCount.toLocaleString('en')}), SOUTH the rest, ${config.runs} run(s), each on a fresh device`,
);
console.log(`client: ${CLIENT}; server: real (server/app.ts, territory store, SQLite), HTTP on 127.0.0.1`);
console.log(
  `commit ${head()}, tree ${treeBefore.clean ? 'clean' : `MODIFIED (${treeBefore.dirty.length} files)`}`,
);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, load average before ${loadBefore.join(' / ')}`,
);
console.log('');
console.log(
  `(a) sales device (NORTH): ${(salesMs / 1000).toFixed(2)} s median sign-in to in sync ` +
    `(sign-in ${(salesSignInMs / 1000).toFixed(2)} s), ${salesRecords} records, ${med(sales, 'pulls')} pulls, ` +
    `${(med(sales, 'pullBytes') / 1e6).toFixed(1)} MB pulled; SOUTH's subjects held: ${Math.max(...leaks)}, ` +
    `NORTH's people without their record: ${Math.max(...missingNorth)} of ${northCount}`,
);
console.log(
  `(b) admin device (all):   ${(adminMs / 1000).toFixed(2)} s median sign-in to in sync ` +
    `(sign-in ${(med(admin, 'signInMs') / 1000).toFixed(2)} s), ${adminRecords} records, ${med(admin, 'pulls')} pulls, ` +
    `${(med(admin, 'pullBytes') / 1e6).toFixed(1)} MB pulled`,
);
console.log(
  `ratio of times ${(salesMs / adminMs).toFixed(3)}, ratio of shares ${territoryShare.toFixed(3)} ` +
    `(of records held ${shareHeld.toFixed(3)}); ` +
    `target ${TARGET}: ${salesMs} ms against ${allowedMs} ms allowed — ${met ? 'met' : complete ? 'MISSED' : 'MISSED (the sales device does not hold exactly its share)'}`,
);
if (scaleNote) console.log(`Note: ${scaleNote}.`);

await writeBenchResults('territory-share', {
  treeClean: treeBefore.clean,
  dirty: treeBefore.dirty,
  loadAverageBefore: loadBefore,
  client: CLIENT,
  server: 'real server (server/app.ts) with its territory store, embedded SQLite, HTTP on 127.0.0.1',
  config: { people: config.people, share: config.share, runs: config.runs, seed: config.seed },
  target: TARGET,
  note: scaleNote,
  setup,
  northPeople: northCount,
  sales: {
    medianMs: salesMs,
    signInMedianMs: salesSignInMs,
    records: salesRecords,
    southSubjectsHeld: Math.max(...leaks),
    northPeopleMissing: Math.max(...missingNorth),
    runs: sales,
  },
  admin: { medianMs: adminMs, signInMedianMs: med(admin, 'signInMs'), records: adminRecords, runs: admin },
  ratioOfTimes: Math.round((salesMs / adminMs) * 1000) / 1000,
  ratioOfShares: Math.round(territoryShare * 1000) / 1000,
  ratioOfRecordsHeld: Math.round(shareHeld * 1000) / 1000,
  allowedMs,
  targetMet: met,
});
process.exit(0);
