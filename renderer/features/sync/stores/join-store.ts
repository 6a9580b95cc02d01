// Getting a vault onto this device from an organisation: signing in with an existing account, or joining
// with an invite code and waiting until an admin's device seals the organisation key to this one. Both
// end by handing the new session to the vault store; the link is kept sealed in the vault (shared/sync).
import { create } from 'zustand';
import {
  finishJoin,
  joinWithVault,
  readInvite,
  saveLink,
  signInToVault,
  type AccountError,
  type PendingJoin,
} from '../../../../shared/sync';
import { useVaultStore } from '../../vault/stores/vault-store';
import { allowServer, explainFailure, fetchFromWindow, type ConnectFailure } from './server-address';
import type { ChosenNames } from '../../../kit/NameFields';
import { nameLinkedDevice } from './names';
import { forgetUnfinishedJoin, rememberUnfinishedJoin } from './unfinished-join';

const NO_CHOICE: ChosenNames = { displayName: '', deviceName: '' };

/** How often a joining device asks whether its key arrived. */
export const JOIN_POLL_MS = 2000;

interface JoinState {
  /** This device joined with an invite code and waits for an admin's device to seal the key to it. */
  joining: { userId: string } | null;
  joinError: AccountError | null;
  /** `names`: the user's and this device's names, as typed (stored encrypted once the vault is here). */
  signIn(
    serverUrl: string,
    userId: string,
    passphrase: string,
    names?: ChosenNames,
  ): Promise<ConnectFailure | null>;
  /** `inviteCode` as the admin's device shows it: with the server certificate's fingerprint to pin. */
  join(
    serverUrl: string,
    userId: string,
    inviteCode: string,
    passphrase: string,
    names?: ChosenNames,
  ): Promise<ConnectFailure | null>;
  cancelJoin(): void;
}

export const useJoinStore = create<JoinState>()((set) => {
  let joinTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingJoin: PendingJoin | null = null;

  const stopJoining = () => {
    if (joinTimer) clearTimeout(joinTimer);
    joinTimer = null;
    pendingJoin?.discard();
    pendingJoin = null;
  };

  return {
    joining: null,
    joinError: null,

    async signIn(serverUrl, userId, passphrase, names = NO_CHOICE) {
      const { vault } = useVaultStore.getState();
      if (!vault) return { error: 'no-vault' };
      const refused = await allowServer(serverUrl);
      if (refused) return refused;
      const signedIn = await signInToVault(vault, { fetch: fetchFromWindow, serverUrl, userId, passphrase });
      if (!signedIn.ok) return explainFailure(serverUrl, signedIn);
      forgetUnfinishedJoin();
      await saveLink(signedIn.value.session, signedIn.value.link);
      // A name that cannot be stored is not worth failing the sign-in for: Settings asks again.
      await nameLinkedDevice(signedIn.value.session, signedIn.value.link, names).catch(() => undefined);
      await useVaultStore.getState().adopt(signedIn.value.session);
      return null;
    },

    async join(serverUrl, userId, inviteCode, passphrase, names = NO_CHOICE) {
      const { vault } = useVaultStore.getState();
      if (!vault) return { error: 'no-vault' };
      const invite = readInvite(inviteCode);
      if (!invite) return { error: 'wrong-invite' };
      // The invite names the server's certificate: the desktop pins exactly that one.
      const refused = await allowServer(serverUrl, invite.fingerprint);
      if (refused) return refused;
      stopJoining();
      const joined = await joinWithVault(vault, {
        fetch: fetchFromWindow,
        serverUrl,
        userId,
        inviteCode,
        passphrase,
      });
      if (!joined.ok) return explainFailure(serverUrl, joined);
      const waiting = joined.value;
      pendingJoin = waiting;
      // Should this window close before the key arrives, the next start offers to finish by signing in.
      rememberUnfinishedJoin({ serverUrl, userId });
      set({ joining: { userId }, joinError: null });
      const poll = async () => {
        joinTimer = null;
        if (pendingJoin !== waiting) return;
        const finished = await finishJoin(waiting, fetchFromWindow, vault);
        if (pendingJoin !== waiting) return;
        if (finished.ok) {
          pendingJoin = null;
          forgetUnfinishedJoin();
          await saveLink(finished.value, waiting.link);
          await nameLinkedDevice(finished.value, waiting.link, names).catch(() => undefined);
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

    cancelJoin() {
      stopJoining();
      set({ joining: null, joinError: null });
    },
  };
});
