// The link between this vault and a sync server, and the running SyncClient. The link (server URL, user
// id, device token) is kept in the local `vault` collection sealed with the organisation key, so the token
// is only readable while the vault is unlocked. Sync runs while the app shell is shown (unlocked).
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { useWorkspaceStore } from '../../../kit/workspace';
import { create } from 'zustand';
import type { Subscription } from 'rxjs';
import {
  changeSessionPassphrase,
  checkSessionKeys,
  completeInvites,
  conflictHandlersFor,
  connectSession,
  liveLink,
  loadLink,
  mayManageOrganisation,
  memberPinsOf,
  refreshAccountBox,
  saveLink,
  sessionPendingInvites,
  signInSessionAgain,
  wipeLocalCopy,
  type AccountError,
  type AccountLink,
  type LiveLink,
  type Member,
  type SyncStatus,
} from '../../../../shared/sync';
import { ErasureSync } from '../../../../shared/erasure';
import {
  catchUpKeys,
  rotatePageKey,
  runKeyDuty,
  type KeyContext,
  type KeyStatus,
  type RotationProgress,
} from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';
import { onPassphraseUnlock, useVaultStore } from '../../vault/stores/vault-store';
import { watchLinkClicks, type LinkClickWatch } from './link-clicks';
import { allowServer, certificateRefused, explainFailure, fetchFromWindow } from './server-address';
import type { ConnectFailure } from './server-address';
import { endSyncWorker, onBrowserOnline, runSync, type RunningSync } from '../worker/sync-runner';
import { adoptLocalNames } from './names';
import { territorySync } from './territory-sync';

// Other features reach the server with the same fetch; the dashboard reads the link.
export { fetchFromWindow, loadLink };

/** How often an admin's device looks for newcomers. */
export const INVITE_POLL_MS = 3000;
/** How often a linked device checks for new key epochs (and an admin's device runs due rotations). */
export const KEY_DUTY_MS = 15_000;

interface SyncState {
  link: AccountLink | null;
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
  /** `setupCode`: the code the server printed, needed once it holds an organisation. */
  connect(
    session: Session,
    serverUrl: string,
    passphrase: string,
    setupCode?: string,
  ): Promise<ConnectFailure | null>;
  /**
   * Changes the passphrase of a linked vault for the whole account (the server first, then this device);
   * null when done. Offline, nothing changes.
   */
  changePassphrase(current: string, next: string): Promise<AccountError | null>;
  /** Lists the users again and seals the organisation key to newcomers invited from this device. */
  refreshMembers(): Promise<void>;
  /** After 'token-expired': a new token for this device with the passphrase, and sync starts again. */
  signInAgain(passphrase: string): Promise<AccountError | null>;
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
  let client: RunningSync | null = null;
  let subscription: Subscription | null = null;
  /** Bumped by every stop, so a resume that finishes after a stop does not start anything. */
  let generation = 0;
  let invitesTimer: ReturnType<typeof setInterval> | null = null;
  let refreshMembers: (() => Promise<void>) | null = null;
  let keysTimer: ReturnType<typeof setInterval> | null = null;
  let keyWork: Promise<void> | null = null;
  let keyContext: KeyContext | null = null;
  let linkClicks: LinkClickWatch | null = null;
  let live: LiveLink | null = null;

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
          memberPinsOf(session),
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
      endSyncWorker(); // its RxDB must not hold the database being deleted
      await wipeLocalCopy(session);
    } finally {
      wiping = false;
      set({ wiped: true });
    }
  };

  /**
   * Starts everything that talks to the server from one live link: its token renews itself before it
   * runs out (shared/sync/live-link.ts), the renewed one is sealed in the vault for the next start, and
   * every client below sends the current one. Answers the live link, or null when stopped meanwhile.
   */
  const run = async (session: Session, stored: AccountLink, started: number): Promise<LiveLink | null> => {
    const conflictHandlers = await conflictHandlersFor(session);
    if (started !== generation) return null;
    const link = liveLink(stored, {
      fetch: fetchFromWindow,
      store: (next) => saveLink(session, next),
      // The same object with a new token: whoever shows or copies the token reads it again.
      onRenewed: () => {
        if (started === generation) set({ link });
      },
    });
    live = link;
    // Erased subjects are purged before any push could carry a stale edit of them.
    const erasures = new ErasureSync({ session, fetch: fetchFromWindow, link });
    // Clicks on this device's confirmation and unsubscribe links, on a timer and after a catch-up, once
    // the first sync of this start has brought what other devices recorded meanwhile.
    let firstSyncDone = () => {};
    const clicks = watchLinkClicks(session, link, new Promise<void>((resolve) => (firstSyncDone = resolve)));
    linkClicks = clicks;
    const territory = await territorySync(session, link, fetchFromWindow);
    if (started !== generation) return null;
    // In the sync worker where the host has one: pulls are parsed and written off this thread.
    const running = runSync(
      session,
      {
        fetch: territory.fetch,
        serverUrl: link.serverUrl,
        token: link.token,
        identifier: `${link.serverUrl}|${link.deviceId}${territory.identifierSuffix}`,
        renewal: link.renewal,
        conflictHandlers,
        role: link.role,
        writer: { userId: link.userId, deviceId: link.deviceId },
        catchUp: () => {
          void clicks.catchUp();
          // Subjects that may leave are let go through territory.watchLetGo, which asks for the pulls.
          void territory.catchUp();
          return erasures.catchUp();
        },
        // A device's first sync leaves out first arrivals into territories it does not hold (territory-sync).
        firstArrivals: territory.firstArrivals,
        // A first sync is done once the lists show what it brought, not when the last page is stored; the
        // directory's snapshot, which waited for the last page, follows.
        settled: async () => {
          await useVaultStore.getState().directory?.settle(true);
        },
        // Sync resumes at once when the connection returns, instead of at the end of its back-off.
        onOnline: onBrowserOnline,
      },
      { guard: territory.guard, certificateRefused },
    );
    const next = running.client;
    client = running;
    set({ link, status: next.status, erasures });
    watchInvites(session, link, started);
    watchKeys(session, link);
    subscription = next.status$.subscribe((status) => {
      set({ status });
      if (status.wipe && !get().wiped) void wipeDevice(session);
    });
    // Subjects that left this device go with pulls, asked for as soon as their move is proved.
    subscription.add(territory.watchLetGo(() => next.reSync()));
    // Failures show in the status; replication retries by itself.
    next.start().then(firstSyncDone, () => undefined);
    return link;
  };

  // After a rotation, the account's passphrase box is re-sealed with the current page key at the next
  // unlock with the passphrase (account.ts refreshAccountBox); only a box that is behind costs a KDF run.
  onPassphraseUnlock((session, passphrase) => {
    void (async () => {
      const link = get().link ?? (await loadLink(session));
      if (!link || session.isLocked) return;
      await refreshAccountBox({ fetch: fetchFromWindow, link, session, passphrase });
    })().catch(() => undefined);
  });

  return {
    link: null,
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
      const stored = await loadLink(session);
      if (!stored || started !== generation || client) return;
      const link = await run(session, stored, started);
      // A passphrase changed on another device: lock, and the unlock screen asks for the new one.
      if (!link || session.isLocked || started !== generation) return;
      const keys = await checkSessionKeys(session, fetchFromWindow, link);
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
      linkClicks?.stop();
      linkClicks = null;
      live?.close();
      live = null;
      set({ keys: null, keysError: null, rotation: null });
      refreshMembers = null;
      set({ members: null, membersError: null });
      subscription?.unsubscribe();
      subscription = null;
      const running = client;
      client = null;
      set({ link: null, status: null, erasures: null });
      await running?.close();
    },

    async connect(session, serverUrl, passphrase, setupCode) {
      const refused = await allowServer(serverUrl);
      if (refused) return refused;
      const linked = await connectSession(session, {
        fetch: fetchFromWindow,
        serverUrl,
        passphrase,
        ...(setupCode ? { setupCode } : {}),
      });
      if (!linked.ok) return explainFailure(serverUrl, linked);
      await saveLink(session, linked.value);
      await adoptLocalNames(session, linked.value).catch(() => undefined);
      await get().stop();
      await run(session, linked.value, generation);
      return null;
    },

    async changePassphrase(current, next) {
      const { session } = useVaultStore.getState();
      const link = get().link;
      if (!session || !link) return 'no-vault';
      const changed = await changeSessionPassphrase(session, { fetch: fetchFromWindow, link, current, next });
      return changed.ok ? null : changed.error;
    },

    async refreshMembers() {
      await refreshMembers?.();
    },

    async signInAgain(passphrase) {
      const { session } = useVaultStore.getState();
      const link = get().link;
      if (!session || !link) return 'no-vault';
      const again = await signInSessionAgain(session, { fetch: fetchFromWindow, link, passphrase });
      if (!again.ok) return again.error;
      await get().stop();
      await run(session, again.value, generation);
      return null;
    },
  };
});

// Who acts, for every core operation: the signed-in user, or the sole owner of an unlinked vault.
useSyncStore.subscribe(({ link }) => {
  const actor = useWorkspaceStore.getState().actor;
  const next = link ? { userId: link.userId, role: link.role } : LOCAL_ACTOR;
  if (actor.userId !== next.userId || actor.role !== next.role) useWorkspaceStore.setState({ actor: next });
});

// The browser says the connection is gone: the status says so at once, before a request or the event
// stream fails; the sync client's next report (a request that gets through) says when it is back.
globalThis.addEventListener?.('offline', () => {
  const { status } = useSyncStore.getState();
  if (status) useSyncStore.setState({ status: { ...status, online: false, error: 'offline' } });
});
