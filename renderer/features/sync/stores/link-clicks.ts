// Clicks on this device's confirmation and unsubscribe links come back by themselves (issue 17): while the
// vault is linked and unlocked, the device pulls the organisation's clicks on a timer and after a sync
// catch-up, and records those it can resolve, its own tokens or another device's through the synced link
// records (shared/consent/link-record.ts), through the core's consent.recordLinkClicks.
import { recordLinkClicks, type LinkServer } from '../../../../shared/consent';
import { serverClient, type AccountLink } from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';
import { useWorkspaceStore } from '../../../kit/workspace';
import { fetchFromWindow } from './server-address';

/** How often a linked device looks for new clicks. */
export const LINK_CLICKS_MS = 15_000;
/** A catch-up (after every event of the server's stream) pulls at most this often. */
const CATCH_UP_GAP_MS = 5_000;

/** The organisation's server as the link operations use it: where links point, and a signed-in client. */
export const linkServerOf = (link: Pick<AccountLink, 'serverUrl' | 'token'>): LinkServer => ({
  serverUrl: link.serverUrl,
  // Both link calls may be sent twice (registering and reading by a cursor are idempotent).
  client: serverClient(fetchFromWindow, link, { retries: 1 }),
});

export interface LinkClickWatch {
  /** Pulls now unless a pull runs already (then its promise) or one started moments ago. */
  readonly catchUp: () => Promise<void>;
  readonly stop: () => void;
}

/**
 * `synced` settles when this start's first sync is done. Clicks wait for it: a device back from days away
 * must first receive the ledger entries other devices made for those clicks, or it records them again.
 */
export const watchLinkClicks = (
  session: Session,
  link: AccountLink,
  synced: Promise<void>,
): LinkClickWatch => {
  const server = linkServerOf(link);
  const recordedBy = { userId: link.userId, deviceId: link.deviceId };
  let running: Promise<void> | null = null;
  let started = 0;
  let stopped = false;
  let ready = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const pull = (gap: number): Promise<void> => {
    if (running) return running;
    if (!ready || stopped || session.isLocked || Date.now() - started < gap) return Promise.resolve();
    started = Date.now();
    running = recordLinkClicks(session, useWorkspaceStore.getState().actor, { server, recordedBy })
      // Offline, refused or locked halfway: the cursor stays where it was and the next turn tries again.
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  void synced.then(() => {
    if (stopped) return;
    ready = true;
    void pull(0);
    timer = setInterval(() => void pull(0), LINK_CLICKS_MS);
  });
  return {
    catchUp: () => pull(CATCH_UP_GAP_MS),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
};
