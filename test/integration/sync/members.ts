// Members of one organisation against the real server, each on a device of their own: an admin who
// creates and links the vault, and members the admin invites (the invite, the join with a passphrase of
// their own, the admin's device handing over the organisation key). Written once for the rotation, lying
// server and erasure tests.
import { afterEach } from 'vitest';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { TEST_KDF, type KdfParams } from '../../../shared/crypto/kdf';
import { ErasureSync } from '../../../shared/erasure/erasure-sync';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault } from '../../../shared/sync/account';
import { joinOrganisation } from '../../../shared/sync';
import { type Fetch } from '../../../shared/sync';
import { type AccountLink } from '../../../shared/sync';
import { completeInvites, inviteUser } from '../../../shared/sync/admin';
import { changeMember } from '../../../shared/sync/operations';
import { memberPins } from '../../../shared/sync/member-pins';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import { sessionPendingInvites } from '../../../shared/sync/pending-invites';
import type { SyncClientOptions } from '../../../shared/sync';
import type { Role } from '../../../shared/sync/protocol';
import type { KeyContext } from '../../../shared/sync/rotation';
import type { Session } from '../../../shared/vault/session';
import { annelies } from '../../fixtures/people';
import { linkableVault, memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import type { MemberKeys } from '../../helpers/thief';
import { syncClient } from './two-devices';
import { useServerFixture } from '../server/server-fixture';

export const MEMBER_PASSPHRASE = 'een ander wachtwoord';

export const ok = <T>(reply: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

/** Where the members live: the server, and where their client databases come from. */
export interface Place {
  readonly serverUrl: string;
  newDb(): Promise<KluisDatabase>;
  /** Removes a client database early, when a test needs room for another (see `removeMember`). */
  closeDb?(db: KluisDatabase): Promise<void>;
  /**
   * Sync as the app does: its merging conflict handlers and the erasure ledger's catch-up. Without it,
   * RxDB's default handler and no ledger (what the key-rotation tests need, and all they need).
   */
  readonly appSync?: boolean;
}

/** Call at the top of a test file: a real server per test (server-fixture.ts) and the place its devices meet at. */
export const useMembersServer = (options: { appSync?: boolean } = {}) => {
  const fixture = useServerFixture();
  return { fixture, place: fixturePlace(fixture, options) };
};

/** A place over a server fixture (server-fixture.ts), read lazily: the fixture is valid inside each test. */
export const fixturePlace = (
  fixture: {
    readonly server: { readonly url: string };
    newDb(): Promise<KluisDatabase>;
    closeDb(db: KluisDatabase): Promise<void>;
  },
  options: { appSync?: boolean } = {},
): Place => ({
  get serverUrl() {
    return fixture.server.url;
  },
  newDb: () => fixture.newDb(),
  closeDb: (db) => fixture.closeDb(db),
  ...options,
});

/**
 * A place over a fresh database of memory for each device (removed after the test), the given server's
 * url read in each test.
 */
export const memoryPlace = (server: { readonly url: string }, options: { appSync?: boolean } = {}): Place => {
  const dbs: KluisDatabase[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.remove()));
  });
  return fixturePlace(
    {
      server,
      newDb: async () => {
        const db = await memoryDatabase();
        dbs.push(db);
        return db;
      },
      closeDb: async (db) => {
        dbs.splice(dbs.indexOf(db), 1);
        await db.remove();
      },
    },
    options,
  );
};

export interface Device {
  db: KluisDatabase;
  session: Session;
  link: AccountLink;
  /** Key duties against the server. */
  ctx: KeyContext;
  /** This device's erasure ledger client (what the app's sync runs as its catch-up). */
  erasures: ErasureSync;
  /** One full push and pull, through `via` when given (a lying server); `options` adds client settings. */
  sync(via?: Fetch, options?: Partial<SyncClientOptions>): Promise<void>;
}

/** The sync client settings the app adds: its conflict handlers and the erasure ledger's catch-up. */
export const appSyncOptions = async (d: Pick<Device, 'session' | 'erasures'>) => ({
  conflictHandlers: await conflictHandlersFor(d.session),
  catchUp: d.erasures.catchUp,
});

export const device = (place: Place, db: KluisDatabase, session: Session, link: AccountLink): Device => {
  const erasures = new ErasureSync({ session, fetch, link });
  const d: Device = {
    db,
    session,
    link,
    erasures,
    ctx: { fetch, link, session, pause: () => Promise.resolve() },
    sync: async (via = fetch, options = {}) => {
      const client = syncClient(db, link, false, {
        fetch: via,
        ...(place.appSync ? await appSyncOptions(d) : {}),
        ...options,
      });
      try {
        await client.start();
        await client.awaitInSync();
      } finally {
        await client.stop();
      }
    },
  };
  return d;
};

export interface AdminOptions {
  /** A vault another device of the admin can sign in to (KDF_FLOOR instead of the cheaper TEST_KDF). */
  readonly linkable?: boolean;
  /** Writes the vault's data before it is linked; by default `people` persons, each created alone. */
  readonly seed?: (session: Session) => Promise<unknown>;
}

/**
 * A new vault on a database of the place, connected to the server: its user is a new organisation's
 * first admin. `linkable` lets another device sign in with the passphrase; `prepare` writes data first.
 */
export const connectedVault = async (
  place: Place,
  options: { linkable?: boolean; prepare?: (session: Session) => Promise<unknown> } = {},
): Promise<{ db: KluisDatabase; session: Session; link: AccountLink }> => {
  const db = await place.newDb();
  const session = await (await (options.linkable ? linkableVault : testVault)(db)).create(PASSPHRASE);
  await options.prepare?.(session);
  const link = ok(await connectVault({ fetch, serverUrl: place.serverUrl, db, passphrase: PASSPHRASE }));
  return { db, session, link };
};

/** An admin whose vault holds `people` persons, each created alone (one key page each), linked and synced. */
export const admin = async (place: Place, people = 0, options: AdminOptions = {}): Promise<Device> => {
  const { db, session, link } = await connectedVault(place, {
    linkable: options.linkable,
    prepare: async (session) => {
      if (options.seed) await options.seed(session);
      for (let i = 0; i < people; i++) {
        await session.people.create({ ...annelies, familyName: `${annelies.familyName} ${i}` });
      }
    },
  });
  const d = device(place, db, session, link);
  await d.sync();
  return d;
};

export interface JoinOptions {
  readonly role?: Exclude<Role, 'admin'>;
  /** The database to join on (one that can be closed and reopened, say); a new one from the place by default. */
  readonly db?: KluisDatabase;
}

/**
 * The newcomer's side of an invite alone: joins on `db` with the invite code and a passphrase of their own,
 * deriving at `kdf` (the cheap TEST_KDF, unless another device is to sign in with the passphrase).
 */
export const joinWithInvite = (
  place: Place,
  db: KluisDatabase,
  invite: { readonly userId: string; readonly inviteCode: string },
  passphrase = MEMBER_PASSPHRASE,
  kdf: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'> = TEST_KDF,
) =>
  joinOrganisation({
    fetch,
    serverUrl: place.serverUrl,
    db,
    userId: invite.userId,
    inviteCode: invite.inviteCode,
    passphrase,
    kdf,
  });

export interface LetInOptions {
  readonly role?: Role;
  /** Opens the database to join on, once the invite is made (a new one from the place by default). */
  readonly openDb?: () => Promise<KluisDatabase>;
  /** The newcomer's passphrase and its derivation, as `joinWithInvite` takes them. */
  readonly passphrase?: string;
  readonly kdf?: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>;
}

/**
 * An invite from `by` (an admin's device, which pins the role), the newcomer's join on a database of their
 * own, and `by`'s device letting them in (handing over the organisation key, pinning their public key).
 * The newcomer's session is not opened yet: `joined.finish(fetch, db)` does that.
 */
export const inviteAndLetIn = async (place: Place, by: Device, options: LetInOptions = {}) => {
  const pending = sessionPendingInvites(by.session);
  const invited = ok(
    await inviteUser(fetch, by.link, options.role ?? 'sales', pending, memberPins(by.session.db)),
  );
  const db = options.openDb ? await options.openDb() : await place.newDb();
  const joined = ok(await joinWithInvite(place, db, invited, options.passphrase, options.kdf));
  const signer = await by.session.deviceSigner();
  await completeInvites(
    fetch,
    by.link,
    pending,
    () => ({
      orgKey: by.session.orgKey,
      orgKeyId: by.session.orgKeyId,
      signer,
      pageKey: by.session.epochPageKey,
    }),
    memberPins(by.session.db),
  );
  return { invited, joined, db, signer };
};

/** A new member invited by `by` (an admin's device), joined on a device of their own and synced. */
export const join = async (place: Place, by: Device, options: JoinOptions = {}): Promise<Device> => {
  const { joined, db } = await inviteAndLetIn(place, by, {
    ...(options.role ? { role: options.role } : {}),
    ...(options.db ? { openDb: () => Promise.resolve(options.db!) } : {}),
  });
  const d = device(place, db, ok(await joined.finish(fetch, db)), joined.link);
  await d.sync();
  return d;
};

/**
 * The admin `a` removes the member `leaves`, after another member has joined who stays. The leaver's
 * device is closed first: RxDB's open-source build keeps 13 collections open, two client databases at a
 * time. Copy what the leaver holds before. Returns the member who stays.
 */
export const removeMember = async (place: Place, a: Device, leaves: Device): Promise<Device> => {
  if (!place.closeDb) throw new Error('removeMember needs a place that can close a database');
  await place.closeDb(leaves.db);
  const stays = await join(place, a);
  await removeFromOrganisation(a, leaves.link.userId);
  return stays;
};

/** The admin `by` removes the member `userId` from the organisation, as Settings → Members does. */
export const removeFromOrganisation = async (by: Pick<Device, 'session' | 'link'>, userId: string) =>
  ok(
    await changeMember(by.session, LOCAL_ACTOR, {
      fetch,
      link: by.link,
      userId,
      change: { kind: 'remove' },
      pins: memberPins(by.session.db),
    }),
  );

/** What a member holds, copied: the session wipes its keys when it moves on. */
export const keysOf = (d: Pick<Device, 'session' | 'link'>, passphrase?: string): MemberKeys => {
  const { current, older } = d.session.pageKeys;
  return {
    orgKey: d.session.orgKey.slice(),
    pageKeys: [current, ...older].map((k) => ({ id: k.id, key: k.key.slice() })),
    userPublicKey: d.session.userPublicKey.slice(),
    userSecretKey: d.session.exportUserSecretKey(),
    userId: d.link.userId,
    ...(passphrase ? { passphrase } : {}),
  };
};
