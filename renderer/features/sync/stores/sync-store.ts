// The link between this vault and a sync server, and the running SyncClient. The link (server URL, user
// id, device token) is kept in the local `vault` collection sealed with the organisation key, so the token
// is only readable while the vault is unlocked. Sync runs while the app shell is shown (unlocked).
import { create } from 'zustand';
import type { Subscription } from 'rxjs';
import {
  connectVault,
  signInOnNewDevice,
  type AccountError,
  type AccountLink,
} from '../../../../shared/sync/account';
import { conflictHandlersFor } from '../../../../shared/sync/merge';
import { SyncClient, type SyncStatus } from '../../../../shared/sync/replication';
import type { Session } from '../../../../shared/vault/session';
import { useVaultStore } from '../../vault/stores/vault-store';

const LINK_ID = 'sync-link';
const linkAddress = (session: Session) => ({ collection: 'vault', id: LINK_ID, keyId: session.orgKeyId });

const fetchFromWindow: typeof fetch = (input, init) => globalThis.fetch(input, init);

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

interface SyncState {
  link: AccountLink | null;
  status: SyncStatus | null;
  /** The server revoked this device and its local copy was deleted. */
  wiped: boolean;
  resume(session: Session): Promise<void>;
  stop(): Promise<void>;
  connect(session: Session, serverUrl: string, passphrase: string): Promise<AccountError | null>;
  signIn(serverUrl: string, userId: string, passphrase: string): Promise<AccountError | null>;
}

export const useSyncStore = create<SyncState>()((set, get) => {
  let client: SyncClient | null = null;
  let subscription: Subscription | null = null;
  /** Bumped by every stop, so a resume that finishes after a stop does not start anything. */
  let generation = 0;

  const wipeDevice = async (session: Session): Promise<void> => {
    set({ wiped: true });
    await get().stop();
    await useVaultStore.getState().lock();
    await session.db.remove();
  };

  const run = async (session: Session, link: AccountLink, started: number): Promise<void> => {
    const conflictHandlers = await conflictHandlersFor(session);
    if (started !== generation) return;
    const next = new SyncClient({
      db: session.db,
      fetch: fetchFromWindow,
      serverUrl: link.serverUrl,
      token: link.token,
      identifier: `${link.serverUrl}|${link.deviceId}`,
      conflictHandlers,
    });
    client = next;
    set({ link, status: next.status });
    subscription = next.status$.subscribe((status) => {
      set({ status });
      if (status.wipe && !get().wiped) void wipeDevice(session);
    });
    // Failures show in the status; replication retries by itself.
    next.start().catch(() => undefined);
  };

  return {
    link: null,
    status: null,
    wiped: false,

    async resume(session) {
      const started = generation;
      const link = await loadLink(session);
      if (!link || started !== generation || client) return;
      await run(session, link, started);
    },

    async stop() {
      generation += 1;
      subscription?.unsubscribe();
      subscription = null;
      const running = client;
      client = null;
      set({ link: null, status: null });
      await running?.stop();
    },

    async connect(session, serverUrl, passphrase) {
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
  };
});
