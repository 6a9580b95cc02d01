// A linked device's account link whose device token renews itself (issue 16). The server's tokens run
// out after 30 days; every client made from this link (serverClient(fetch, link)) sends the token it holds
// now, renews it (POST /auth/renew) once less than `renewBeforeMs` is left, and the renewed link is stored
// (sealed in the vault: device.ts saveLink) so the next start uses it. The server replaces the token on
// renewal, so one renewal runs at a time for all clients. A timer renews a device that sends nothing (a
// quiet organisation), and every request checks again (a laptop that slept through the timer). A token the server calls expired (the device was
// offline past its life) cannot be renewed: the link says so once and no client sends it again.
import type { AccountLink } from './account-link';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch, type TokenRenewal } from './server-client';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Timers wait at most this long at a time (setTimeout's limit is 24.8 days), and retry a failed renewal. */
const MAX_WAIT_MS = 60 * 60 * 1000;
const RETRY_MS = 60_000;

/** Half of the server's 30 days: a device that syncs at least every fortnight never meets an expiry. */
export const RENEW_BEFORE_MS = 15 * DAY_MS;

export interface LiveLinkOptions {
  readonly fetch: Fetch;
  /** Keeps the renewed link where the next start reads it; awaited before the new token is used. */
  readonly store: (link: AccountLink) => Promise<void>;
  /** Renew once this little time is left (default RENEW_BEFORE_MS). */
  readonly renewBeforeMs?: number;
  readonly now?: () => number;
  /** After each renewal, with the link as stored. */
  readonly onRenewed?: (link: AccountLink) => void;
  /** The server refused the token as expired: the device must sign in again. */
  readonly onExpired?: () => void;
}

/**
 * An AccountLink whose `token` and `expiresAt` are the current ones; `renewal` is not stored. `close`
 * ends its renewal timer (the vault locks, or sync stops).
 */
export type LiveLink = AccountLink & { readonly renewal: TokenRenewal; close(): void };

class Renewal implements TokenRenewal {
  private inFlight: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();
  private gone = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private link: AccountLink,
    private readonly options: LiveLinkOptions,
  ) {
    this.schedule();
  }

  private get beforeMs(): number {
    return this.options.renewBeforeMs ?? RENEW_BEFORE_MS;
  }

  /** Wakes when the token is due, or a while after a renewal that did not go through. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.closed || this.gone) return;
    const untilDue = this.link.expiresAt - this.beforeMs - (this.options.now ?? Date.now)();
    const wait = untilDue > 0 ? untilDue : Math.min(RETRY_MS, this.beforeMs / 4);
    this.timer = setTimeout(
      () => void this.fresh().finally(() => this.schedule()),
      Math.min(wait, MAX_WAIT_MS),
    );
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  get current(): AccountLink {
    return this.link;
  }

  get token(): string {
    return this.link.token;
  }

  get renewing(): boolean {
    return this.inFlight !== undefined;
  }

  get isExpired(): boolean {
    return this.gone;
  }

  fresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const now = (this.options.now ?? Date.now)();
    const due = this.link.expiresAt - now <= this.beforeMs;
    if (this.gone || !due) return Promise.resolve();
    this.inFlight = this.renew().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  expired(): void {
    if (this.gone) return;
    this.gone = true;
    this.options.onExpired?.();
  }

  onRenewed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async renew(): Promise<void> {
    const { serverUrl, token } = this.link;
    const reply = await serverClient(this.options.fetch, { serverUrl, token }).call(ROUTES.renewToken);
    // Offline or refused for another reason: the token still holds until it runs out; the next request
    // tries again. Expired: nothing will take it.
    if (!reply.ok) return reply.error === 'token-expired' ? this.expired() : undefined;
    const next: AccountLink = { ...this.link, token: reply.value.token, expiresAt: reply.value.expiresAt };
    // The old token is refused from now on: the new one is used even if it could not be stored.
    await this.options.store(next).catch(() => undefined);
    this.link = next;
    this.options.onRenewed?.(next);
    for (const listener of [...this.listeners]) listener();
  }
}

/** The link as every client of this device should hold it: its token renews itself. */
export const liveLink = (link: AccountLink, options: LiveLinkOptions): LiveLink => {
  const renewal = new Renewal(link, options);
  const live = {
    serverUrl: link.serverUrl,
    userId: link.userId,
    orgId: link.orgId,
    role: link.role,
    deviceId: link.deviceId,
    get token() {
      return renewal.current.token;
    },
    get expiresAt() {
      return renewal.current.expiresAt;
    },
  };
  // Not enumerable: storing or copying the link keeps its fields, not the renewal.
  return Object.defineProperties(live, {
    renewal: { value: renewal, enumerable: false },
    close: { value: () => renewal.close(), enumerable: false },
  }) as LiveLink;
};
