// The link between this vault and a sync server, and the running SyncClient. The link (server URL, user
// id, device token) is kept in the local `vault` collection sealed with the organisation key, so the token
// is only readable while the vault is unlocked. Sync runs while the app shell is shown (unlocked).
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { useWorkspaceStore } from '../../../kit/workspace';
import { create } from 'zustand';
import type { Subscription } from 'rxjs';
import {
  changeAccountPassphrase,
  checkAccountKeys,
  connectVault,
  refreshAccountBox,
  joinOrganisation,
  signInOnNewDevice,
  type AccountError,
  type AccountLink,
  type PendingJoin,
} from '../../../../shared/sync';
import { completeInvites, type Member } from '../../../../shared/sync';
import { memberPins } from '../../../../shared/sync';
import { sessionPendingInvites } from '../../../../shared/sync';
import { mayManageOrganisation } from '../../../../shared/sync';
import { ErasureSync } from '../../../../shared/erasure';
import { conflictHandlersFor } from '../../../../shared/sync';
import {
  catchUpKeys,
  rotatePageKey,
  runKeyDuty,
  type KeyContext,
  type KeyStatus,
  type RotationProgress,
} from '../../../../shared/sync';
import { SyncClient, type SyncStatus } from '../../../../shared/sync';
import type { DesktopApi } from '../../../../shared/platform';
import { DESKTOP_API_GLOBAL } from '../../../../shared/platform';
import type { Session } from '../../../../shared/vault';
import { onPassphraseUnlock, useVaultStore } from '../../vault/stores/vault-store';

const LINK_ID = 'sync-link';
const SERVER_KEY = 'kluis.sync.server';

/** The server address typed before the window reloaded to allow it (see allowServer), else this origin. */
export const rememberedServerUrl = (): string => {
  try {
    return globalThis.sessionStorage.getItem(SERVER_KEY) ?? globalThis.location.origin;
  } catch {
    return globalThis.location.origin;
  }
};

/** What connecting can fail with besides the server's answers. */
export type ConnectError = AccountError | 'server-address' | 'reloading';

/**
 * In Electron the page may connect only to origins in its CSP (electron/sync-origin.ts): main adds the
 * sync server's origin for every page served afterwards. The page shown now was served without it, so
 * the first time the window reloads once; the address is kept for the form. The browser host is served by
 * the sync server itself, so nothing is needed there.
 */
const allowServer = async (serverUrl: string): Promise<ConnectError | null> => {
  const api = (globalThis as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];
  if (!api?.allowSyncServer) return null;
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return 'server-address';
  }
  const allowed = await api.allowSyncServer(origin);
  if (!allowed.ok) return 'server-address';
  if (!allowed.value.reload) return null;
  try {
    globalThis.sessionStorage.setItem(SERVER_KEY, serverUrl);
  } catch {
    // Only a convenience: the user types the address again.
  }
  globalThis.location.reload();
  return 'reloading';
};
const linkAddress = (session: Session) => ({ collection: 'vault', id: LINK_ID, keyId: session.orgKeyId });

/** The page's fetch, called unbound (some browsers refuse a detached `fetch`); shared by sync screens. */
export const fetchFromWindow: typeof fetch = (input, init) => globalThis.fetch(input, init);

export const saveLink = async (session: Session, link: AccountLink): Promise<void> => {
  const payload = session.cipher.sealJson(link, session.orgKey, linkAddress(session));
  await session.db.vault.upsert({ id: LINK_ID, payload, updatedAt: Date.now() });
};

export const loadLink = async (session: Session): Promise<AccountLink | null> => {
  const doc = await session.db.vault.findOne(LINK_ID).exec();
  if (!doc) return null;
  try {
    return session.cipher.openJson(doc.payload, session.orgKey, linkAddress(session)) as AccountLink;
  } catch {
    return null;
  }
};

/** How often a joining device asks whether its key arrived, and an admin's device looks for newcomers. */
export const JOIN_POLL_MS = 2000;
export const INVITE_POLL_MS = 3000;
/** How often a linked device checks for new key epochs (and an admin's device runs due rotations). */
export const KEY_DUTY_MS = 15_000;

interface SyncState {
  link: AccountLink | null;
  /** This device joined with an invite code and waits for an admin's device to seal the key to it. */
  joining: { userId: string } | null;
  joinError: AccountError | null;
  /** For admins: the organisation's users and whether they have access; null until first listed. */
  members: Member[] | null;
  membersError: AccountError | null;
  status: SyncStatus | null;
  /** The erasure ledger's client while linked (shared/erasure/erasure-sync.ts); null for a local-only vault. */
  erasures: ErasureSync | null;
  /** The server revoked this device and its local copy was deleted. */
  wiped: boolean;
  resume(session: Session): Promise<void>;
  stop(): Promise<void>;
  connect(session: Session, serverUrl: string, passphrase: string): Promise<ConnectError | null>;
  signIn(serverUrl: string, userId: string, passphrase: string): Promise<ConnectError | null>;
  join(
    serverUrl: string,
    userId: string,
    inviteCode: string,
    passphrase: string,
  ): Promise<ConnectError | null>;
  cancelJoin(): void;
  /**
   * Changes the passphrase of a linked vault for the whole account (the server first, then this device);
   * null when done. Offline, nothing changes.
   */
  changePassphrase(current: string, next: string): Promise<AccountError | null>;
  /** Lists the users again and seals the organisation key to newcomers invited from this device. */
  refreshMembers(): Promise<void>;
  /** Key epochs (sync/rotation.ts): where rotation stands, as this device last checked; null offline. */
  keys: KeyStatus | null;
  keysError: AccountError | null;
  /** The rotation work running on this device now, with its progress. */
  rotation: RotationProgress | null;
  /** Checks key epochs now (and, on an admin's device, runs a due rotation). */
  checkKeys(): Promise<void>;
  /** Admins: starts a rotation now, whatever is due. */
  rotateNow(): Promise<AccountError | null>;
}

export const useSyncStore = create<SyncState>()((set, get) => {
  let client: SyncClient | null = null;
  let subscription: Subscription | null = null;
  /** Bumped by every stop, so a resume that finishes after a stop does not start anything. */
  let generation = 0;
  let invitesTimer: ReturnType<typeof setInterval> | null = null;
  let joinTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingJoin: PendingJoin | null = null;
  let refreshMembers: (() => Promise<void>) | null = null;
  let keysTimer: ReturnType<typeof setInterval> | null = null;
  let keyWork: Promise<void> | null = null;
  let keyContext: KeyContext | null = null;

  /** Runs the key duty once at a time; the status and progress land in the store. */
  /**
   * Runs key work once at a time. Work that answers where things stand (runKeyDuty ends with a catch-up)
   * is shown as it is; otherwise one catch-up follows, so the status is fresh without asking twice.
   */
  const keyDuty = (
    work: (
      ctx: KeyContext,
    ) => Promise<{ ok: true; value: KeyStatus | null } | { ok: false; error: AccountError }>,
  ) => {
    const ctx = keyContext;
    if (!ctx || keyWork || ctx.session.isLocked) return keyWork ?? Promise.resolve();
    keyWork = (async () => {
      try {
        const done = await work(ctx);
        if (keyContext !== ctx) return;
        if (!done.ok) set({ keysError: done.error });
        const status = done.ok && done.value ? done : await catchUpKeys(ctx);
        if (keyContext !== ctx) return;
        set(status.ok ? { keys: status.value, keysError: null } : { keysError: status.error });
      } catch {
        // A lock in the middle: the next unlock resumes where the pages stand.
      } finally {
        keyWork = null;
        if (keyContext === ctx) set({ rotation: null });
      }
    })();
    return keyWork;
  };

  const watchKeys = (session: Session, link: AccountLink) => {
    keyContext = {
      fetch: fetchFromWindow,
      link,
      session,
      onProgress: (rotation) => set({ rotation }),
    };
    const tick = () => void keyDuty((ctx) => runKeyDuty(ctx));
    tick();
    keysTimer = setInterval(tick, KEY_DUTY_MS);
  };

  /** The admin's half of joining runs by itself while invitations made here are open (admin.ts). */
  const watchInvites = (session: Session, link: AccountLink, started: number) => {
    if (!mayManageOrganisation(link.role)) return;
    const pending = sessionPendingInvites(session);
    let busy = false;
    refreshMembers = async () => {
      if (busy || started !== generation || session.isLocked) return;
      busy = true;
      try {
        const signer = await session.deviceSigner();
        const members = await completeInvites(
          fetchFromWindow,
          link,
          pending,
          () => ({
            orgKey: session.orgKey,
            orgKeyId: session.orgKeyId,
            signer,
            pageKey: session.epochPageKey,
          }),
          memberPins(session.db),
        );
        if (started !== generation) return;
        set(members.ok ? { members: members.value, membersError: null } : { membersError: members.error });
      } finally {
        busy = false;
      }
    };
    invitesTimer = setInterval(() => {
      void pending
        .list()
        .then((open) => (Object.keys(open).length ? refreshMembers?.() : undefined))
        .catch(() => undefined);
    }, INVITE_POLL_MS);
  };

  let wiping = false;
  /** The revoked device deletes its copy first and only then says so, so a reload cannot interrupt it. */
  const wipeDevice = async (session: Session): Promise<void> => {
    if (wiping) return;
    wiping = true;
    try {
      await get().stop();
      await useVaultStore.getState().lock();
      await session.db.remove();
    } finally {
      wiping = false;
      set({ wiped: true });
    }
  };

  const run = async (session: Session, link: AccountLink, started: number): Promise<void> => {
    const conflictHandlers = await conflictHandlersFor(session);
    if (started !== generation) return;
    // Erased subjects are purged before any push could carry a stale edit of them.
    const erasures = new ErasureSync({ session, fetch: fetchFromWindow, link });
    const next = new SyncClient({
      db: session.db,
      fetch: fetchFromWindow,
      serverUrl: link.serverUrl,
      token: link.token,
      identifier: `${link.serverUrl}|${link.deviceId}`,
      conflictHandlers,
      role: link.role,
      catchUp: erasures.catchUp,
      // Sync resumes at once when the connection returns, instead of at the end of its back-off.
      onOnline: (listener) => {
        globalThis.addEventListener('online', listener);
        return () => globalThis.removeEventListener('online', listener);
      },
    });
    client = next;
    set({ link, status: next.status, erasures });
    watchInvites(session, link, started);
    watchKeys(session, link);
    subscription = next.status$.subscribe((status) => {
      set({ status });
      if (status.wipe && !get().wiped) void wipeDevice(session);
    });
    // Failures show in the status; replication retries by itself.
    next.start().catch(() => undefined);
  };

  const stopJoining = () => {
    if (joinTimer) clearTimeout(joinTimer);
    joinTimer = null;
    pendingJoin?.discard();
    pendingJoin = null;
  };

  // After a rotation, the account's passphrase box is re-sealed with the current page key at the next
  // unlock with the passphrase (account.ts refreshAccountBox); only a box that is behind costs a KDF run.
  onPassphraseUnlock((session, passphrase) => {
    void (async () => {
      const link = await loadLink(session);
      if (!link || session.isLocked) return;
      await refreshAccountBox({ fetch: fetchFromWindow, link, session, passphrase });
    })().catch(() => undefined);
  });

  return {
    link: null,
    joining: null,
    joinError: null,
    members: null,
    membersError: null,
    status: null,
    erasures: null,
    wiped: false,
    keys: null,
    keysError: null,
    rotation: null,

    async checkKeys() {
      await keyDuty((ctx) => runKeyDuty(ctx));
    },

    async rotateNow() {
      let failure: AccountError | null = null;
      await keyWork;
      await keyDuty(async (ctx) => {
        const rotated = await rotatePageKey(ctx, 'manual');
        if (!rotated.ok) failure = rotated.error;
        return rotated.ok ? { ok: true, value: null } : rotated;
      });
      return failure;
    },

    async resume(session) {
      const started = generation;
      const link = await loadLink(session);
      if (!link || started !== generation || client) return;
      await run(session, link, started);
      // A passphrase changed on another device: lock, and the unlock screen asks for the new one.
      if (session.isLocked || started !== generation) return;
      const secretKey = session.exportUserSecretKey();
      const keys = await checkAccountKeys(fetchFromWindow, link, session.db, secretKey).finally(() =>
        secretKey.fill(0),
      );
      if (keys.ok && keys.value === 'passphrase-changed' && started === generation) {
        await get().stop();
        await useVaultStore.getState().lock('passphrase-changed');
      }
    },

    async stop() {
      generation += 1;
      if (invitesTimer) clearInterval(invitesTimer);
      invitesTimer = null;
      if (keysTimer) clearInterval(keysTimer);
      keysTimer = null;
      keyContext = null;
      set({ keys: null, keysError: null, rotation: null });
      refreshMembers = null;
      set({ members: null, membersError: null });
      subscription?.unsubscribe();
      subscription = null;
      const running = client;
      client = null;
      set({ link: null, status: null, erasures: null });
      await running?.stop();
    },

    async connect(session, serverUrl, passphrase) {
      const refused = await allowServer(serverUrl);
      if (refused) return refused;
      const linked = await connectVault({ fetch: fetchFromWindow, serverUrl, db: session.db, passphrase });
      if (!linked.ok) return linked.error;
      await saveLink(session, linked.value);
      await get().stop();
      await run(session, linked.value, generation);
      return null;
    },

    async signIn(serverUrl, userId, passphrase) {
      const { vault } = useVaultStore.getState();
      if (!vault) return 'no-vault';
      const refused = await allowServer(serverUrl);
      if (refused) return refused;
      const signedIn = await signInOnNewDevice({
        fetch: fetchFromWindow,
        serverUrl,
        db: vault.db,
        userId,
        passphrase,
      });
      if (!signedIn.ok) return signedIn.error;
      await saveLink(signedIn.value.session, signedIn.value.link);
      await useVaultStore.getState().adopt(signedIn.value.session);
      return null;
    },

    async join(serverUrl, userId, inviteCode, passphrase) {
      const { vault } = useVaultStore.getState();
      if (!vault) return 'no-vault';
      const refused = await allowServer(serverUrl);
      if (refused) return refused;
      stopJoining();
      const joined = await joinOrganisation({
        fetch: fetchFromWindow,
        serverUrl,
        db: vault.db,
        userId,
        inviteCode,
        passphrase,
      });
      if (!joined.ok) return joined.error;
      const waiting = joined.value;
      pendingJoin = waiting;
      set({ joining: { userId }, joinError: null });
      const poll = async () => {
        joinTimer = null;
        if (pendingJoin !== waiting) return;
        const finished = await waiting.finish(fetchFromWindow, vault.db);
        if (pendingJoin !== waiting) return;
        if (finished.ok) {
          pendingJoin = null;
          await saveLink(finished.value, waiting.link);
          set({ joining: null });
          await useVaultStore.getState().adopt(finished.value);
          return;
        }
        // Not sealed yet, or the server is briefly out of reach: ask again.
        if (finished.error === 'awaiting-org-key' || finished.error === 'offline') {
          set({ joinError: finished.error === 'offline' ? 'offline' : null });
          joinTimer = setTimeout(() => void poll(), JOIN_POLL_MS);
          return;
        }
        stopJoining();
        set({ joinError: finished.error });
      };
      await poll();
      return null;
    },

    async changePassphrase(current, next) {
      const { session } = useVaultStore.getState();
      const link = get().link;
      if (!session || !link) return 'no-vault';
      const changed = await changeAccountPassphrase({
        fetch: fetchFromWindow,
        link,
        db: session.db,
        current,
        next,
      });
      return changed.ok ? null : changed.error;
    },

    cancelJoin() {
      stopJoining();
      set({ joining: null, joinError: null });
    },

    async refreshMembers() {
      await refreshMembers?.();
    },
  };
});

// Who acts, for every core operation: the signed-in user, or the sole owner of an unlinked vault.
useSyncStore.subscribe(({ link }) => {
  const actor = useWorkspaceStore.getState().actor;
  const next = link ? { userId: link.userId, role: link.role } : LOCAL_ACTOR;
  if (actor.userId !== next.userId || actor.role !== next.role) useWorkspaceStore.setState({ actor: next });
});
